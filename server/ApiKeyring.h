#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <optional>

// Who a request comes from: the user the key belongs to (the owner id it writes), the key's own
// opaque id (rate limits count per key), and whether it may write.
struct Caller
{
    QString ownerId;
    QString keyId;
    bool canWrite = false;
};

// The API keys kashew-server accepts. Keys are kept only here and never printed in full.
class ApiKeyring final
{
public:
    // `keyUsers`: the user id of each key that names one (KEY@ID); any other key stands for
    // its own ownerIdFor(key).
    explicit ApiKeyring(const QStringList &writeKeys = {}, const QStringList &readOnlyKeys = {},
                        const QHash<QString, QString> &keyUsers = {});

    bool isEmpty() const { return m_callers.isEmpty(); }
    // Reads "Bearer <key>" from an Authorization header value.
    std::optional<Caller> authenticate(const QByteArray &authorization) const;
    // The user of every key, each once.
    QStringList userIds() const;

    // The stable, opaque owner id a key stands for (a hash, so the key cannot be recovered).
    static QString ownerIdFor(const QString &key);
    // A key shortened for logs: its first characters and its last four.
    static QString masked(const QString &key);

private:
    QHash<QString, Caller> m_callers;
};
