// Many clients at once against kashew-server. The server has one thread: it handles one request
// at a time, in the order its event loop reads them. What happens at once is on the wire: many
// keep-alive connections with requests in flight together, and several requests queued on one
// connection (pipelining). Every write lands exactly once, none is lost or duplicated, and each
// connection gets its answers in the order it asked.
#include "ServerProcess.h"
#include "TestHttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSet>
#include <QTcpSocket>
#include <QTest>
#include <vector>

namespace {

constexpr int clientCount = 8;
constexpr int recordsPerClient = 12;

struct Client
{
    QNetworkAccessManager network;
    QList<QNetworkReply *> pending;
};

QNetworkReply *send(Client &client, const QUrl &base, const QByteArray &method, const QString &path,
                    const QJsonObject &body, const QByteArray &idempotencyKey = {})
{
    QNetworkRequest request(QUrl(base.toString() + path));
    request.setRawHeader("Authorization", QByteArray("Bearer ") + ServerProcess::writeKey);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!idempotencyKey.isEmpty())
        request.setRawHeader("Idempotency-Key", idempotencyKey);
    QNetworkReply *reply = client.network.sendCustomRequest(
        request, method,
        body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact));
    client.pending.append(reply);
    return reply;
}

// Waits for every client's pending replies; returns them by client, in sending order.
QList<QList<QNetworkReply *>> settle(std::vector<Client> &clients)
{
    QList<QList<QNetworkReply *>> replies;
    for (Client &client : clients) {
        for (QNetworkReply *reply : client.pending) {
            if (!reply->isFinished() &&
                !QTest::qWaitFor([reply] { return reply->isFinished(); }, 60000))
                qWarning("a request did not finish within a minute");
        }
        replies.append(client.pending);
        client.pending.clear();
    }
    return replies;
}

// One HTTP/1.1 response read off a raw connection.
struct RawResponse
{
    int status = 0;
    QJsonObject json;
};

// Splits complete responses off the front of `buffer` (Content-Length framing, as the server
// sends; a 204 has no body).
QList<RawResponse> takeResponses(QByteArray &buffer)
{
    QList<RawResponse> responses;
    for (;;) {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return responses;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        RawResponse response;
        response.status = lines.constFirst().split(' ').value(1).toInt();
        qsizetype length = 0;
        for (const QByteArray &line : lines) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(line.indexOf(':') + 1).trimmed().toLongLong();
        }
        if (buffer.size() < headerEnd + 4 + length)
            return responses;
        response.json = QJsonDocument::fromJson(buffer.mid(headerEnd + 4, length)).object();
        buffer.remove(0, headerEnd + 4 + length);
        responses.append(response);
    }
}

QByteArray rawRequest(const QByteArray &method, const QByteArray &path,
                      const QJsonObject &body = {}, const QByteArray &extraHeaders = {})
{
    QByteArray request = method + ' ' + path +
                         " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
                         ServerProcess::writeKey + "\r\n" + extraHeaders;
    if (!body.isEmpty()) {
        const QByteArray payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
        request += "Content-Type: application/json\r\nContent-Length: " +
                   QByteArray::number(payload.size()) + "\r\n\r\n" + payload;
    } else {
        request += "\r\n";
    }
    return request;
}

} // namespace

class TestServerConcurrency final : public QObject
{
    Q_OBJECT

private slots:
    void interleavedWritesFromEightClients()
    {
        // Eight QNetworkAccessManagers, each with up to six keep-alive connections: dozens of
        // requests in flight at once, which the server takes one by one as they arrive.
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--log-requests")}));
        const QUrl base = server.baseUrl();
        std::vector<Client> clients(clientCount);

        // Round 1: every client creates its records at once; each create is also sent a second
        // time with the same Idempotency-Key, by another client, as a client retrying a lost
        // response over another connection would.
        for (int c = 0; c < clientCount; ++c) {
            for (int r = 0; r < recordsPerClient; ++r) {
                const QJsonObject body{
                    {QStringLiteral("name"), QStringLiteral("c%1-r%2").arg(c).arg(r)},
                    {QStringLiteral("value"), 100}};
                const QByteArray key = QStringLiteral("c%1-r%2").arg(c).arg(r).toLatin1();
                send(clients[c], base, "POST", QStringLiteral("/opportunities"), body, key);
                send(clients[(c + 1) % clientCount], base, "POST", QStringLiteral("/opportunities"),
                     body, key);
            }
        }
        QHash<QString, QString> idByName;
        for (const QList<QNetworkReply *> &replies : settle(clients)) {
            for (QNetworkReply *reply : replies) {
                QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
                const QJsonObject o = QJsonDocument::fromJson(reply->readAll()).object();
                const QString name = o.value(QStringLiteral("name")).toString();
                const QString id = o.value(QStringLiteral("id")).toString();
                QVERIFY(!name.isEmpty());
                QVERIFY(!id.isEmpty());
                // The repeated create answers with the first one's record.
                QVERIFY2(!idByName.contains(name) || idByName.value(name) == id, qPrintable(name));
                idByName.insert(name, id);
                reply->deleteLater();
            }
        }
        QCOMPARE(idByName.size(), clientCount * recordsPerClient);

        // Round 2: updates, stage moves and deletes, all at once, each client on its own records.
        QHash<QString, int> clientById;
        for (int c = 0; c < clientCount; ++c) {
            for (int r = 0; r < recordsPerClient; ++r) {
                const QString id = idByName.value(QStringLiteral("c%1-r%2").arg(c).arg(r));
                clientById.insert(id, c);
                const QString path = QStringLiteral("/opportunities/") + id;
                if (r % 4 == 3) {
                    send(clients[c], base, "DELETE", path, {});
                    continue;
                }
                send(clients[c], base, "PUT", path, {{QStringLiteral("value"), c * 1000 + r}});
                send(clients[c], base, "PUT", path,
                     {{QStringLiteral("stage"), QStringLiteral("negotiation")}});
            }
        }
        for (const QList<QNetworkReply *> &replies : settle(clients)) {
            for (QNetworkReply *reply : replies) {
                const int status =
                    reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                QVERIFY2(status == 200 || status == 204, qPrintable(QString::number(status)));
                reply->deleteLater();
            }
        }

        // The server holds exactly the intended state: no record twice (the repeated creates),
        // none of the deleted ones, every update.
        TestHttp http(base, ServerProcess::writeKey);
        const TestHttp::Reply list = http.get(QStringLiteral("/opportunities?pageSize=500"));
        QCOMPARE(list.status, 200);
        const QJsonObject page = list.json();
        const int expected = clientCount * (recordsPerClient - recordsPerClient / 4);
        QCOMPARE(page.value(QStringLiteral("totalCount")).toInt(), expected);
        QSet<QString> names;
        for (const QJsonValue &item : page.value(QStringLiteral("opportunities")).toArray()) {
            const QJsonObject o = item.toObject();
            const QString name = o.value(QStringLiteral("name")).toString();
            QVERIFY(!names.contains(name));
            names.insert(name);
            QCOMPARE(o.value(QStringLiteral("id")).toString(), idByName.value(name));
            const int c = name.section(QLatin1Char('-'), 0, 0).mid(1).toInt();
            const int r = name.section(QLatin1Char('-'), 1, 1).mid(1).toInt();
            QVERIFY(r % 4 != 3);
            QCOMPARE(o.value(QStringLiteral("value")).toInt(), c * 1000 + r);
            QCOMPARE(o.value(QStringLiteral("stage")).toString(), QStringLiteral("negotiation"));
            // One history entry per write, none doubled: creation, value, stage.
            const TestHttp::Reply detail = http.get(QStringLiteral("/opportunities/") +
                                                    o.value(QStringLiteral("id")).toString());
            QCOMPARE(detail.status, 200);
            QCOMPARE(detail.json().value(QStringLiteral("updates")).toArray().size(), 3);
        }
        QCOMPARE(names.size(), expected);

        // The writes really were interleaved: in the order the server handled round 2, some
        // client's requests are not all together (another client's came in between).
        server.stop();
        static const QRegularExpression logged(
            QStringLiteral("(?:PUT|DELETE) /api/v1/opportunities/([0-9a-f-]{36}) -> "));
        QList<int> order;
        for (auto it = logged.globalMatch(server.output()); it.hasNext();)
            order.append(clientById.value(it.next().captured(1), -1));
        const int deletes = recordsPerClient / 4;
        QCOMPARE(order.size(), clientCount * (2 * (recordsPerClient - deletes) + deletes));
        QSet<int> finished;
        bool interleaved = false;
        for (qsizetype i = 1; i < order.size() && !interleaved; ++i) {
            if (order.at(i) != order.at(i - 1)) {
                finished.insert(order.at(i - 1));
                interleaved = finished.contains(order.at(i));
            }
        }
        QVERIFY2(interleaved, "the server handled each client's writes all together");
    }

    void pipelinedRequestsAreAnsweredInOrder()
    {
        // Four raw connections, each sending six requests in one go before reading any answer;
        // the server reads them interleaved across connections and must answer each connection
        // in its own order, every request exactly once.
        constexpr int connectionCount = 4;
        ServerProcess server;
        QVERIFY(server.start());
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        QStringList ids;
        for (int c = 0; c < connectionCount; ++c) {
            const TestHttp::Reply created =
                http.post(QStringLiteral("/opportunities"),
                          {{QStringLiteral("name"), QStringLiteral("pipelined %1").arg(c)}});
            QCOMPARE(created.status, 201);
            ids.append(created.json().value(QStringLiteral("id")).toString());
            QVERIFY(!ids.constLast().isEmpty());
        }

        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        for (int c = 0; c < connectionCount; ++c) {
            sockets.push_back(std::make_unique<QTcpSocket>());
            sockets.back()->connectToHost(QStringLiteral("127.0.0.1"), server.port());
            QVERIFY(sockets.back()->waitForConnected(10000));
        }
        for (int c = 0; c < connectionCount; ++c) {
            const QByteArray path = "/api/v1/opportunities/" + ids.at(c).toLatin1();
            sockets[c]->write(
                rawRequest("PUT", path, {{QStringLiteral("value"), 1}}) +
                rawRequest("PUT", path, {{QStringLiteral("value"), 2}}) + rawRequest("GET", path) +
                rawRequest("DELETE", path) + rawRequest("GET", path) +
                rawRequest("POST", "/api/v1/opportunities",
                           {{QStringLiteral("name"), QStringLiteral("after %1").arg(c)}},
                           "Idempotency-Key: pipelined-" + QByteArray::number(c) + "\r\n"));
        }
        std::vector<QByteArray> buffers(connectionCount);
        std::vector<QList<RawResponse>> responses(connectionCount);
        const auto allAnswered = [&] {
            bool all = true;
            for (int c = 0; c < connectionCount; ++c) {
                buffers[c] += sockets[c]->readAll();
                responses[c] += takeResponses(buffers[c]);
                all = all && responses[c].size() >= 6;
            }
            return all;
        };
        QVERIFY(QTest::qWaitFor(allAnswered, 30000));

        for (int c = 0; c < connectionCount; ++c) {
            const QList<RawResponse> &answers = responses[c];
            QCOMPARE(answers.size(), 6);
            QVERIFY(buffers[c].isEmpty());
            QCOMPARE(answers.at(0).status, 200);
            QCOMPARE(answers.at(0).json.value(QStringLiteral("value")).toInt(), 1);
            QCOMPARE(answers.at(1).status, 200);
            QCOMPARE(answers.at(1).json.value(QStringLiteral("value")).toInt(), 2);
            QCOMPARE(answers.at(2).status, 200);
            QCOMPARE(answers.at(2).json.value(QStringLiteral("value")).toInt(), 2);
            QCOMPARE(answers.at(2).json.value(QStringLiteral("updates")).toArray().size(), 3);
            QCOMPARE(answers.at(3).status, 204);
            QCOMPARE(answers.at(4).status, 404);
            QCOMPARE(answers.at(5).status, 201);
            QCOMPARE(answers.at(5).json.value(QStringLiteral("name")).toString(),
                     QStringLiteral("after %1").arg(c));
        }
        // Exactly the records created last are left.
        const QJsonObject page = http.get(QStringLiteral("/opportunities?pageSize=500")).json();
        QCOMPARE(page.value(QStringLiteral("totalCount")).toInt(), connectionCount);
        for (const QJsonValue &item : page.value(QStringLiteral("opportunities")).toArray())
            QVERIFY(item.toObject()
                        .value(QStringLiteral("name"))
                        .toString()
                        .startsWith(QLatin1String("after ")));
    }
};

QTEST_GUILESS_MAIN(TestServerConcurrency)
#include "tst_serverconcurrency.moc"
