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

    // Whether an Accept-Encoding field value admits gzip: gzip (or x-gzip) named without q=0,
    // or "*" without q=0 when gzip is not named (RFC 9110 12.5.3).
    static bool acceptsGzip(const QByteArray &acceptEncoding);
    // `data` as a gzip member (zlib's deflate, windowBits 15+16).
    static Result<QByteArray> gzip(const QByteArray &data);
    // The response as it goes to a client that sent `acceptEncoding`: compressed, with its
    // headers, when both sides gain from it; otherwise unchanged.
    static ApiResponse encoded(ApiResponse response, const QByteArray &acceptEncoding);
};
