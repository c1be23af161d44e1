#include "ServerFeatures.h"

ServerFeatures ServerFeatures::fromHeader(const QByteArray &value)
{
    ServerFeatures features;
    // Qt joins a header sent more than once with commas, so that case reads the same.
    for (const QByteArray &part : value.split(',')) {
        const QString name = QString::fromLatin1(part.trimmed()).toLower();
        if (!name.isEmpty())
            features.m_names.insert(name);
    }
    return features;
}
