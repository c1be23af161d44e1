#include "SqlTransaction.h"

#include <QSqlDatabase>

SqlTransaction::SqlTransaction(const QString &connectionName)
    : m_connectionName(connectionName)
    , m_active(QSqlDatabase::database(connectionName).transaction())
{
}

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
    return QSqlDatabase::database(m_connectionName).commit();
}
