// The server's own fault options, as client tests will use them: 500 without side effects,
// connections cut after the work is done, responses held back.
#include "ServerProcess.h"
#include "TestData.h"
#include "TestHttp.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

class TestServerFaults final : public QObject
{
    Q_OBJECT

private slots:
    void errorFaultAnswers500AndDoesNothing()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--fault-error"), QStringLiteral("1")}));
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        const TestHttp::Reply reply = http.post(QStringLiteral("/opportunities"),
                                                {{QStringLiteral("name"), QStringLiteral("x")}});
        QCOMPARE(reply.status, 500);
        QVERIFY(!reply.json().value(QStringLiteral("detail")).toString().isEmpty());
        QCOMPARE(server.stop(), 0);
        QVERIFY(server.start());
        const TestHttp::Reply list = http.get(QStringLiteral("/opportunities"));
        QCOMPARE(list.status, 200);
        QCOMPARE(list.json().value(QStringLiteral("totalCount")).toInt(), 0);
    }

    void cutFaultCommitsButTheClientSeesABrokenResponse()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--fault-cut"), QStringLiteral("1")}));
        // A raw socket shows exactly what arrives (QNetworkAccessManager would quietly resend).
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(socket.waitForConnected(5000));
        const QByteArray body = R"({"name": "Cut short"})";
        socket.write("POST /api/v1/opportunities HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                     "Authorization: Bearer " +
                     QByteArray(ServerProcess::writeKey) +
                     "\r\n"
                     "Idempotency-Key: cut-1\r\nContent-Type: application/json\r\n"
                     "Content-Length: " +
                     QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QByteArray received;
        while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(5000))
            received += socket.readAll();
        received += socket.readAll();
        QVERIFY(received.startsWith("HTTP/1.1 201"));
        const qsizetype headerEnd = received.indexOf("\r\n\r\n");
        QVERIFY(headerEnd > 0);
        const QRegularExpressionMatch length =
            QRegularExpression(QStringLiteral("Content-Length: (\\d+)"))
                .match(QString::fromLatin1(received.left(headerEnd)));
        QVERIFY(length.hasMatch());
        const qsizetype bodyBytes = received.size() - headerEnd - 4;
        QVERIFY(bodyBytes > 0);
        QVERIFY(bodyBytes < length.captured(1).toInt());
        QCOMPARE(socket.state(), QAbstractSocket::UnconnectedState);

        QCOMPARE(server.stop(), 0);
        QVERIFY(server.start());
        // The work was done once; retrying with the same key does not do it again.
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        const TestHttp::Reply retry =
            http.post(QStringLiteral("/opportunities"),
                      {{QStringLiteral("name"), QStringLiteral("Cut short")}},
                      {{"Idempotency-Key", "cut-1"}});
        QCOMPARE(retry.status, 201);
        const TestHttp::Reply list = http.get(QStringLiteral("/opportunities"));
        QCOMPARE(list.status, 200);
        QCOMPARE(list.json().value(QStringLiteral("totalCount")).toInt(), 1);
    }

    void someShareOfRequestsFailsRepeatably()
    {
        const auto outcomes = [](quint32 seed) {
            ServerProcess server;
            if (!server.start({QStringLiteral("--fault-error"), QStringLiteral("0.3"),
                               QStringLiteral("--fault-seed"), QString::number(seed)}))
                return QList<int>();
            TestHttp http(server.baseUrl(), ServerProcess::writeKey);
            QList<int> statuses;
            for (int i = 0; i < 40; ++i)
                statuses.append(http.get(QStringLiteral("/opportunities")).status);
            return statuses;
        };
        const QList<int> first = outcomes(7);
        QCOMPARE(first.size(), 40);
        QCOMPARE(outcomes(7), first);
        const auto failures = first.count(500);
        QVERIFY2(failures > 3 && failures < 25, qPrintable(QString::number(failures)));
        QCOMPARE(first.count(200) + failures, 40);
    }

    void delayFaultHoldsTheResponseWithoutLosingIt()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--fault-delay"), QStringLiteral("1,1500")}));
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        const TestHttp::Reply reply = http.post(QStringLiteral("/opportunities"),
                                                {{QStringLiteral("name"), QStringLiteral("Slow")}});
        QCOMPARE(reply.status, 201);
        QCOMPARE(reply.json().value(QStringLiteral("name")).toString(), QStringLiteral("Slow"));

        // A client that gives up before the response still finds the work done.
        QNetworkAccessManager impatient;
        QNetworkRequest request(
            QUrl(server.baseUrl().toString() + QStringLiteral("/opportunities")));
        request.setRawHeader("Authorization", QByteArray("Bearer ") + ServerProcess::writeKey);
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        request.setTransferTimeout(300);
        QNetworkReply *timedOut = impatient.post(request, QByteArray(R"({"name": "Given up"})"));
        QSignalSpy finished(timedOut, &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(timedOut->error(), QNetworkReply::OperationCanceledError);
        delete timedOut;
        QTRY_COMPARE_WITH_TIMEOUT(http.get(QStringLiteral("/opportunities?search=given"))
                                      .json()
                                      .value(QStringLiteral("totalCount"))
                                      .toInt(),
                                  1, 10000);
    }
};

QTEST_GUILESS_MAIN(TestServerFaults)
#include "tst_serverfaults.moc"
