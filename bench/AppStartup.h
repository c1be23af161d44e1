#pragma once

#include <QString>
#include <optional>

// One start-up of the real kashew-desktop binary on a profile, timed from before its fork+exec
// to what it reports (KASHEW_REPORT_FIRST_FRAME) on the same monotonic clock: "first-frame <ns>
// <rows>" once the window with data is painted, then, where the app pages the cache in after
// that, "all-loaded <ns> <rows>" once every record is in the model and painted.
class AppStartup final
{
public:
    struct Run final
    {
        // Empty when the start-up was timed; else what went wrong.
        QString error;
        double firstFrameMs = -1;
        int firstFrameRows = -1;
        // Absent when the app reports its first frame only (it loads everything before it).
        std::optional<double> allLoadedMs;
        int allLoadedRows = -1;
    };

    // `timeoutMs`: how long the app may take to report and quit.
    static Run run(const QString &profileDir, int timeoutMs);
    // The largest resident set of the children this process has waited for, in MB: the start-ups.
    static long childrenPeakMegabytes();
};
