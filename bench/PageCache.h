#pragma once

#include <QStringList>

// The kernel's page cache over a set of files, for a cold or a warm start-up.
class PageCache final
{
public:
    // The cache file and the files SQLite keeps beside it.
    static QStringList cacheFiles(const QString &cache);
    // The share of the files' pages in the page cache (mincore on a mapping faults nothing in).
    static double residentShare(const QStringList &paths);
    // Cold: written to disk, then dropped from the page cache. Warm: read once, all of it.
    static void prepare(const QStringList &paths, bool cold);
};
