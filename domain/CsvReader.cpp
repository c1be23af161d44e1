#include "CsvReader.h"

#include <QStringDecoder>
#include <array>
#include <limits>

namespace {

const QByteArray utf8Bom = QByteArrayLiteral("\xEF\xBB\xBF");
// Enough records to tell the separator, few enough to stay quick on a large file.
constexpr qsizetype detectionRecords = 20;

struct Record
{
    QStringList fields;
    int line = 0;
};

struct Parsed
{
    QList<Record> records;
    // Set when the text cannot be read: the message, naming the line.
    std::optional<QString> error;
};

bool isLineBreak(QChar c)
{
    return c == QLatin1Char('\n') || c == QLatin1Char('\r');
}

bool allEmpty(const QStringList &fields)
{
    for (const QString &field : fields) {
        if (!field.isEmpty())
            return false;
    }
    return true;
}

// Splits text into records of fields (RFC 4180, CRLF, LF or CR line ends) up to maxRecords
// records, counting the file's lines as it goes.
class Parser final
{
public:
    explicit Parser(QStringView text, QChar separator)
        : m_text(text)
        , m_separator(separator)
    {}

    Parsed parse(qsizetype maxRecords)
    {
        Parsed parsed;
        while (m_pos < m_text.size() && parsed.records.size() < maxRecords) {
            if (isLineBreak(m_text.at(m_pos))) {
                skipLineBreak(); // an empty line
                continue;
            }
            Record record{{}, m_line};
            if (!readRecord(record.fields)) {
                parsed.error = m_error;
                return parsed;
            }
            // A spreadsheet's empty row is written as separators only: as empty as an empty line.
            if (!allEmpty(record.fields))
                parsed.records.append(std::move(record));
        }
        return parsed;
    }

private:
    // One record, up to and with its line end.
    bool readRecord(QStringList &fields)
    {
        for (;;) {
            QString field;
            if (m_pos < m_text.size() && m_text.at(m_pos) == QLatin1Char('"')) {
                if (!readQuoted(field))
                    return false;
            } else {
                readUnquoted(field);
            }
            fields.append(field);
            if (m_pos >= m_text.size())
                return true;
            if (m_text.at(m_pos) == m_separator) {
                ++m_pos;
                continue;
            }
            skipLineBreak();
            return true;
        }
    }

    // A quote inside an unquoted field (12" screen) is taken as it is, as spreadsheets do.
    void readUnquoted(QString &field)
    {
        const qsizetype start = m_pos;
        while (m_pos < m_text.size() && m_text.at(m_pos) != m_separator &&
               !isLineBreak(m_text.at(m_pos)))
            ++m_pos;
        field = m_text.sliced(start, m_pos - start).toString();
    }

    bool readQuoted(QString &field)
    {
        const int startLine = m_line;
        ++m_pos; // the opening quote
        for (;;) {
            if (m_pos >= m_text.size()) {
                m_error = CsvReader::tr("Line %1: a quoted field is not closed.").arg(startLine);
                return false;
            }
            const QChar c = m_text.at(m_pos);
            if (c == QLatin1Char('"')) {
                if (m_pos + 1 < m_text.size() && m_text.at(m_pos + 1) == QLatin1Char('"')) {
                    field += c;
                    m_pos += 2;
                    continue;
                }
                ++m_pos; // the closing quote
                break;
            }
            // Line breaks inside the field are the field's own, kept as they are.
            if (c == QLatin1Char('\n') ||
                (c == QLatin1Char('\r') &&
                 (m_pos + 1 >= m_text.size() || m_text.at(m_pos + 1) != QLatin1Char('\n'))))
                ++m_line;
            field += c;
            ++m_pos;
        }
        if (m_pos < m_text.size() && m_text.at(m_pos) != m_separator &&
            !isLineBreak(m_text.at(m_pos))) {
            m_error = CsvReader::tr("Line %1: there is text after the closing quote of a field.")
                          .arg(m_line);
            return false;
        }
        return true;
    }

    // CRLF, LF or a lone CR: one line end.
    void skipLineBreak()
    {
        if (m_text.at(m_pos) == QLatin1Char('\r') && m_pos + 1 < m_text.size() &&
            m_text.at(m_pos + 1) == QLatin1Char('\n'))
            ++m_pos;
        ++m_pos;
        ++m_line;
    }

    QStringView m_text;
    QChar m_separator;
    qsizetype m_pos = 0;
    int m_line = 1;
    QString m_error;
};

QString decoded(const QByteArray &bytes, CsvTable::Encoding encoding)
{
    QStringDecoder decoder(encoding == CsvTable::Encoding::Utf8 ? QStringConverter::Utf8
                                                                : QStringConverter::Latin1);
    return decoder.decode(bytes);
}

} // namespace

CsvTable::Encoding CsvReader::detectEncoding(const QByteArray &bytes)
{
    if (bytes.startsWith(utf8Bom))
        return CsvTable::Encoding::Utf8;
    QStringDecoder decoder(QStringConverter::Utf8);
    const QString text = decoder.decode(bytes);
    return decoder.hasError() ? CsvTable::Encoding::Latin1 : CsvTable::Encoding::Utf8;
}

QChar CsvReader::detectSeparator(QStringView text)
{
    // In the order a tie goes: a tab or a semicolon is rarely in text by chance, a comma often.
    static const std::array<QChar, 3> candidates = {QLatin1Char('\t'), QLatin1Char(';'),
                                                    QLatin1Char(',')};
    QChar best = QLatin1Char(',');
    qsizetype bestFields = 1;
    for (const QChar candidate : candidates) {
        Parser parser(text, candidate);
        const Parsed parsed = parser.parse(detectionRecords);
        // A separator that makes the quotes fall apart is the wrong one.
        if (parsed.error || parsed.records.isEmpty())
            continue;
        const qsizetype fields = parsed.records.front().fields.size();
        bool same = true;
        for (const Record &record : parsed.records)
            same = same && record.fields.size() == fields;
        if (same && fields > bestFields) {
            best = candidate;
            bestFields = fields;
        }
    }
    return best;
}

Result<CsvTable> CsvReader::read(const QByteArray &bytes, const Options &options)
{
    CsvTable table;
    table.hadBom = bytes.startsWith(utf8Bom);
    const QByteArray body = table.hadBom ? bytes.sliced(utf8Bom.size()) : bytes;
    const qsizetype nul = body.indexOf('\0');
    if (nul >= 0) {
        const int line = int(body.first(nul).count('\n')) + 1;
        return Failure{tr("Line %1: this is not a text file (a spreadsheet's own file rather "
                          "than CSV?).")
                           .arg(line)};
    }
    table.encoding = options.encoding ? *options.encoding : detectEncoding(bytes);
    const QString text = decoded(body, table.encoding);
    table.separator = options.separator ? *options.separator : detectSeparator(text);

    Parser parser(text, table.separator);
    Parsed parsed = parser.parse(std::numeric_limits<qsizetype>::max());
    if (parsed.error)
        return Failure{*parsed.error};
    if (parsed.records.isEmpty())
        return Failure{tr("The file has no rows.")};
    table.header = parsed.records.front().fields;
    table.rows.reserve(parsed.records.size() - 1);
    table.lines.reserve(parsed.records.size() - 1);
    for (qsizetype i = 1; i < parsed.records.size(); ++i) {
        table.rows.append(std::move(parsed.records[i].fields));
        table.lines.append(parsed.records.at(i).line);
    }
    return table;
}
