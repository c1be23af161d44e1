#pragma once

#include <QString>

// Opens a transaction on a named connection; rolls it back on destruction unless committed, so an
// early return or a failed statement can never leave half a change behind.
class SqlTransaction final
{
public:
    explicit SqlTransaction(const QString &connectionName);
    ~SqlTransaction();
    SqlTransaction(const SqlTransaction &) = delete;
    SqlTransaction &operator=(const SqlTransaction &) = delete;

    bool isActive() const { return m_active; }
    // False when there was no transaction or COMMIT failed (then error() says why).
    bool commit();
    QString error() const { return m_error; }

private:
    QString m_connectionName;
    bool m_active = false;
    QString m_error;
};
