#include "ApiKeyring.h"

#include <QCryptographicHash>

ApiKeyring::ApiKeyring(const QStringList &writeKeys, const QStringList &readOnlyKeys,
                       const QHash<QString, QString> &keyUsers)
{
    const auto callerFor = [&keyUsers](const QString &key, bool canWrite) {
        const QString keyId = ownerIdFor(key);
        return Caller{keyUsers.value(key, keyId), keyId, canWrite};
    };
    for (const QString &key : readOnlyKeys)
        m_callers.insert(key, callerFor(key, false));
    for (const QString &key : writeKeys)
        m_callers.insert(key, callerFor(key, true));
}

std::optional<Caller> ApiKeyring::authenticate(const QByteArray &authorization) const
{
    const QByteArray prefix = QByteArrayLiteral("bearer ");
    if (!authorization.toLower().startsWith(prefix))
        return std::nullopt;
    const QString key = QString::fromUtf8(authorization.mid(prefix.size()).trimmed());
    const auto found = m_callers.constFind(key);
    if (key.isEmpty() || found == m_callers.constEnd())
        return std::nullopt;
    return *found;
}

QStringList ApiKeyring::userIds() const
{
    QStringList ids;
    for (const Caller &caller : m_callers) {
        if (!ids.contains(caller.ownerId))
            ids.append(caller.ownerId);
    }
    return ids;
}

QString ApiKeyring::ownerIdFor(const QString &key)
{
    const QByteArray hash = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256);
    return QStringLiteral("user_") + QString::fromLatin1(hash.toHex().left(16));
}

QString ApiKeyring::masked(const QString &key)
{
    if (key.size() < 12)
        return QStringLiteral("…");
    return key.left(5) + QStringLiteral("…") + key.right(4);
}
