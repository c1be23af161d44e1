#include "SqlTransaction.h"

#include <QSqlDatabase>

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
    if (!m_active)
        return false;
    m_active = false;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    if (db.commit())
        return true;
    // SQLite keeps the transaction open after a failed COMMIT (busy, full disk): end it.
    db.rollback();
    return false;
}
