#pragma once

#include <QChar>
#include <QList>
#include <QStringList>

// A CSV file as read: its rows of fields, with where each row starts in the file and how the
// file was written (separator, encoding), so an import can name the line a problem is on.
struct CsvTable
{
    enum class Encoding
    {
        Utf8,
        Latin1,
    };

    // The first row (a header, when the file has one); the rest follow in `rows`.
    QStringList header;
    QList<QStringList> rows;
    // The file's line (1-based) where each of `rows` starts: a quoted field with line breaks
    // makes a row span lines.
    QList<int> lines;
    QChar separator = QLatin1Char(',');
    Encoding encoding = Encoding::Utf8;
    // The file began with a UTF-8 byte order mark.
    bool hadBom = false;
};
