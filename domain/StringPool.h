#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

// One shared copy of each text read many times over (an account's id and name, an owner, a
// currency): 100,000 rows of a few hundred accounts hold a few hundred strings, not 100,000.
class StringPool final
{
public:
    // The pooled string for this UTF-8 text; a lookup allocates nothing once the text is known.
    QString fromUtf8(const char *data, qsizetype size)
    {
        // Not owning: only looked up with, never kept.
        const QByteArray key = QByteArray::fromRawData(data, size);
        if (const auto known = m_strings.constFind(key); known != m_strings.constEnd())
            return *known;
        // Empty text stays apart from no text (NULL): empty, but not null.
        QString text = size == 0 ? QString(QLatin1String("")) : QString::fromUtf8(data, size);
        m_strings.insert(QByteArray(data, size), text);
        return text;
    }
    qsizetype size() const { return m_strings.size(); }

private:
    QHash<QByteArray, QString> m_strings;
};
