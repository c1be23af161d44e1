// Eight clients writing at once: every write lands exactly once, none is lost or duplicated.
#include "ServerProcess.h"
#include "TestHttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
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

} // namespace

class TestServerConcurrency final : public QObject
{
    Q_OBJECT

private slots:
    void mixedWritesFromEightClients()
    {
        ServerProcess server;
        QVERIFY(server.start());
        const QUrl base = server.baseUrl();
        std::vector<Client> clients(clientCount);

        // Round 1: every client creates its records at once; each create is also sent a second
        // time with the same Idempotency-Key, as a client retrying a lost response would.
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
                QVERIFY(!idByName.contains(name) || idByName.value(name) == id);
                idByName.insert(name, id);
                reply->deleteLater();
            }
        }
        QCOMPARE(idByName.size(), clientCount * recordsPerClient);

        // Round 2: updates, stage moves and deletes, all at once, each client on its own records.
        for (int c = 0; c < clientCount; ++c) {
            for (int r = 0; r < recordsPerClient; ++r) {
                const QString path = QStringLiteral("/opportunities/") +
                                     idByName.value(QStringLiteral("c%1-r%2").arg(c).arg(r));
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

        // The server holds exactly the intended state.
        TestHttp http(base, ServerProcess::writeKey);
        const QJsonObject page = http.get(QStringLiteral("/opportunities?pageSize=500")).json();
        const int expected = clientCount * (recordsPerClient - recordsPerClient / 4);
        QCOMPARE(page.value(QStringLiteral("totalCount")).toInt(), expected);
        QSet<QString> names;
        for (const QJsonValue &item : page.value(QStringLiteral("opportunities")).toArray()) {
            const QJsonObject o = item.toObject();
            const QString name = o.value(QStringLiteral("name")).toString();
            QVERIFY(!names.contains(name));
            names.insert(name);
            const int c = name.section(QLatin1Char('-'), 0, 0).mid(1).toInt();
            const int r = name.section(QLatin1Char('-'), 1, 1).mid(1).toInt();
            QVERIFY(r % 4 != 3);
            QCOMPARE(o.value(QStringLiteral("value")).toInt(), c * 1000 + r);
            QCOMPARE(o.value(QStringLiteral("stage")).toString(), QStringLiteral("negotiation"));
        }
        QCOMPARE(names.size(), expected);
        // One history entry per write: creation, value, stage.
        const QJsonObject one =
            http.get(QStringLiteral("/opportunities/") + idByName.value(QStringLiteral("c3-r5")))
                .json();
        QCOMPARE(one.value(QStringLiteral("updates")).toArray().size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestServerConcurrency)
#include "tst_serverconcurrency.moc"
