#include "TestData.h"

#include <QTest>

namespace TestData {

QString createAccount(TestHttp &http, const QString &name)
{
    const TestHttp::Reply reply =
        http.post(QStringLiteral("/accounts"), QJsonObject{{QStringLiteral("name"), name}});
    if (reply.status != 201)
        qWarning("creating account %s: %d %s", qPrintable(name), reply.status,
                 reply.body.constData());
    return reply.json().value(QStringLiteral("id")).toString();
}

QJsonObject createOpportunity(TestHttp &http, QJsonObject body)
{
    if (!body.contains(QStringLiteral("name")))
        body.insert(QStringLiteral("name"), QStringLiteral("Deal"));
    const TestHttp::Reply reply = http.post(QStringLiteral("/opportunities"), body);
    if (reply.status != 201)
        qWarning("creating opportunity: %d %s", reply.status, reply.body.constData());
    return reply.json();
}

} // namespace TestData
