#include "SqlTransaction.h"

#include <QSqlDatabase>
#include <QSqlError>

SqlTransaction::SqlTransaction(const QString &connectionName)
    : m_connectionName(connectionName)
    , m_active(QSqlDatabase::database(connectionName).transaction())
{}

SqlTransaction::~SqlTransaction()
{
    if (m_active)
        QSqlDatabase::database(m_connectionName).rollback();
}

bool SqlTransaction::commit()
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    if (!m_active) {
        m_error = QStringLiteral("no transaction could be started: ") + db.lastError().text();
        return false;
    }
    m_active = false;
    if (db.commit())
        return true;
    m_error = db.lastError().text();
    // SQLite keeps the transaction open after a failed COMMIT (busy, full disk): end it.
    db.rollback();
    return false;
}
