#pragma once

#include <QByteArray>

// A record's entity tag as kashew-server sends it, in the ETag header and in the change feed's
// "etag", so that either one is a valid If-Match: its version, quoted (a strong tag).
inline QByteArray entityTag(qint64 version)
{
    return '"' + QByteArray::number(version) + '"';
}
