#pragma once

#include <QtGlobal>
#include <cstring>

// A fast hash of short texts' bytes (ids and names), for the open-addressed tables of the
// string pool and the model's row index: eight bytes a step, multiplied and folded.
namespace ByteHash {

inline quint64 mix(quint64 x)
{
    x *= 0xbf58476d1ce4e5b9ULL;
    return x ^ (x >> 31);
}

inline quint64 of(const char *data, qsizetype size)
{
    quint64 hash = quint64(size) * 0x9e3779b97f4a7c15ULL;
    qsizetype at = 0;
    for (; at + 8 <= size; at += 8) {
        quint64 chunk;
        std::memcpy(&chunk, data + at, 8);
        hash = mix(hash ^ chunk);
    }
    if (at < size) {
        quint64 chunk = 0;
        std::memcpy(&chunk, data + at, size_t(size - at));
        hash = mix(hash ^ chunk);
    }
    return mix(hash);
}

} // namespace ByteHash
