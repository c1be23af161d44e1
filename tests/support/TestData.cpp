#include "TestData.h"

#include <QTest>

namespace TestData {

namespace {

// The created record's JSON, or an empty object after failing the test with what the server said.
QJsonObject created(const TestHttp::Reply &reply, const QString &what, const char *file, int line)
{
    const QJsonObject object = reply.json();
    if (reply.status == 201 && !object.value(QStringLiteral("id")).toString().isEmpty())
        return object;
    const QString message = QStringLiteral("creating %1: the server answered %2 %3")
                                .arg(what)
                                .arg(reply.status)
                                .arg(QString::fromUtf8(reply.body.left(500)));
    QTest::qFail(qPrintable(message), file, line);
    return {};
}

} // namespace

QString createAccount(TestHttp &http, const QString &name, const char *file, int line)
{
    const TestHttp::Reply reply =
        http.post(QStringLiteral("/accounts"), QJsonObject{{QStringLiteral("name"), name}});
    return created(reply, QStringLiteral("account \"%1\"").arg(name), file, line)
        .value(QStringLiteral("id"))
        .toString();
}

QJsonObject createOpportunity(TestHttp &http, QJsonObject body, const char *file, int line)
{
    if (!body.contains(QStringLiteral("name")))
        body.insert(QStringLiteral("name"), QStringLiteral("Deal"));
    const TestHttp::Reply reply = http.post(QStringLiteral("/opportunities"), body);
    return created(
        reply,
        QStringLiteral("opportunity \"%1\"").arg(body.value(QStringLiteral("name")).toString()),
        file, line);
}

QString createDeal(TestHttp &http, const QString &name, const char *file, int line)
{
    return createOpportunity(http,
                             {{QStringLiteral("name"), name},
                              {QStringLiteral("value"), 1000},
                              {QStringLiteral("currency"), QStringLiteral("EUR")}},
                             file, line)
        .value(QStringLiteral("id"))
        .toString();
}

QJsonObject serverRecord(TestHttp &http, const QString &id)
{
    return http.get(QStringLiteral("/opportunities/") + id).json();
}

void spendRateBudget(TestHttp &http, int requests, const char *file, int line)
{
    for (int i = 0; i < requests; ++i) {
        const int status = http.get(QStringLiteral("/opportunities?pageSize=1")).status;
        if (status != 200) {
            QTest::qFail(qPrintable(QStringLiteral("spending the rate budget: read %1 of %2 was "
                                                   "answered %3, not 200")
                                        .arg(i + 1)
                                        .arg(requests)
                                        .arg(status)),
                         file, line);
            return;
        }
    }
}

} // namespace TestData
