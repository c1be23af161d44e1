#include "AppStartup.h"

#include <QProcess>
#include <chrono>
#include <sys/resource.h>

namespace {

qint64 nowNs()
{
    return std::chrono::nanoseconds(std::chrono::steady_clock::now().time_since_epoch()).count();
}

} // namespace

AppStartup::Run AppStartup::run(const QString &profileDir, int timeoutMs)
{
    Run result;
    QProcess app;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("KASHEW_REPORT_FIRST_FRAME"), QStringLiteral("1"));
    environment.remove(QStringLiteral("KASHEW_API_KEY")); // local-only: no network in the figure
    app.setProcessEnvironment(environment);
    app.setStandardErrorFile(QProcess::nullDevice());
    const qint64 t0 = nowNs();
    app.start(QStringLiteral(KASHEW_DESKTOP_PATH), {QStringLiteral("--profile"), profileDir});
    if (!app.waitForFinished(timeoutMs)) {
        app.kill();
        app.waitForFinished();
        result.error =
            QStringLiteral("kashew-desktop did not quit within %1 s").arg(timeoutMs / 1000);
        return result;
    }
    const QByteArray output = app.readAllStandardOutput();
    if (app.exitStatus() != QProcess::NormalExit || app.exitCode() != 0) {
        result.error = QStringLiteral("kashew-desktop exited with %1").arg(app.exitCode());
        return result;
    }
    for (const QByteArray &line : output.split('\n')) {
        const QList<QByteArray> parts = line.trimmed().split(' ');
        if (parts.size() != 3)
            continue;
        const double ms = (parts.at(1).toLongLong() - t0) / 1e6;
        const int rows = parts.at(2).toInt();
        if (parts.at(0) == "first-frame") {
            result.firstFrameMs = ms;
            result.firstFrameRows = rows;
        } else if (parts.at(0) == "all-loaded") {
            result.allLoadedMs = ms;
            result.allLoadedRows = rows;
        }
    }
    if (result.firstFrameMs < 0)
        result.error = QStringLiteral("kashew-desktop did not report its first frame: \"%1\"")
                           .arg(QString::fromUtf8(output.trimmed()));
    return result;
}

long AppStartup::childrenPeakMegabytes()
{
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    return usage.ru_maxrss / 1024;
}
