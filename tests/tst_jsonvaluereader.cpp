#include "JsonValueReader.h"

#include <QTest>

class TestJsonValueReader final : public QObject
{
    Q_OBJECT

private slots:
    void numbersAsNumbersOrStrings()
    {
        QString error;
        QCOMPARE(JsonValueReader::number(QJsonValue(50000), &error), std::optional<double>(50000));
        QCOMPARE(JsonValueReader::number(QJsonValue(QStringLiteral(" 1234.5 ")), &error),
                 std::optional<double>(1234.5));
        QVERIFY(!JsonValueReader::number(QJsonValue(QStringLiteral("12abc")), &error));
        QVERIFY(!error.isEmpty());
        error.clear();
        QVERIFY(!JsonValueReader::number(QJsonValue(true), &error));
        QVERIFY(!JsonValueReader::number(QJsonValue(QStringLiteral("inf")), &error));
    }

    void integersRejectFractions()
    {
        QString error;
        QCOMPARE(JsonValueReader::integer(QJsonValue(60.0), &error), std::optional<int>(60));
        QCOMPARE(JsonValueReader::integer(QJsonValue(QStringLiteral("60")), &error),
                 std::optional<int>(60));
        QVERIFY(!JsonValueReader::integer(QJsonValue(60.5), &error));
        QCOMPARE(error, QStringLiteral("expected a whole number"));
    }

    void booleans()
    {
        QString error;
        QCOMPARE(JsonValueReader::boolean(QJsonValue(true), &error), std::optional<bool>(true));
        QCOMPARE(JsonValueReader::boolean(QJsonValue(QStringLiteral("False")), &error),
                 std::optional<bool>(false));
        QCOMPARE(JsonValueReader::boolean(QJsonValue(1), &error), std::optional<bool>(true));
        QVERIFY(!JsonValueReader::boolean(QJsonValue(2), &error));
        QVERIFY(!JsonValueReader::boolean(QJsonValue(QStringLiteral("maybe")), &error));
    }

    void datesWithOrWithoutTime()
    {
        QString error;
        QCOMPARE(JsonValueReader::date(QJsonValue(QStringLiteral("2026-07-15")), &error),
                 std::optional<QDate>(QDate(2026, 7, 15)));
        QCOMPARE(
            JsonValueReader::date(QJsonValue(QStringLiteral("2026-07-15T23:00:00-05:00")), &error),
            std::optional<QDate>(QDate(2026, 7, 15)));
        QVERIFY(!JsonValueReader::date(QJsonValue(QStringLiteral("2026-02-30")), &error));
        QVERIFY(!JsonValueReader::date(QJsonValue(QStringLiteral("15/07/2026")), &error));
        QVERIFY(!JsonValueReader::date(QJsonValue(20260715), &error));
    }

    void nonDigitYearIsNoDate()
    {
        // Found by fuzz/: a year that is not four digits was read as year -1 (1 BC).
        QString error;
        QVERIFY(!JsonValueReader::date(QJsonValue(QStringLiteral("abcd-07-15")), &error));
        QVERIFY(!JsonValueReader::parseDate(QString::fromUtf8("\xef\xbf\xbd"
                                                              "026-07-15")));
        QVERIFY(!JsonValueReader::parseTimestamp(QStringLiteral("abcd-07-15T10:00:00Z")));
        QVERIFY(!JsonValueReader::parseTimestamp(QStringLiteral("abcd-07-15")));
        QCOMPARE(JsonValueReader::parseDate(QStringLiteral("0001-01-01")),
                 std::optional<QDate>(QDate(1, 1, 1)));
    }

    void timestampsInEveryCommonForm_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected");
        const QDateTime base(QDate(2026, 5, 20), QTime(10, 30), Qt::UTC);
        QTest::newRow("zulu") << "2026-05-20T10:30:00Z" << base;
        QTest::newRow("millis") << "2026-05-20T10:30:00.250Z" << base.addMSecs(250);
        QTest::newRow("micros") << "2026-05-20T10:30:00.250999Z" << base.addMSecs(250);
        QTest::newRow("offset") << "2026-05-20T12:30:00+02:00" << base;
        QTest::newRow("no zone means UTC") << "2026-05-20T10:30:00" << base;
        QTest::newRow("no zone, in a DST gap elsewhere")
            << "2026-03-29T02:30:00" << QDateTime(QDate(2026, 3, 29), QTime(2, 30), Qt::UTC);
        QTest::newRow("space") << "2026-05-20 10:30:00" << base;
        QTest::newRow("date only")
            << "2026-05-20" << QDateTime(QDate(2026, 5, 20), QTime(0, 0), Qt::UTC);
    }
    void timestampsInEveryCommonForm()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        QString error;
        const auto parsed = JsonValueReader::timestamp(QJsonValue(text), &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(*parsed, expected);
        QCOMPARE(parsed->timeSpec(), Qt::UTC);
    }

    void lookupPrefersSnakeCase()
    {
        const QJsonObject object{{QStringLiteral("account_id"), QStringLiteral("snake")},
                                 {QStringLiteral("accountId"), QStringLiteral("camel")}};
        QCOMPARE(JsonValueReader::lookup(object, QStringLiteral("account_id"),
                                         QStringLiteral("accountId"))
                     .toString(),
                 QStringLiteral("snake"));
        QVERIFY(JsonValueReader::lookup(object, QStringLiteral("x"), QStringLiteral("y"))
                    .isUndefined());
    }
};

QTEST_GUILESS_MAIN(TestJsonValueReader)
#include "tst_jsonvaluereader.moc"
