#pragma once

#include <zlib.h>

// A gzip deflate state (windowBits 15+16) kept for reuse: making one costs more than compressing
// a page of 100 records (zlib allocates and clears some 270 KiB for it), resetting one does not.
class DeflateStream final
{
public:
    explicit DeflateStream(int level);
    ~DeflateStream();
    DeflateStream(const DeflateStream &) = delete;
    DeflateStream &operator=(const DeflateStream &) = delete;

    // The state, as after deflateInit2, for one whole gzip member; null if zlib failed.
    z_stream *reset();

private:
    z_stream m_stream{};
    bool m_ready = false;
};
