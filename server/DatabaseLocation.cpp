#include "DatabaseLocation.h"

#include <QUrl>

Result<DatabaseLocation> DatabaseLocation::parse(const QString &text)
{
    const bool isUrl = text.startsWith(QLatin1String("postgresql://")) ||
                       text.startsWith(QLatin1String("postgres://"));
    if (!isUrl)
        return sqlite(text);
    // The user info ends at the authority's last '@'; a ':' in it starts a password. Looked for
    // in the text itself, before QUrl, whose errors quote the whole URL, password and all.
    const QString afterScheme = text.mid(text.indexOf(QLatin1String("://")) + 3);
    const QString authority = afterScheme.left(afterScheme.indexOf(QLatin1Char('/')));
    const qsizetype at = authority.lastIndexOf(QLatin1Char('@'));
    if (at >= 0 && authority.left(at).contains(QLatin1Char(':')))
        return Failure{QStringLiteral("a password does not belong in the database URL, where "
                                      "process lists and logs show it: put it in the "
                                      "configuration file's database_password, or in PGPASSWORD")};
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return Failure{
            QStringLiteral("not a valid database URL: write postgresql://USER@HOST:PORT/DB")};
    DatabaseLocation location;
    location.backend = Backend::Postgres;
    location.user = url.userName();
    location.host = url.host();
    location.port = url.port(5432);
    location.database = url.path().mid(1);
    if (location.user.isEmpty())
        return Failure{
            QStringLiteral("the database URL names no user: postgresql://USER@HOST:PORT/DB")};
    if (location.host.isEmpty())
        return Failure{
            QStringLiteral("the database URL names no host: postgresql://USER@HOST:PORT/DB")};
    if (location.database.isEmpty() || location.database.contains(QLatin1Char('/')))
        return Failure{
            QStringLiteral("the database URL names no database: postgresql://USER@HOST:PORT/DB")};
    if (location.port < 1 || location.port > 65535)
        return Failure{QStringLiteral("the database URL's port must be from 1 to 65535")};
    return location;
}

DatabaseLocation DatabaseLocation::sqlite(const QString &path)
{
    DatabaseLocation location;
    location.path = path;
    return location;
}

QString DatabaseLocation::display() const
{
    if (!isPostgres())
        return path;
    const QString host = this->host.contains(QLatin1Char(':'))
                             ? QLatin1Char('[') + this->host + QLatin1Char(']')
                             : this->host;
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}
