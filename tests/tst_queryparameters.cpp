// QueryParameters: the list query string of GET /opportunities and /accounts as CONTRACT.md
// ("List") describes it; a bad parameter is one field error naming it, which the services answer
// as a 422 at ["query", name].
#include "ApiResponse.h"
#include "QueryParameters.h"

#include <QJsonDocument>
#include <QTest>

namespace {

QueryParameters parse(const QString &query)
{
    return QueryParameters(QUrlQuery(query));
}

QStringList fields(const FieldErrors &errors)
{
    QStringList names;
    for (const FieldError &error : errors)
        names.append(error.field);
    return names;
}

} // namespace

class TestQueryParameters final : public QObject
{
    Q_OBJECT

private slots:
    void page_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("page");
        QTest::addColumn<bool>("valid");
        QTest::newRow("absent is the first") << "" << 1 << true;
        QTest::newRow("first") << "page=1" << 1 << true;
        QTest::newRow("third") << "page=3" << 3 << true;
        QTest::newRow("spaces around") << "page=%207%20" << 7 << true;
        QTest::newRow("largest") << "page=1000000000" << 1000000000 << true;
        QTest::newRow("zero") << "page=0" << 1 << false;
        QTest::newRow("negative") << "page=-2" << 1 << false;
        QTest::newRow("too large") << "page=1000000001" << 1 << false;
        QTest::newRow("not a number") << "page=abc" << 1 << false;
        QTest::newRow("fraction") << "page=1.5" << 1 << false;
        QTest::newRow("empty") << "page=" << 1 << false;
    }
    void page()
    {
        QFETCH(QString, query);
        QFETCH(int, page);
        QFETCH(bool, valid);
        QueryParameters parameters = parse(query);
        QCOMPARE(parameters.page(), page);
        QCOMPARE(fields(parameters.errors()),
                 valid ? QStringList() : QStringList{QStringLiteral("page")});
    }

    void pageErrorsSayWhy()
    {
        QueryParameters zero = parse(QStringLiteral("page=0"));
        zero.page();
        QCOMPARE(zero.errors(), (FieldErrors{{QStringLiteral("page"),
                                              QStringLiteral("ensure this value is at least 1")}}));
        QueryParameters text = parse(QStringLiteral("page=abc"));
        text.page();
        QCOMPARE(text.errors(), (FieldErrors{{QStringLiteral("page"),
                                              QStringLiteral("value is not a valid integer")}}));
    }

    void pageSizeIsClampedTo500_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("pageSize");
        QTest::newRow("absent: the default") << "" << 20;
        QTest::newRow("asked") << "pageSize=50" << 50;
        QTest::newRow("one") << "pageSize=1" << 1;
        QTest::newRow("zero") << "pageSize=0" << 1;
        QTest::newRow("negative") << "pageSize=-5" << 1;
        QTest::newRow("the cap") << "pageSize=500" << 500;
        QTest::newRow("above the cap") << "pageSize=501" << 500;
        QTest::newRow("huge") << "pageSize=99999999999" << 500;
    }
    void pageSizeIsClampedTo500()
    {
        QFETCH(QString, query);
        QFETCH(int, pageSize);
        QueryParameters parameters = parse(query);
        QCOMPARE(parameters.pageSize(20, 500), pageSize);
        QVERIFY(parameters.errors().isEmpty());
    }

    void pageSizeNotANumber()
    {
        QueryParameters parameters = parse(QStringLiteral("pageSize=ten"));
        QCOMPARE(parameters.pageSize(20, 500), 20);
        QCOMPARE(parameters.errors(),
                 (FieldErrors{{QStringLiteral("pageSize"),
                               QStringLiteral("value is not a valid integer")}}));
    }

    void textIsDecodedAsInForms_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::newRow("plus is a space") << "search=Acme+Corp"
                                         << "search" << QStringLiteral("Acme Corp");
        QTest::newRow("percent space") << "search=Acme%20Corp"
                                       << "search" << QStringLiteral("Acme Corp");
        QTest::newRow("encoded plus") << "search=C%2B%2B"
                                      << "search" << QStringLiteral("C++");
        QTest::newRow("unicode") << "search=%C3%A9t%C3%A9"
                                 << "search" << QStringLiteral("été");
        QTest::newRow("opaque owner") << "ownerId=auth0%7C5f1c9a7e2b"
                                      << "ownerId" << QStringLiteral("auth0|5f1c9a7e2b");
        QTest::newRow("ampersand inside") << "search=R%26D&page=2"
                                          << "search" << QStringLiteral("R&D");
    }
    void textIsDecodedAsInForms()
    {
        QFETCH(QString, query);
        QFETCH(QString, name);
        QFETCH(QString, value);
        QCOMPARE(parse(query).text(name), value);
    }

    void absentTextIsNullPresentIsNot()
    {
        const QueryParameters parameters = parse(QStringLiteral("search=&page=2"));
        QVERIFY(!parameters.text(QStringLiteral("search")).isNull());
        QVERIFY(parameters.text(QStringLiteral("search")).isEmpty());
        QVERIFY(parameters.text(QStringLiteral("ownerId")).isNull());
    }

    void isArchivedSpellings_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<bool>("archived");
        QTest::newRow("absent: live records") << "" << false;
        QTest::newRow("true") << "isArchived=true" << true;
        QTest::newRow("True") << "isArchived=True" << true;
        QTest::newRow("TRUE spaced") << "isArchived=%20TRUE%20" << true;
        QTest::newRow("1") << "isArchived=1" << true;
        QTest::newRow("yes") << "isArchived=yes" << true;
        QTest::newRow("false") << "isArchived=false" << false;
        QTest::newRow("0") << "isArchived=0" << false;
        QTest::newRow("no") << "isArchived=no" << false;
    }
    void isArchivedSpellings()
    {
        QFETCH(QString, query);
        QFETCH(bool, archived);
        QueryParameters parameters = parse(query);
        QCOMPARE(parameters.boolean(QStringLiteral("isArchived"), false), archived);
        QVERIFY(parameters.errors().isEmpty());
    }

    void isArchivedNotABoolean_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("maybe") << "isArchived=maybe";
        QTest::newRow("two") << "isArchived=2";
        QTest::newRow("empty") << "isArchived=";
    }
    void isArchivedNotABoolean()
    {
        QFETCH(QString, query);
        QueryParameters parameters = parse(query);
        QCOMPARE(parameters.boolean(QStringLiteral("isArchived"), false), false);
        QCOMPARE(parameters.errors(),
                 (FieldErrors{{QStringLiteral("isArchived"),
                               QStringLiteral("value could not be parsed to a boolean")}}));
    }

    void accountIdIsAUuid()
    {
        QueryParameters upper =
            parse(QStringLiteral("accountId=543D15E7-0A4B-4C2D-9E8F-0123456789AB"));
        // Stored ids are lower case: the filter must match them whatever the client sent.
        QCOMPARE(upper.uuid(QStringLiteral("accountId")),
                 QStringLiteral("543d15e7-0a4b-4c2d-9e8f-0123456789ab"));
        QVERIFY(upper.errors().isEmpty());

        QueryParameters none = parse(QStringLiteral("accountId="));
        QVERIFY(none.uuid(QStringLiteral("accountId")).isEmpty());
        QVERIFY(none.errors().isEmpty());

        QueryParameters bad = parse(QStringLiteral("accountId=acme"));
        QVERIFY(bad.uuid(QStringLiteral("accountId")).isEmpty());
        QCOMPARE(bad.errors(), (FieldErrors{{QStringLiteral("accountId"),
                                             QStringLiteral("value is not a valid UUID")}}));
    }

    void statusTakesTheSixWireNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("stage");
        for (Stage stage : Stages::all())
            QTest::newRow(qPrintable(Stages::id(stage))) << Stages::id(stage) << int(stage);
    }
    void statusTakesTheSixWireNames()
    {
        QFETCH(QString, name);
        QFETCH(int, stage);
        QueryParameters parameters = parse(QStringLiteral("status=") + name);
        QCOMPARE(parameters.stage(QStringLiteral("status")),
                 std::optional<Stage>(static_cast<Stage>(stage)));
        QVERIFY(parameters.errors().isEmpty());
    }

    void statusOtherSpellingsAreErrors_data()
    {
        // The filter takes exact wire names: a typo must not silently list nothing.
        QTest::addColumn<QString>("query");
        QTest::newRow("unknown") << "status=won";
        QTest::newRow("label") << "status=Closed%20Won";
        QTest::newRow("capitals") << "status=NEGOTIATION";
        QTest::newRow("dash") << "status=closed-lost";
        QTest::newRow("space before") << "status=%20proposal";
    }
    void statusOtherSpellingsAreErrors()
    {
        QFETCH(QString, query);
        QueryParameters parameters = parse(query);
        QVERIFY(!parameters.stage(QStringLiteral("status")));
        QCOMPARE(fields(parameters.errors()), QStringList{QStringLiteral("status")});
        QVERIFY(parameters.errors().constFirst().message.contains(QLatin1String("closed_won")));
    }

    void statusAbsentOrEmptyIsEveryStage()
    {
        for (const QString &query : {QString(), QStringLiteral("status=")}) {
            QueryParameters parameters = parse(query);
            QVERIFY(!parameters.stage(QStringLiteral("status")));
            QVERIFY(parameters.errors().isEmpty());
        }
    }

    void everyBadParameterIsA422FieldError()
    {
        QueryParameters parameters = parse(QStringLiteral(
            "page=abc&pageSize=ten&status=won&accountId=acme&isArchived=maybe&search=x"));
        parameters.page();
        parameters.pageSize(20, 500);
        parameters.stage(QStringLiteral("status"));
        parameters.uuid(QStringLiteral("accountId"));
        parameters.boolean(QStringLiteral("isArchived"), false);
        QCOMPARE(fields(parameters.errors()),
                 (QStringList{QStringLiteral("page"), QStringLiteral("pageSize"),
                              QStringLiteral("status"), QStringLiteral("accountId"),
                              QStringLiteral("isArchived")}));
        // As the client sees it: 422, one detail entry per parameter at ["query", name].
        const ApiResponse response =
            ApiResponse::validation(parameters.errors(), QStringLiteral("query"));
        QCOMPARE(response.status, 422);
        const QJsonArray detail = QJsonDocument::fromJson(response.body)
                                      .object()
                                      .value(QStringLiteral("detail"))
                                      .toArray();
        QCOMPARE(detail.size(), 5);
        QCOMPARE(detail.at(3).toObject().value(QStringLiteral("loc")).toArray(),
                 (QJsonArray{QStringLiteral("query"), QStringLiteral("accountId")}));
        QCOMPARE(detail.at(3).toObject().value(QStringLiteral("msg")).toString(),
                 QStringLiteral("value is not a valid UUID"));
    }
};

QTEST_GUILESS_MAIN(TestQueryParameters)
#include "tst_queryparameters.moc"
