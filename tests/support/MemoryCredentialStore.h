#pragma once

#include "CredentialStore.h"

#include <QHash>

// Keys in memory, for tests: the real keychain needs a desktop session.
class MemoryCredentialStore final : public CredentialStore
{
public:
    void read(const QString &account, ReadCallback done) override
    {
        done(m_keys.contains(account) ? std::optional<QString>(m_keys.value(account))
                                      : std::nullopt,
             QString());
    }
    void write(const QString &account, const QString &key, WriteCallback done) override
    {
        m_keys.insert(account, key);
        done(QString());
    }
    void remove(const QString &account, WriteCallback done) override
    {
        m_keys.remove(account);
        done(QString());
    }

private:
    QHash<QString, QString> m_keys;
};
