#pragma once

#include "CsvTable.h"
#include "Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <optional>

// Reads what spreadsheets write: RFC 4180 fields (quoted fields with separators, doubled quotes
// and line breaks), CRLF or LF line ends, a UTF-8 byte order mark, a separator of `,` `;` or
// tab, and UTF-8 or Latin-1 text. Empty lines are skipped, and so are lines of separators only
// (a spreadsheet's empty row). Line breaks inside a quoted field are kept as they are. A quote
// inside an unquoted field (12" screen) is part of it, as spreadsheets read it. A file it
// cannot read (an unterminated quote, text after a closing quote, a NUL byte as in a binary
// spreadsheet file, nothing in it) is a Failure naming the line.
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
    // The separator of decoded text: `,` `;` or tab; `,` when nothing tells. Of the candidates
    // that split the first records alike, the one giving the most fields; a tie goes to tab,
    // then `;`, then `,` (commas are the likeliest in text).
    static QChar detectSeparator(QStringView text);
};
