#pragma once

#include "CsvTable.h"
#include "Result.h"

#include <QChar>
#include <QString>
#include <QStringList>
#include <optional>

class QCommandLineParser;

// What `kashew export` and `kashew import` are asked for besides the list's filters, read and
// checked without a cache or a server.
struct CliCsvOptions
{
    // export: --csv FILE; empty: standard output.
    QString exportFile;
    // export: --locale, the user's locale's style instead of the neutral one.
    bool localeStyle = false;
    // import: the FILE argument.
    QString importFile;
    // import: each --map COLUMN=FIELD as given, in order (checked against the file's header
    // once it is read).
    QStringList maps;
    bool update = false;
    bool dryRun = false;
    bool skipInvalid = false;
    // Unset: detected from the file.
    std::optional<CsvTable::Encoding> encoding;
    std::optional<QChar> separator;

    // --csv, --locale, --map, --update, --dry-run, --skip-invalid, --encoding and --separator;
    // the failure names the option at fault.
    static Result<CliCsvOptions> read(const QCommandLineParser &parser);
};
