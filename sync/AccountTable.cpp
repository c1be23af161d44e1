#include "AccountTable.h"

#include "AccountJson.h"
#include "CacheDatabase.h"
#include "CacheRows.h"
#include "SqlTransaction.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>

Result<QList<Account>> AccountTable::all() const
{
    QList<Account> list;
    QSqlQuery query = m_db.query();
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT data FROM accounts")))
        return CacheDatabase::failure(QStringLiteral("reading accounts"), query.lastError().text());
    while (query.next()) {
        FieldErrors errors;
        const Account account = AccountJson::read(
            QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object(), &errors);
        if (errors.isEmpty())
            list.append(account);
    }
    std::sort(list.begin(), list.end(), [](const Account &a, const Account &b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
    return list;
}

Result<StoreChanges> AccountTable::replace(const QList<Account> &accounts)
{
    return write(accounts, {}, true);
}

Result<StoreChanges> AccountTable::merge(const QList<Account> &accounts, const QStringList &removed)
{
    return write(accounts, removed, false);
}

Result<StoreChanges> AccountTable::write(const QList<Account> &accounts, const QStringList &removed,
                                         bool replaceAll)
{
    const QString what = QStringLiteral("storing accounts");
    SqlTransaction transaction(m_db.connectionName());
    {
        QSqlQuery query = m_db.query();
        if (replaceAll && !query.exec(QStringLiteral("DELETE FROM accounts")))
            return CacheDatabase::failure(what, query.lastError().text());
        query.prepare(QStringLiteral("INSERT OR REPLACE INTO accounts (id, data) VALUES (?, ?)"));
        for (const Account &account : accounts) {
            query.addBindValue(account.id);
            query.addBindValue(CacheRows::jsonText(AccountJson::toResponse(account)));
            if (!query.exec())
                return CacheDatabase::failure(what, query.lastError().text());
        }
        query.prepare(QStringLiteral("DELETE FROM accounts WHERE id = ?"));
        for (const QString &id : removed) {
            query.addBindValue(id);
            if (!query.exec())
                return CacheDatabase::failure(what, query.lastError().text());
        }
    }
    if (Status committed = m_db.commit(transaction); !committed)
        return Failure{committed.error()};
    StoreChanges changes;
    changes.accounts = true;
    return changes;
}
