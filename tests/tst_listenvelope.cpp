#include "ListEnvelope.h"

#include <QFile>
#include <QTest>

class TestListEnvelope final : public QObject
{
    Q_OBJECT

private slots:
    void readsEveryEnvelope_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("items");
        QTest::addColumn<qint64>("total");
        QTest::newRow("opportunities+totalCount") << "list-opportunities.json" << 1 << qint64(1234);
        QTest::newRow("data+total") << "list-data-total.json" << 2 << qint64(7);
        QTest::newRow("items+pagination.total") << "list-items-pagination.json" << 1 << qint64(12);
        QTest::newRow("results, no total") << "list-results-nototal.json" << 3 << qint64(-1);
        QTest::newRow("bare array") << "list-bare-array.json" << 1 << qint64(-1);
    }
    void readsEveryEnvelope()
    {
        QFETCH(QString, file);
        QFETCH(int, items);
        QFETCH(qint64, total);
        QFile fixture(QStringLiteral(KASHEW_FIXTURES "/") + file);
        QVERIFY(fixture.open(QIODevice::ReadOnly));
        const ListEnvelope page = ListEnvelope::read(QJsonDocument::fromJson(fixture.readAll()),
                                                     QStringLiteral("opportunities"));
        QVERIFY2(page.ok(), qPrintable(page.error));
        QCOMPARE(page.items.size(), items);
        QCOMPARE(page.totalCount.value_or(-1), total);
    }

    void unreadablePagesAreErrorsNamingTheList()
    {
        const ListEnvelope notJson =
            ListEnvelope::read(QJsonDocument::fromJson("<html>"), QStringLiteral("opportunities"));
        QVERIFY(!notJson.ok());
        const ListEnvelope wrongShape =
            ListEnvelope::read(QJsonDocument::fromJson(R"({"opportunities": {"a": 1}})"),
                               QStringLiteral("opportunities"));
        QVERIFY(!wrongShape.ok());
        QVERIFY(wrongShape.error.contains(QStringLiteral("opportunities")));
    }
};

QTEST_GUILESS_MAIN(TestListEnvelope)
#include "tst_listenvelope.moc"
