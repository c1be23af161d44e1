#include "HttpRequestFramer.h"

#include <QScopeGuard>
#include <algorithm>

namespace {

// The longest chunk-size line (with its extensions) accepted.
constexpr qsizetype maxChunkLineBytes = 4096;

bool isTokenChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), isTokenChar);
}

// Visible characters, spaces, tabs and bytes of UTF-8; no other control characters (RFC 9110
// 5.5: CR, LF and NUL must be refused; the others have no place in a request either).
bool isFieldValue(QByteArrayView text)
{
    return std::none_of(text.begin(), text.end(), [](char c) {
        const auto byte = static_cast<uchar>(c);
        return (byte < 0x20 && byte != '\t') || byte == 0x7f;
    });
}

QByteArray withoutWhitespace(QByteArray text)
{
    while (!text.isEmpty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove(0, 1);
    while (!text.isEmpty() && (text.back() == ' ' || text.back() == '\t'))
        text.chop(1);
    return text;
}

// Splits "name: value"; false if it is not a well-formed field line.
bool splitField(const QByteArray &line, QByteArray *name, QByteArray *value)
{
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0 || !isToken(QByteArrayView(line).first(colon)))
        return false;
    *name = line.left(colon);
    *value = withoutWhitespace(line.mid(colon + 1));
    return isFieldValue(*value);
}

bool isDigits(QByteArrayView text)
{
    return !text.isEmpty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool isHexDigits(QByteArrayView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    });
}

QByteArrayView withoutLeadingZeros(QByteArrayView digits)
{
    while (digits.size() > 1 && digits.front() == '0')
        digits = digits.sliced(1);
    return digits;
}

QString bodyTooLarge(qint64 maxBodyBytes)
{
    return maxBodyBytes == 1024 * 1024
               ? QStringLiteral("Request body is larger than 1 MiB.")
               : QStringLiteral("Request body is larger than %1 bytes.").arg(maxBodyBytes);
}

} // namespace

QByteArray RequestHead::value(QByteArrayView name) const
{
    QByteArray joined;
    for (const auto &field : fields) {
        if (QByteArrayView(field.first).compare(name, Qt::CaseInsensitive) != 0)
            continue;
        if (!joined.isEmpty())
            joined += ", ";
        joined += field.second;
    }
    return joined;
}

bool RequestHead::hasToken(QByteArrayView name, QByteArrayView token) const
{
    const QList<QByteArray> elements = value(name).split(',');
    return std::any_of(elements.begin(), elements.end(), [token](const QByteArray &element) {
        return QByteArrayView(element).trimmed().compare(token, Qt::CaseInsensitive) == 0;
    });
}

bool RequestHead::closesConnection() const
{
    return hasToken("connection", "close") ||
           (minorVersion == 0 && !hasToken("connection", "keep-alive"));
}

bool RequestHead::isUpgrade() const
{
    return hasToken("connection", "upgrade") && !value("upgrade").isEmpty();
}

HttpRequestFramer::HttpRequestFramer(Limits limits)
    : m_limits(limits)
{}

HttpRequestFramer::Step HttpRequestFramer::refuse(int status, const QString &detail)
{
    m_state = State::Refused;
    m_refusalStatus = status;
    m_refusalDetail = detail;
    return Step::Refused;
}

HttpRequestFramer::Step HttpRequestFramer::advance(QByteArray &input)
{
    // Consumed bytes go in one move at the end: many small lines cost no more than one.
    qsizetype pos = 0;
    const auto dropConsumed = qScopeGuard([&] { input.remove(0, pos); });
    // 1: *line holds the next line without its CRLF or LF; 0: incomplete; -1: over `room`.
    const auto takeLine = [&](QByteArray *line, qsizetype room) {
        const qsizetype end = input.indexOf('\n', pos);
        if ((end < 0 ? input.size() : end + 1) - pos > room)
            return -1;
        if (end < 0)
            return 0;
        *line = input.mid(pos, end - pos);
        pos = end + 1;
        if (line->endsWith('\r'))
            line->chop(1);
        return 1;
    };
    const auto takeBody = [&](qint64 wanted) {
        const qint64 take = qMin<qint64>(input.size() - pos, wanted);
        m_body.append(input.constData() + pos, take);
        pos += take;
        m_bodyWireBytes += take;
        return take;
    };

    QByteArray line;
    for (;;) {
        switch (m_state) {
        case State::Idle:
            // Empty lines before a request line are ignored (RFC 9112 2.2).
            while (pos < input.size() && (input.at(pos) == '\r' || input.at(pos) == '\n'))
                ++pos;
            if (pos == input.size())
                return Step::NeedMore;
            m_state = State::RequestLine;
            continue;
        case State::RequestLine:
        case State::Fields: {
            const bool requestLine = m_state == State::RequestLine;
            const int got = takeLine(&line, m_limits.maxHeadBytes - m_headBytes);
            if (got < 0)
                return requestLine
                           ? refuse(414, QStringLiteral("The request line is too long."))
                           : refuse(431, QStringLiteral("The request's header fields are larger "
                                                        "than %1 bytes.")
                                             .arg(m_limits.maxHeadBytes));
            if (got == 0)
                return Step::NeedMore;
            m_headBytes += line.size() + 2;
            if (requestLine) {
                if (!parseRequestLine(line))
                    return Step::Refused;
                m_state = State::Fields;
            } else if (line.isEmpty()) {
                return finishHead();
            } else if (!parseField(line)) {
                return Step::Refused;
            }
            continue;
        }
        case State::HeadDone:
            return Step::HeadReady;
        case State::FixedBody:
            takeBody(m_declaredLength - m_body.size());
            if (m_body.size() < m_declaredLength)
                return Step::NeedMore;
            m_state = State::Done;
            continue;
        case State::ChunkSize: {
            const int got = takeLine(&line, maxChunkLineBytes);
            if (got < 0)
                return refuse(400, QStringLiteral("A chunk size line is longer than %1 bytes.")
                                       .arg(maxChunkLineBytes));
            if (got == 0)
                return Step::NeedMore;
            m_bodyWireBytes += line.size() + 2;
            if (chunkSizeLine(line) == Step::Refused)
                return Step::Refused;
            continue;
        }
        case State::ChunkData:
            m_chunkRemaining -= takeBody(m_chunkRemaining);
            if (m_chunkRemaining > 0)
                return Step::NeedMore;
            m_state = State::ChunkDataEnd;
            continue;
        case State::ChunkDataEnd: {
            const int got = takeLine(&line, 2);
            if (got < 0 || (got > 0 && !line.isEmpty()))
                return refuse(400, QStringLiteral("A chunk's data must end with CRLF."));
            if (got == 0)
                return Step::NeedMore;
            m_bodyWireBytes += 2;
            m_state = State::ChunkSize;
            continue;
        }
        case State::Trailers: {
            // Trailer fields are read within the head's limit, and dropped.
            const int got = takeLine(&line, m_limits.maxHeadBytes - m_headBytes);
            if (got < 0)
                return refuse(431, QStringLiteral("The request's trailer fields are too large."));
            if (got == 0)
                return Step::NeedMore;
            m_headBytes += line.size() + 2;
            QByteArray name;
            QByteArray value;
            if (line.isEmpty())
                m_state = State::Done;
            else if (!splitField(line, &name, &value))
                return refuse(400, QStringLiteral("A trailer field is malformed."));
            continue;
        }
        case State::Done:
            return Step::MessageReady;
        case State::Refused:
            return Step::Refused;
        }
    }
}

bool HttpRequestFramer::parseRequestLine(const QByteArray &line)
{
    const QList<QByteArray> parts = line.split(' ');
    const bool targetOk = parts.size() == 3 && !parts.at(1).isEmpty() &&
                          std::all_of(parts.at(1).begin(), parts.at(1).end(), [](char c) {
                              return static_cast<uchar>(c) > 0x20 && c != 0x7f;
                          });
    if (!targetOk || !isToken(parts.at(0))) {
        refuse(400, QStringLiteral("The request line must read METHOD TARGET HTTP/1.1."));
        return false;
    }
    const QByteArray &version = parts.at(2);
    if (version.size() != 8 || !version.startsWith("HTTP/") || !isDigits(version.mid(5, 1)) ||
        version.at(6) != '.' || !isDigits(version.mid(7, 1))) {
        refuse(400, QStringLiteral("The request line must read METHOD TARGET HTTP/1.1."));
        return false;
    }
    if (version.at(5) != '1') {
        refuse(505, QStringLiteral("Only HTTP/1.1 is supported."));
        return false;
    }
    m_requestLine = line;
    m_head.method = parts.at(0);
    m_head.target = parts.at(1);
    m_head.minorVersion = version.at(7) - '0';
    return true;
}

bool HttpRequestFramer::parseField(const QByteArray &line)
{
    QByteArray name;
    QByteArray value;
    if (line.startsWith(' ') || line.startsWith('\t')) {
        refuse(400, QStringLiteral("Header fields must not be folded over several lines."));
        return false;
    }
    if (!splitField(line, &name, &value)) {
        refuse(400, QStringLiteral("A header field is malformed: \"%1\".")
                        .arg(QString::fromLatin1(line.left(64))));
        return false;
    }
    m_head.fields.append({name, value});
    return true;
}

HttpRequestFramer::Step HttpRequestFramer::finishHead()
{
    bool chunked = false;
    QList<QByteArray> lengths;
    for (const auto &field : std::as_const(m_head.fields)) {
        if (field.first.compare("transfer-encoding", Qt::CaseInsensitive) == 0)
            chunked = true;
        else if (field.first.compare("content-length", Qt::CaseInsensitive) == 0)
            lengths.append(field.second);
    }
    if (chunked) {
        // Only chunked alone: "xchunked", "chunked, identity" or "gzip, chunked" are not it.
        const QByteArray coding = m_head.value("transfer-encoding");
        if (m_head.minorVersion == 0)
            return refuse(400, QStringLiteral("Transfer-Encoding is not allowed in HTTP/1.0."));
        if (!lengths.isEmpty())
            return refuse(400, QStringLiteral("A request must not carry both Transfer-Encoding "
                                              "and Content-Length."));
        if (coding.compare("chunked", Qt::CaseInsensitive) != 0)
            return refuse(501, QStringLiteral("Transfer-Encoding \"%1\" is not supported: send "
                                              "the body with Content-Length or "
                                              "Transfer-Encoding: chunked.")
                                   .arg(QString::fromLatin1(coding.left(64))));
        m_declaredLength = -1;
    } else if (!lengths.isEmpty()) {
        for (const QByteArray &length : std::as_const(lengths)) {
            if (!isDigits(length) || length != lengths.constFirst())
                return refuse(400,
                              QStringLiteral("Content-Length must be one whole number of bytes."));
        }
        const QByteArrayView digits = withoutLeadingZeros(lengths.constFirst());
        // Past 15 digits it is far over any limit; keep it from overflowing.
        m_declaredLength =
            digits.size() > 15 ? std::numeric_limits<qint64>::max() : digits.toLongLong();
    }
    m_state = State::HeadDone;
    return Step::HeadReady;
}

void HttpRequestFramer::readBody()
{
    if (m_declaredLength > m_limits.maxBodyBytes)
        refuse(413, bodyTooLarge(m_limits.maxBodyBytes));
    else if (m_declaredLength < 0)
        m_state = State::ChunkSize;
    else
        m_state = m_declaredLength == 0 ? State::Done : State::FixedBody;
}

HttpRequestFramer::Step HttpRequestFramer::chunkSizeLine(const QByteArray &line)
{
    // chunk-size, then optional extensions after ";" (ignored).
    const qsizetype semicolon = line.indexOf(';');
    QByteArray size = semicolon < 0 ? line : line.left(semicolon);
    while (semicolon >= 0 && (size.endsWith(' ') || size.endsWith('\t')))
        size.chop(1);
    if (!isHexDigits(size))
        return refuse(400, QStringLiteral("A chunk size must be hexadecimal digits."));
    const QByteArrayView digits = withoutLeadingZeros(size);
    const qint64 bytes =
        digits.size() > 15 ? std::numeric_limits<qint64>::max() : digits.toLongLong(nullptr, 16);
    if (bytes == 0) {
        m_state = State::Trailers;
        return Step::NeedMore;
    }
    // Refused before the chunk is read; the framing itself may not dwarf the body either.
    if (bytes > m_limits.maxBodyBytes - m_body.size() ||
        m_bodyWireBytes > 2 * m_limits.maxBodyBytes + m_limits.maxHeadBytes)
        return refuse(413, bodyTooLarge(m_limits.maxBodyBytes));
    m_chunkRemaining = bytes;
    m_state = State::ChunkData;
    return Step::NeedMore;
}

QByteArray HttpRequestFramer::takeMessage()
{
    const bool closes = m_head.closesConnection();
    const bool hasBody = m_declaredLength != 0;
    QByteArray message = m_requestLine + "\r\n";
    for (const auto &field : std::as_const(m_head.fields)) {
        const QByteArray &name = field.first;
        if (name.compare("content-length", Qt::CaseInsensitive) == 0 ||
            name.compare("transfer-encoding", Qt::CaseInsensitive) == 0 ||
            (closes && name.compare("connection", Qt::CaseInsensitive) == 0))
            continue;
        message += name + ": " + field.second + "\r\n";
    }
    // ApiServer reads "Connection: close" to close after its response; HTTP/1.0 implies it.
    if (closes)
        message += "Connection: close\r\n";
    if (hasBody)
        message += "Content-Length: " + QByteArray::number(m_body.size()) + "\r\n";
    message += "\r\n";
    message += m_body;

    m_state = State::Idle;
    m_head = RequestHead();
    m_requestLine.clear();
    m_headBytes = 0;
    m_declaredLength = 0;
    m_chunkRemaining = 0;
    m_bodyWireBytes = 0;
    m_body.clear();
    return message;
}
