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

} // namespace TestData
