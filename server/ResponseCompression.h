#pragma once

#include "ApiResponse.h"
#include "Result.h"

#include <QByteArray>

// Content coding of kashew-server's responses: a body of 1 KiB or more goes gzip-compressed to a
// client whose Accept-Encoding admits gzip (Qt's QNetworkAccessManager asks for it by itself and
// inflates transparently), with Content-Encoding and Vary. Smaller bodies are not worth a gzip
// header and a deflate call; everything else goes as it is.
class ResponseCompression final
{
public:
    static constexpr qsizetype minimumBytes = 1024;
    // zlib's level (1 fastest ... 9 smallest): 3, the best of its fast levels, compresses a list
    // page some 3.5 times as fast as the default 6, for about 12% more bytes.
    static constexpr int level = 3;

    // Whether an Accept-Encoding field value admits gzip: gzip (or x-gzip) named without q=0,
    // or "*" without q=0 when gzip is not named (RFC 9110 12.5.3).
    static bool acceptsGzip(const QByteArray &acceptEncoding);
    // `data` as a gzip member (zlib's deflate at `level`, windowBits 15+16; from
    // ParallelGzip::minimumBytes on, by two threads).
    static Result<QByteArray> gzip(const QByteArray &data);
    // The response as it goes to a client that sent `acceptEncoding`: compressed, with its
    // headers, when both sides gain from it; otherwise unchanged.
    static ApiResponse encoded(ApiResponse response, const QByteArray &acceptEncoding);
};
