#pragma once

#include <QMap>
#include <QString>

// The in-process figures of bench_ui by name, handed from the measuring process to the driver as
// "figure <name> <value>" lines after its report, so the driver can set them against the goals.
class UiFigures final
{
public:
    // Names of the figures (milliseconds unless said otherwise).
    static constexpr const char *rows = "rows";
    static constexpr const char *openMs = "open-ms";
    static constexpr const char *readMs = "read-ms";
    static constexpr const char *floorMs = "floor-ms";
    static constexpr const char *floorRows = "floor-rows";
    static constexpr const char *listKeyMedianMs = "list-key-median-ms";
    static constexpr const char *listKeyWorstMs = "list-key-worst-ms";
    static constexpr const char *boardKeyWorstMs = "board-key-worst-ms";
    static constexpr const char *forecastKeyWorstMs = "forecast-key-worst-ms";
    static constexpr const char *moveStoredWorstMs = "move-stored-worst-ms";
    static constexpr const char *moveShownWorstMs = "move-shown-worst-ms";
    static constexpr const char *peakMb = "peak-mb";

    void set(const char *name, double value) { m_values.insert(QLatin1String(name), value); }
    // -1 when the figure was not measured.
    double value(const char *name) const { return m_values.value(QLatin1String(name), -1); }
    bool has(const char *name) const { return m_values.contains(QLatin1String(name)); }

    // The figures as lines to append to a report.
    QString toLines() const;
    // The figures among `output`'s lines; `report` gets the other lines.
    static UiFigures parse(const QString &output, QString *report);

private:
    QMap<QString, double> m_values;
};
