#include "DeflateStream.h"

DeflateStream::DeflateStream(int level)
{
    // windowBits 15 + 16: a gzip header and trailer around the deflate stream.
    m_ready = deflateInit2(&m_stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK;
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
