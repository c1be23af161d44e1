#include "PageCache.h"

#include <QFile>
#include <algorithm>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

QStringList PageCache::cacheFiles(const QString &cache)
{
    return {cache, cache + QStringLiteral("-wal"), cache + QStringLiteral("-shm")};
}

double PageCache::residentShare(const QStringList &paths)
{
    const long pageSize = sysconf(_SC_PAGESIZE);
    qint64 pages = 0;
    qint64 resident = 0;
    for (const QString &path : paths) {
        const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            continue;
        struct stat status = {};
        if (fstat(fd, &status) == 0 && status.st_size > 0) {
            void *map = mmap(nullptr, status.st_size, PROT_READ, MAP_SHARED, fd, 0);
            if (map != MAP_FAILED) {
                std::vector<unsigned char> inCore((status.st_size + pageSize - 1) / pageSize);
                if (mincore(map, status.st_size, inCore.data()) == 0) {
                    pages += static_cast<qint64>(inCore.size());
                    resident += std::count_if(inCore.begin(), inCore.end(),
                                              [](unsigned char page) { return page & 1; });
                }
                munmap(map, status.st_size);
            }
        }
        ::close(fd);
    }
    return pages == 0 ? 0 : double(resident) / double(pages);
}

void PageCache::prepare(const QStringList &paths, bool cold)
{
    for (const QString &path : paths) {
        const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            continue;
        if (cold) {
            fsync(fd);
            posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
        } else {
            char buffer[1 << 16];
            while (::read(fd, buffer, sizeof buffer) > 0) {
            }
        }
        ::close(fd);
    }
}
