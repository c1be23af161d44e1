#pragma once

#include "Result.h"

#include <QByteArray>

// One gzip member made by two threads at once, as pigz makes them: the first half is deflated on a
// worker thread while the calling thread deflates the second with the 8 KiB before it as its
// dictionary, and the two streams are joined at a byte boundary (the first ends in a sync flush,
// not a final block) under one header and one trailer (the CRC-32s combined). What comes out
// inflates to `data` like any gzip member, about as small as one stream makes it, in little more
// than half the time: deflate was a third of a list page's time on the server.
namespace ParallelGzip {

// Bodies from this size on are worth a second thread; smaller ones are one stream.
constexpr qsizetype minimumBytes = 32 * 1024;

// `data` (at least minimumBytes) as one gzip member at zlib's `level`.
Result<QByteArray> compress(const QByteArray &data, int level);

} // namespace ParallelGzip
