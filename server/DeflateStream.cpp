#include "DeflateStream.h"

DeflateStream::DeflateStream(int level, bool raw)
{
    // windowBits 15 + 16: a gzip header and trailer around the deflate stream; -15: neither.
    m_ready = deflateInit2(&m_stream, level, Z_DEFLATED, raw ? -15 : 15 + 16, 8,
                           Z_DEFAULT_STRATEGY) == Z_OK;
}

DeflateStream::~DeflateStream()
{
    if (m_ready)
        deflateEnd(&m_stream);
}

z_stream *DeflateStream::reset()
{
    return m_ready && deflateReset(&m_stream) == Z_OK ? &m_stream : nullptr;
}
