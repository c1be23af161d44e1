#include "SettingsTable.h"

#include "CacheDatabase.h"

#include <QSqlError>
#include <QSqlQuery>

Result<std::optional<QString>> SettingsTable::value(const QString &key) const
{
    QSqlQuery query = m_db.query();
    query.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    query.addBindValue(key);
    if (!query.exec() || (!query.next() && query.lastError().isValid()))
        return CacheDatabase::failure(QStringLiteral("reading a setting"),
                                      query.lastError().text());
    if (!query.isValid())
        return std::optional<QString>();
    return std::optional<QString>(query.value(0).toString());
}

Status SettingsTable::setValue(const QString &key, const QString &value)
{
    return m_db.exec(QStringLiteral("writing a setting"),
                     QStringLiteral("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)"),
                     {key, value});
}
