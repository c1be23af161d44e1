#include "CsvWriter.h"

namespace {

const QString lineEnd = QStringLiteral("\r\n");

bool isFormulaStart(QChar c)
{
    return c == QLatin1Char('=') || c == QLatin1Char('+') || c == QLatin1Char('-') ||
           c == QLatin1Char('@') || c == QLatin1Char('\t') || c == QLatin1Char('\r');
}

// Whether the text, after any apostrophes it starts with, starts a formula: "'=1" is guarded as
// well, so that unguarded() gives back every text exactly, also one that began with an
// apostrophe of its own.
bool startsFormula(const QString &text)
{
    qsizetype i = 0;
    while (i < text.size() && text.at(i) == QLatin1Char('\''))
        ++i;
    return i < text.size() && isFormulaStart(text.at(i));
}

} // namespace

void CsvWriter::addRow(const QStringList &fields)
{
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            m_text += m_separator;
        m_text += field(fields.at(i), m_separator);
    }
    m_text += lineEnd;
}

QString CsvWriter::field(const QString &text, QChar separator)
{
    if (!text.contains(separator) && !text.contains(QLatin1Char('"')) &&
        !text.contains(QLatin1Char('\r')) && !text.contains(QLatin1Char('\n')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString CsvWriter::guarded(const QString &text)
{
    return startsFormula(text) ? QLatin1Char('\'') + text : text;
}

QString CsvWriter::unguarded(const QString &text)
{
    return text.startsWith(QLatin1Char('\'')) && startsFormula(text) ? text.mid(1) : text;
}
