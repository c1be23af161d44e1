#include "FiguresFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cstdio>

bool FiguresFile::publish(const QString &report, const QString &path)
{
    const QByteArray text = report.toUtf8();
    std::fputs(text.constData(), stdout);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text) != text.size()) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
        return false;
    }
    return true;
}
