#include "AccountJson.h"

#include <QTest>

class TestAccountJson final : public QObject
{
    Q_OBJECT

private slots:
    void roundTrips()
    {
        Account account;
        account.id = QStringLiteral("543d15e7-0000-4000-8000-000000000001");
        account.name = QStringLiteral("Müller GmbH");
        account.type = QStringLiteral("Customer");
        account.industry = QStringLiteral("Manufacturing");
        account.ownerId = QStringLiteral("auth0|abc");
        account.createdAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4), Qt::UTC);
        FieldErrors errors;
        const Account read = AccountJson::read(AccountJson::toResponse(account), &errors);
        QVERIFY(errors.isEmpty());
        QCOMPARE(read.name, account.name);
        QCOMPARE(read.ownerId, account.ownerId);
        QCOMPARE(read.createdAt, account.createdAt);
        QVERIFY(read.website.isNull());
    }

    void camelCaseAndMissingNameReported()
    {
        FieldErrors errors;
        const Account read =
            AccountJson::read(QJsonObject{{QStringLiteral("id"), QStringLiteral("x")},
                                          {QStringLiteral("ownerId"), QStringLiteral("o")},
                                          {QStringLiteral("isArchived"), QStringLiteral("true")}},
                              &errors);
        QCOMPARE(read.ownerId, QStringLiteral("o"));
        QVERIFY(read.isArchived);
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().field, QStringLiteral("name"));
    }
};

QTEST_GUILESS_MAIN(TestAccountJson)
#include "tst_accountjson.moc"
