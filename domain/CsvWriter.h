#pragma once

#include <QChar>
#include <QString>
#include <QStringList>

// Writes RFC 4180 CSV: CRLF line ends, a field quoted when it holds the separator, a quote or a
// line break (its quotes doubled). Text that came from users or a server goes through
// guarded(), so that a spreadsheet shows it and never runs it as a formula.
class CsvWriter final
{
public:
    explicit CsvWriter(QChar separator = QLatin1Char(','))
        : m_separator(separator)
    {}

    QChar separator() const { return m_separator; }
    // Fields as they are to appear (already formatted, guarded where they need it).
    void addRow(const QStringList &fields);
    QString text() const { return m_text; }

    // One field as written: quoted when it has to be.
    static QString field(const QString &text, QChar separator = QLatin1Char(','));
    // Text a spreadsheet would take for a formula (starting with = + - @, a tab or a carriage
    // return) gets a leading apostrophe; other text is as it was. A negative number as text
    // ("-5") is guarded too: only fields that are numbers by their column (values, counts)
    // stay unguarded. Text that starts with apostrophes before a formula start ("'=1") gets one
    // more, so that unguarded(guarded(text)) is text for every text.
    static QString guarded(const QString &text);
    // Undoes guarded(): an apostrophe before a formula start (after any further apostrophes)
    // goes away; other text is as it was.
    static QString unguarded(const QString &text);

private:
    QChar m_separator;
    QString m_text;
};
