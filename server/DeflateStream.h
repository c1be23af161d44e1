#pragma once

#include <zlib.h>

// A gzip deflate state (windowBits 15+16) kept for reuse: making one costs more than compressing
// a page of 100 records (zlib allocates and clears some 270 KiB for it), resetting one does not.
// With `raw`, a bare deflate stream (windowBits -15), for ParallelGzip's parts.
class DeflateStream final
{
public:
    explicit DeflateStream(int level, bool raw = false);
    ~DeflateStream();
    DeflateStream(const DeflateStream &) = delete;
    DeflateStream &operator=(const DeflateStream &) = delete;

    // The state, as after deflateInit2, for one whole gzip member (or raw stream); null if zlib
    // failed.
    z_stream *reset();

private:
    z_stream m_stream{};
    bool m_ready = false;
};
