#include "CliCsvOptions.h"

#include <QCommandLineParser>

Result<CliCsvOptions> CliCsvOptions::read(const QCommandLineParser &parser)
{
    CliCsvOptions options;
    options.exportFile = parser.value(QStringLiteral("csv"));
    if (parser.isSet(QStringLiteral("csv")) && options.exportFile.isEmpty())
        return Failure{QStringLiteral("--csv: give the file to write")};
    options.localeStyle = parser.isSet(QStringLiteral("locale"));
    options.maps = parser.values(QStringLiteral("map"));
    for (const QString &map : std::as_const(options.maps)) {
        // The field is after the last '=': a header may hold one, a field name never does.
        if (map.lastIndexOf(QLatin1Char('=')) <= 0)
            return Failure{QStringLiteral("--map: '%1' is not COLUMN=FIELD (FIELD empty: the "
                                          "column is not imported)")
                               .arg(map)};
    }
    options.update = parser.isSet(QStringLiteral("update"));
    options.dryRun = parser.isSet(QStringLiteral("dry-run"));
    options.skipInvalid = parser.isSet(QStringLiteral("skip-invalid"));
    if (parser.isSet(QStringLiteral("encoding"))) {
        const QString text = parser.value(QStringLiteral("encoding"));
        const QString name = text.toLower().remove(QLatin1Char('-'));
        if (name == QLatin1String("utf8"))
            options.encoding = CsvTable::Encoding::Utf8;
        else if (name == QLatin1String("latin1") || name == QLatin1String("iso88591"))
            options.encoding = CsvTable::Encoding::Latin1;
        else
            return Failure{
                QStringLiteral("--encoding: '%1' is neither utf-8 nor latin1").arg(text)};
    }
    if (parser.isSet(QStringLiteral("separator"))) {
        const QString text = parser.value(QStringLiteral("separator"));
        if (text == QLatin1String(",") || text == QLatin1String(";"))
            options.separator = text.front();
        else if (text.compare(QLatin1String("tab"), Qt::CaseInsensitive) == 0 ||
                 text == QLatin1String("\t"))
            options.separator = QLatin1Char('\t');
        else
            return Failure{QStringLiteral("--separator: '%1' is none of , ; tab").arg(text)};
    }
    return options;
}
