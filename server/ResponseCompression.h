#pragma once

#include "ApiResponse.h"
#include "Result.h"

#include <QByteArray>

// Content coding of kashew-server's responses: a body of 1 KiB or more goes compressed to a
// client whose Accept-Encoding admits zstd or gzip, with Content-Encoding and Vary. zstd when the
// client admits it at least as much as gzip (Qt's QNetworkAccessManager asks for "zstd, br, gzip,
// deflate" by itself and decodes transparently; so do current browsers): zstd makes a list page
// of 100 in a sixth of zlib's time, a tenth smaller, and decodes in half the time. Smaller bodies
// are not worth a header and a call; everything else goes as it is.
class ResponseCompression final
{
public:
    enum class Coding
    {
        Identity,
        Gzip,
        Zstd
    };

    static constexpr qsizetype minimumBytes = 1024;
    // zlib's level (1 fastest ... 9 smallest): 3, the best of its fast levels, compresses a list
    // page some 3.5 times as fast as the default 6, for about 12% more bytes.
    static constexpr int level = 3;
    // zstd's level 1, its fastest regular one: already smaller than zlib's 6 on list pages.
    static constexpr int zstdLevel = 1;

    // Whether an Accept-Encoding field value admits gzip: gzip (or x-gzip) named without q=0,
    // or "*" without q=0 when gzip is not named (RFC 9110 12.5.3).
    static bool acceptsGzip(const QByteArray &acceptEncoding);
    // The coding for a client that sent `acceptEncoding`: zstd if admitted and its q is not below
    // gzip's, else gzip if admitted, else identity (RFC 9110 12.5.3, "*" as for acceptsGzip).
    static Coding codingFor(const QByteArray &acceptEncoding);
    // `data` as a gzip member (zlib's deflate at `level`, windowBits 15+16; from
    // ParallelGzip::minimumBytes on, by two threads).
    static Result<QByteArray> gzip(const QByteArray &data);
    // `data` as one zstd frame at `zstdLevel`, its content size in the header (RFC 8878).
    static Result<QByteArray> zstd(const QByteArray &data);
    // The response as it goes to a client that sent `acceptEncoding`: compressed, with its
    // headers, when both sides gain from it; otherwise unchanged.
    static ApiResponse encoded(ApiResponse response, const QByteArray &acceptEncoding);
};
