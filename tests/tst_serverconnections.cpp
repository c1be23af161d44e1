// kashew-server under hostile input at the connection: oversized or unauthenticated bodies are
// refused before they are read (the server's memory stays small), only plain `chunked` framing
// is decoded, idle and slow connections are closed, `Connection: close` is honoured, and the
// number of connections is capped. Raw sockets, to send exactly what a hostile client sends.
#include "ServerProcess.h"
#include "TestHttp.h"

#include <QFile>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>
#include <optional>

namespace {

constexpr qint64 mebibyte = 1024 * 1024;
constexpr qint64 hugeBody = 100 * mebibyte;
// The server's peak memory after a hostile request (it starts at about 20 MB).
constexpr qint64 memoryCeiling = 64 * mebibyte;

// The server's process id.
qint64 serverPid(const ServerProcess &server)
{
    return server.processId();
}

// The peak resident memory of a process (VmHWM), in bytes; -1 if unknown.
qint64 peakMemory(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).simplified().split(' ').constFirst().toLongLong() * 1024;
    }
    return -1;
}

QByteArray authorization(const char *key = ServerProcess::writeKey)
{
    return QByteArrayLiteral("Authorization: Bearer ") + key + "\r\n";
}

struct Response
{
    int status = 0;
    QByteArray head;
    QByteArray body;

    QByteArray header(const QByteArray &name) const
    {
        const QRegularExpression line(
            QStringLiteral("(?im)^%1:[ \\t]*(.*?)[ \\t]*\\r?$")
                .arg(QRegularExpression::escape(QString::fromLatin1(name))));
        return line.match(QString::fromLatin1(head)).captured(1).toLatin1();
    }
};

// One raw HTTP/1.1 connection to the server.
class Connection
{
public:
    explicit Connection(quint16 port) { m_socket.connectToHost(QHostAddress::LocalHost, port); }

    bool isConnected() { return m_socket.waitForConnected(10000); }
    void send(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.flush();
    }

    // Sends `piece` again and again, up to `total` bytes, and stops as soon as the server
    // answers or closes the connection. Returns how many bytes it had sent by then. Nothing is
    // held in memory beyond a few pieces.
    qint64 streamUntilAnswered(const QByteArray &piece, qint64 total)
    {
        qint64 sent = 0;
        while (sent < total && m_socket.state() == QAbstractSocket::ConnectedState &&
               m_socket.bytesAvailable() == 0) {
            if (m_socket.bytesToWrite() < 4 * piece.size()) {
                m_socket.write(piece);
                sent += piece.size();
            }
            // Also reads whatever has arrived, so bytesAvailable() above sees an answer.
            m_socket.waitForBytesWritten(1000);
        }
        return sent;
    }

    // Reads one response (framed by its Content-Length), waiting up to 30 s.
    std::optional<Response> response()
    {
        for (int round = 0; round < 300; ++round) {
            m_buffer += m_socket.readAll();
            const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
            if (headEnd >= 0) {
                Response response;
                response.head = m_buffer.left(headEnd + 2);
                const qsizetype length = response.header("Content-Length").toLongLong();
                if (m_buffer.size() >= headEnd + 4 + length) {
                    response.status = m_buffer.mid(9, 3).toInt();
                    response.body = m_buffer.mid(headEnd + 4, length);
                    m_buffer.remove(0, headEnd + 4 + length);
                    return response;
                }
            }
            if (m_socket.state() != QAbstractSocket::ConnectedState &&
                m_socket.bytesAvailable() == 0)
                break;
            m_socket.waitForReadyRead(100);
        }
        qWarning("no whole response; received: %s", m_buffer.left(300).constData());
        return std::nullopt;
    }

    // True once the server has closed the connection; waits up to `seconds` for it.
    bool closedByServer(int seconds = 30)
    {
        for (int round = 0; round < seconds * 10; ++round) {
            m_buffer += m_socket.readAll();
            if (m_socket.state() == QAbstractSocket::UnconnectedState)
                return true;
            m_socket.waitForReadyRead(100);
        }
        return false;
    }
    bool isOpen() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    void close() { m_socket.close(); }

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

QByteArray getRequest(const QByteArray &extraHeaders = {})
{
    return "GET /api/v1/opportunities HTTP/1.1\r\nHost: 127.0.0.1\r\n" + authorization() +
           extraHeaders + "\r\n";
}

// A chunked body: `body` cut into chunks of `chunkSize` bytes, then the last chunk.
QByteArray chunked(const QByteArray &body, qsizetype chunkSize)
{
    QByteArray out;
    for (qsizetype at = 0; at < body.size(); at += chunkSize) {
        const QByteArray chunk = body.mid(at, chunkSize);
        out += QByteArray::number(chunk.size(), 16) + (at == 0 ? ";note=first" : "") + "\r\n" +
               chunk + "\r\n";
    }
    return out + "0\r\nX-Trailer: ignored\r\n\r\n";
}

int countNamed(const ServerProcess &server, const QString &name)
{
    TestHttp http(server.baseUrl(), ServerProcess::writeKey);
    return http.get(QStringLiteral("/opportunities?search=") + name)
        .json()
        .value(QStringLiteral("totalCount"))
        .toInt(-1);
}

} // namespace

class TestServerConnections final : public QObject
{
    Q_OBJECT

private slots:
    void hugeBodiesAreRefusedBeforeTheyAreRead_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<QByteArray>("piece");
        QTest::addColumn<QList<int>>("statuses");
        const QByteArray post = "POST /api/v1/opportunities HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                "Content-Type: application/json\r\n";
        const QByteArray filler(64 * 1024, 'x');
        QTest::newRow("no key, 100 MB declared")
            << post + "Content-Length: " + QByteArray::number(hugeBody) + "\r\n\r\n"
            << filler << QList<int>{401, 413};
        QTest::newRow("valid key, 100 MB declared")
            << post + authorization() + "Content-Length: " + QByteArray::number(hugeBody) +
                   "\r\n\r\n"
            << filler << QList<int>{413};
        QTest::newRow("no key, chunked")
            << post + "Transfer-Encoding: chunked\r\n\r\n"
            << QByteArray::number(filler.size(), 16) + "\r\n" + filler + "\r\n"
            << QList<int>{401, 413};
        QTest::newRow("valid key, chunked past 1 MiB")
            << post + authorization() + "Transfer-Encoding: chunked\r\n\r\n"
            << QByteArray::number(filler.size(), 16) + "\r\n" + filler + "\r\n"
            << QList<int>{413};
    }
    void hugeBodiesAreRefusedBeforeTheyAreRead()
    {
        QFETCH(QByteArray, head);
        QFETCH(QByteArray, piece);
        QFETCH(QList<int>, statuses);
        ServerProcess server;
        QVERIFY(server.start());
        const qint64 pid = serverPid(server);
        QVERIFY(pid > 0);
        QVERIFY2(peakMemory(pid) < memoryCeiling, "the server starts too big for this test");

        Connection connection(server.port());
        QVERIFY(connection.isConnected());
        connection.send(head);
        const qint64 sent = connection.streamUntilAnswered(piece, hugeBody);
        const std::optional<Response> response = connection.response();
        QVERIFY(response);
        QVERIFY2(statuses.contains(response->status), response->head.constData());
        QVERIFY2(response->body.contains("\"detail\""), response->body.constData());
        // Answered without holding the body in memory, long before it was all sent.
        const qint64 peak = peakMemory(pid);
        QVERIFY2(peak > 0 && peak < memoryCeiling,
                 qPrintable(QStringLiteral("peak memory %1 MB").arg(peak / mebibyte)));
        QVERIFY2(sent < hugeBody / 4, qPrintable(QStringLiteral("%1 bytes sent").arg(sent)));
        QVERIFY(connection.closedByServer());
        // And it goes on serving.
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        QCOMPARE(http.get(QStringLiteral("/opportunities")).status, 200);
    }

    void chunkedBodiesUnderTheLimitAreDecoded()
    {
        ServerProcess server;
        QVERIFY(server.start());
        const QByteArray description(900 * 1000, 'd');
        const QByteArray body =
            "{\"name\": \"Chunked deal\", \"description\": \"" + description + "\"}";
        Connection connection(server.port());
        QVERIFY(connection.isConnected());
        connection.send("POST /api/v1/opportunities HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
                        authorization() +
                        "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" +
                        chunked(body, 4000));
        const std::optional<Response> created = connection.response();
        QVERIFY(created);
        QCOMPARE(created->status, 201);
        QVERIFY(created->body.contains("\"name\":\"Chunked deal\""));
        QVERIFY(created->body.contains(description));
        // The connection stays usable for the next request.
        connection.send(getRequest());
        const std::optional<Response> list = connection.response();
        QVERIFY(list);
        QCOMPARE(list->status, 200);
    }

    void expectContinueIsAnswered()
    {
        // curl sends "Expect: 100-continue" with bodies over 1 KB and waits for the go-ahead.
        ServerProcess server;
        QVERIFY(server.start());
        const QByteArray body = R"({"name": "Expecting"})";
        Connection connection(server.port());
        QVERIFY(connection.isConnected());
        connection.send("POST /api/v1/opportunities HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
                        authorization() +
                        "Content-Type: application/json\r\nExpect: 100-continue\r\n"
                        "Content-Length: " +
                        QByteArray::number(body.size()) + "\r\n\r\n");
        const std::optional<Response> goAhead = connection.response();
        QVERIFY(goAhead);
        QCOMPARE(goAhead->status, 100);
        connection.send(body);
        const std::optional<Response> created = connection.response();
        QVERIFY(created);
        QCOMPARE(created->status, 201);
    }

    void onlyPlainChunkedFramingIsDecoded_data()
    {
        QTest::addColumn<QByteArray>("framing");
        QTest::newRow("xchunked") << QByteArray("Transfer-Encoding: xchunked\r\n");
        QTest::newRow("chunked, identity")
            << QByteArray("Transfer-Encoding: chunked, identity\r\n");
        QTest::newRow("gzip, chunked") << QByteArray("Transfer-Encoding: gzip, chunked\r\n");
        QTest::newRow("identity") << QByteArray("Transfer-Encoding: identity\r\n");
        QTest::newRow("chunked twice")
            << QByteArray("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n");
        QTest::newRow("chunked and a length")
            << QByteArray("Transfer-Encoding: chunked\r\nContent-Length: 30\r\n");
    }
    void onlyPlainChunkedFramingIsDecoded()
    {
        QFETCH(QByteArray, framing);
        ServerProcess server;
        QVERIFY(server.start());
        const QString name =
            QStringLiteral("te-") + QString::fromLatin1(QTest::currentDataTag()).remove(u' ');
        const QByteArray body = "{\"name\": \"" + name.toUtf8() + "\"}";
        Connection connection(server.port());
        QVERIFY(connection.isConnected());
        connection.send("POST /api/v1/opportunities HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
                        authorization() + "Content-Type: application/json\r\n" + framing + "\r\n" +
                        chunked(body, 7));
        const std::optional<Response> response = connection.response();
        QVERIFY(response);
        QVERIFY2(response->status == 400 || response->status == 501, response->head.constData());
        QVERIFY(connection.closedByServer());
        QCOMPARE(countNamed(server, name), 0);
    }

    void connectionCloseIsHonoured_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::newRow("Connection: close") << getRequest("Connection: close\r\n");
        QTest::newRow("Connection: keep-alive, close")
            << getRequest("Connection: keep-alive, Close\r\n");
        QTest::newRow("HTTP/1.0") << QByteArray("GET /api/v1/opportunities HTTP/1.0\r\n" +
                                                authorization() + "\r\n");
    }
    void connectionCloseIsHonoured()
    {
        QFETCH(QByteArray, request);
        ServerProcess server;
        QVERIFY(server.start());
        Connection connection(server.port());
        QVERIFY(connection.isConnected());
        connection.send(request);
        const std::optional<Response> response = connection.response();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->header("Connection").toLower(), QByteArray("close"));
        QVERIFY(connection.closedByServer(10));
    }

    void keepAliveConnectionsServeSeveralRequests()
    {
        ServerProcess server;
        QVERIFY(server.start());
        Connection connection(server.port());
        QVERIFY(connection.isConnected());
        // Two requests in one write (pipelined), then a third.
        connection.send(getRequest() + getRequest());
        for (int i = 0; i < 2; ++i) {
            const std::optional<Response> response = connection.response();
            QVERIFY(response);
            QCOMPARE(response->status, 200);
        }
        connection.send(getRequest());
        const std::optional<Response> third = connection.response();
        QVERIFY(third);
        QCOMPARE(third->status, 200);
        QVERIFY(connection.isOpen());
    }

    void idleAndSlowConnectionsAreClosed()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--idle-timeout"), QStringLiteral("1")}));
        // Connected, silent.
        Connection silent(server.port());
        QVERIFY(silent.isConnected());
        // Served once, then idle.
        Connection idle(server.port());
        QVERIFY(idle.isConnected());
        idle.send(getRequest());
        const std::optional<Response> response = idle.response();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        // Half a request, never finished.
        Connection half(server.port());
        QVERIFY(half.isConnected());
        half.send("GET /api/v1/opportunities HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        QVERIFY(silent.closedByServer());
        QVERIFY(idle.closedByServer());
        QVERIFY(half.closedByServer());

        // A head sent a byte at a time, each well within the timeout: the whole head must
        // still arrive in time.
        Connection trickle(server.port());
        QVERIFY(trickle.isConnected());
        trickle.send("GET /api/v1/opportunities HTTP/1.1\r\nX-Slow: ");
        int bytes = 0;
        while (trickle.isOpen() && bytes < 150) {
            trickle.send("a");
            ++bytes;
            QTest::qWait(100);
        }
        QVERIFY2(trickle.closedByServer(1), qPrintable(QString::number(bytes)));
    }

    void connectionsAreCapped()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--max-connections"), QStringLiteral("2")}));
        Connection first(server.port());
        Connection second(server.port());
        for (Connection *connection : {&first, &second}) {
            QVERIFY(connection->isConnected());
            connection->send(getRequest());
            const std::optional<Response> response = connection->response();
            QVERIFY(response);
            QCOMPARE(response->status, 200);
        }
        Connection third(server.port());
        QVERIFY(third.isConnected());
        third.send(getRequest());
        const std::optional<Response> refused = third.response();
        QVERIFY(refused);
        QCOMPARE(refused->status, 503);
        QVERIFY(!refused->header("Retry-After").isEmpty());
        QVERIFY(third.closedByServer());

        // A place frees up when a connection closes.
        first.close();
        int status = 0;
        for (int attempt = 0; attempt < 100 && status != 200; ++attempt) {
            Connection next(server.port());
            QVERIFY(next.isConnected());
            next.send(getRequest());
            const std::optional<Response> response = next.response();
            status = response ? response->status : 0;
            if (status != 200)
                QTest::qWait(50);
        }
        QCOMPARE(status, 200);
    }

    void helpDocumentsTheLimits()
    {
        QProcess help;
        help.start(ServerProcess::executable(), {QStringLiteral("--help")});
        QVERIFY(help.waitForFinished(30000));
        const QString text = QString::fromUtf8(help.readAllStandardOutput());
        QVERIFY2(text.contains(QLatin1String("--idle-timeout")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("--max-connections")), qPrintable(text));
    }
};

QTEST_GUILESS_MAIN(TestServerConnections)
#include "tst_serverconnections.moc"
