#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>

// The head of one HTTP/1.x request as it came over the wire.
struct RequestHead
{
    QByteArray method;
    QByteArray target;
    int minorVersion = 1; // HTTP/1.x
    // Field names as sent, values without surrounding whitespace.
    QList<QPair<QByteArray, QByteArray>> fields;

    // Every value of the fields with this name (case-insensitive) joined by ", "; empty if none.
    QByteArray value(QByteArrayView name) const;
    // Whether a comma-separated field (such as Connection) lists this token, case-insensitive.
    bool hasToken(QByteArrayView name, QByteArrayView token) const;
    // Whether the connection closes after the response: "Connection: close", or HTTP/1.0
    // without "Connection: keep-alive".
    bool closesConnection() const;
    // A protocol switch (WebSocket) that Qt HttpServer takes over.
    bool isUpgrade() const;
};

// Cuts the bytes of one HTTP/1.x connection into requests, strictly (RFC 9112), without ever
// holding more than one request head and one body within the limits:
// - a request line, header fields and chunk lines within maxHeadBytes (414, 431, 400);
// - the body framed by exactly one of Content-Length or "Transfer-Encoding: chunked" (any
//   other transfer coding is 501, both at once or a malformed length 400);
// - a chunked body decoded as it arrives and refused (413) as soon as a chunk would take it
//   past maxBodyBytes, before the chunk is read.
// Each complete request comes out re-framed with a Content-Length, for Qt HttpServer's parser.
class HttpRequestFramer
{
public:
    struct Limits
    {
        qsizetype maxHeadBytes = 32 * 1024;
        qint64 maxBodyBytes = 1024 * 1024;
    };
    enum class Step
    {
        NeedMore,     // every byte of the input is used; read more
        HeadReady,    // head() is complete: admit it (readBody()) or refuse the request
        MessageReady, // takeMessage() holds a complete request
        Refused,      // the request is malformed or too large: refusalStatus() and refusalDetail()
    };

    explicit HttpRequestFramer(Limits limits);

    // Consumes bytes from the front of `input` until it reaches one of the steps.
    Step advance(QByteArray &input);

    const RequestHead &head() const { return m_head; }
    // The declared Content-Length; -1 for a chunked body; 0 without a body.
    qint64 declaredLength() const { return m_declaredLength; }
    // After HeadReady: read the body (a request without one is ready at once).
    void readBody();
    // After MessageReady: the request with its body, framed by Content-Length. The framer is
    // then ready for the next request on the connection.
    QByteArray takeMessage();

    int refusalStatus() const { return m_refusalStatus; }
    QString refusalDetail() const { return m_refusalDetail; }
    // Some bytes of a request have arrived but not the whole request.
    bool isMidRequest() const { return m_state != State::Idle; }
    // Body bytes received so far for the current request (as sent, with chunk framing).
    qint64 bodyBytesReceived() const { return m_bodyWireBytes; }

private:
    enum class State
    {
        Idle, // nothing of the next request yet
        RequestLine,
        Fields,
        HeadDone,
        FixedBody,
        ChunkSize,
        ChunkData,
        ChunkDataEnd,
        Trailers,
        Done,
        Refused
    };

    Step refuse(int status, const QString &detail);
    bool parseRequestLine(const QByteArray &line);
    bool parseField(const QByteArray &line);
    Step finishHead();
    Step chunkSizeLine(const QByteArray &line);

    Limits m_limits;
    State m_state = State::Idle;
    RequestHead m_head;
    QByteArray m_requestLine;
    qsizetype m_headBytes = 0;
    qint64 m_declaredLength = 0;
    qint64 m_chunkRemaining = 0;
    qint64 m_bodyWireBytes = 0;
    QByteArray m_body;
    int m_refusalStatus = 0;
    QString m_refusalDetail;
};
