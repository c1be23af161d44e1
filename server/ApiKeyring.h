#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <optional>

// Who a request comes from: the owner id the key stands for, and whether it may write.
struct Caller
{
    QString ownerId;
    bool canWrite = false;
};

// The API keys kashew-server accepts. Keys are kept only here and never printed in full.
class ApiKeyring final
{
public:
    explicit ApiKeyring(const QStringList &writeKeys = {}, const QStringList &readOnlyKeys = {});

    bool isEmpty() const { return m_callers.isEmpty(); }
    // Reads "Bearer <key>" from an Authorization header value.
    std::optional<Caller> authenticate(const QByteArray &authorization) const;

    // The stable, opaque owner id a key stands for (a hash, so the key cannot be recovered).
    static QString ownerIdFor(const QString &key);
    // A key shortened for logs: its first characters and its last four.
    static QString masked(const QString &key);

private:
    QHash<QString, Caller> m_callers;
};
