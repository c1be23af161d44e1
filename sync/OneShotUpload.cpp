#include "OneShotUpload.h"

#include <algorithm>
#include <cstring>

OneShotUpload::OneShotUpload(const QByteArray &body, QObject *parent)
    : QIODevice(parent)
    , m_body(body)
{
    open(QIODevice::ReadOnly);
}

qint64 OneShotUpload::bytesAvailable() const
{
    return m_body.size() - m_position + QIODevice::bytesAvailable();
}

qint64 OneShotUpload::readData(char *data, qint64 maxSize)
{
    const qint64 count = std::min<qint64>(maxSize, m_body.size() - m_position);
    if (count <= 0)
        return m_position >= m_body.size() ? -1 : 0;
    std::memcpy(data, m_body.constData() + m_position, static_cast<size_t>(count));
    m_position += count;
    return count;
}

qint64 OneShotUpload::writeData(const char *, qint64)
{
    return -1;
}
