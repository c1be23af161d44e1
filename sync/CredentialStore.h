#pragma once

#include <QString>
#include <functional>
#include <optional>

// Where the API key lives: the system keychain in the app, memory in tests. Never QSettings,
// never the cache, never a log.
class CredentialStore
{
public:
    using ReadCallback =
        std::function<void(const std::optional<QString> &key, const QString &error)>;
    using WriteCallback = std::function<void(const QString &error)>;

    virtual ~CredentialStore() = default;
    // `account` names the key (profile and server).
    virtual void read(const QString &account, ReadCallback done) = 0;
    virtual void write(const QString &account, const QString &key, WriteCallback done) = 0;
    virtual void remove(const QString &account, WriteCallback done) = 0;
};
