#pragma once

#include <QByteArray>
#include <QtGlobal>
#include <time.h>

// Sets the local time zone (TZ) for as long as it lives; the old one, or none, comes back after.
class LocalZone final
{
public:
    explicit LocalZone(const QByteArray &zone)
        : m_was(qgetenv("TZ"))
        , m_had(qEnvironmentVariableIsSet("TZ"))
    {
        qputenv("TZ", zone);
        tzset();
    }
    ~LocalZone()
    {
        if (m_had)
            qputenv("TZ", m_was);
        else
            qunsetenv("TZ");
        tzset();
    }
    LocalZone(const LocalZone &) = delete;
    LocalZone &operator=(const LocalZone &) = delete;

private:
    QByteArray m_was;
    bool m_had = false;
};
