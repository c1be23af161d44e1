#pragma once

#include "CsvTable.h"
#include "Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <optional>

// Reads what spreadsheets write: RFC 4180 fields (quoted fields with separators, doubled quotes
// and line breaks), CRLF or LF line ends, a UTF-8 byte order mark, a separator of `,` `;` or
// tab, and UTF-8 or Latin-1 text. Empty lines are skipped. A file it cannot read (an
// unterminated quote, a quote inside an unquoted field that makes no sense, nothing in it) is
// a Failure naming the line.
class CsvReader final
{
    Q_DECLARE_TR_FUNCTIONS(CsvReader)

public:
    struct Options
    {
        // Unset: detected (UTF-8 when the bytes are valid UTF-8, else Latin-1).
        std::optional<CsvTable::Encoding> encoding;
        // Unset: detected from the first lines (the candidate that splits them into the same
        // number of fields, more than one, outside quotes).
        std::optional<QChar> separator;
    };

    static Result<CsvTable> read(const QByteArray &bytes, const Options &options);
    static Result<CsvTable> read(const QByteArray &bytes) { return read(bytes, Options{}); }
    // The encoding the bytes are most likely in.
    static CsvTable::Encoding detectEncoding(const QByteArray &bytes);
    // The separator of decoded text: `,` `;` or tab; `,` when nothing tells.
    static QChar detectSeparator(QStringView text);
};
