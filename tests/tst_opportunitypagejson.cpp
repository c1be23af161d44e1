// OpportunityPageJson, kashew-server's list body written without QJsonObject: for every kind of
// record (nulls, escapes, every plane of Unicode, lone surrogates, numbers at Qt's edges, odd
// times and dates) its bytes are exactly those QJsonDocument writes for OpportunityJson's response
// form plus "etag", which is what the list route sent before and what clients parse.
#include "EntityTag.h"
#include "OpportunityJson.h"
#include "OpportunityPageJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <cmath>
#include <limits>

Q_DECLARE_METATYPE(StoredOpportunity)

namespace {

// The list body as the route built it through QJsonObject.
QByteArray reference(const ListPage<StoredOpportunity> &page, int pageNumber, int pageSize,
                     bool withEtags)
{
    QJsonArray items;
    for (const StoredOpportunity &stored : page.items) {
        QJsonObject item = OpportunityJson::toResponse(stored.opportunity);
        if (withEtags)
            item.insert(QStringLiteral("etag"), QString::fromLatin1(entityTag(stored.version)));
        items.append(item);
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("opportunities"), items},
                                     {QStringLiteral("totalCount"), page.totalCount},
                                     {QStringLiteral("page"), pageNumber},
                                     {QStringLiteral("pageSize"), pageSize}})
        .toJson(QJsonDocument::Compact);
}

StoredOpportunity plain()
{
    StoredOpportunity stored;
    Opportunity &o = stored.opportunity;
    o.id = QStringLiteral("0b5c2a9e-7d1f-4c3a-9e8b-2f6d4a1c3e5b");
    o.name = QStringLiteral("Acme renewal");
    o.accountId = QStringLiteral("5e2d1c4b-3a2f-4e1d-8c7b-6a5f4e3d2c1b");
    o.accountName = QStringLiteral("Acme Corp");
    o.value = 125000;
    o.currency = QStringLiteral("EUR");
    o.stage = Stage::Negotiation;
    o.probability = 60;
    o.expectedCloseDate = QDate(2026, 3, 31);
    o.description = QStringLiteral("Second year");
    o.ownerId = QStringLiteral("owner@example.com");
    o.createdAt = QDateTime(QDate(2025, 1, 2), QTime(3, 4, 5, 6), Qt::UTC);
    o.updatedAt = QDateTime(QDate(2025, 11, 30), QTime(23, 59, 59, 999), Qt::UTC);
    stored.version = 7;
    return stored;
}

QString withUnits(std::initializer_list<char16_t> units)
{
    QString text;
    for (char16_t unit : units)
        text.append(QChar(unit));
    return text;
}

} // namespace

class TestOpportunityPageJson final : public QObject
{
    Q_OBJECT

private slots:
    void recordsAsQtWritesThem_data()
    {
        QTest::addColumn<StoredOpportunity>("stored");
        QTest::newRow("plain") << plain();
        {
            StoredOpportunity s = plain();
            Opportunity &o = s.opportunity;
            o.accountId = QString();
            o.accountName = QString();
            o.leadId = QString();
            o.description = QString();
            o.ownerId = QString();
            o.expectedCloseDate = QDate();
            o.updatedAt = QDateTime();
            QTest::newRow("nulls") << s;
        }
        {
            StoredOpportunity s = plain();
            s.opportunity.description = QStringLiteral("");
            s.opportunity.leadId = QStringLiteral("");
            s.opportunity.name = QStringLiteral("");
            QTest::newRow("empty texts") << s;
        }
        {
            StoredOpportunity s = plain();
            s.opportunity.name = QStringLiteral("Quote \" backslash \\ slash / tab \t newline \n"
                                                " cr \r bs \b ff \f nul ") +
                                 QChar(0) + QChar(0x1f) + QChar(0x7f);
            QTest::newRow("escapes") << s;
        }
        {
            StoredOpportunity s = plain();
            s.opportunity.name =
                QStringLiteral("Müller €uro 日本 ") + QString::fromUcs4(U"\U0001F600");
            s.opportunity.description =
                QString::fromUcs4(U"\U00010000\U0010FFFF\u07FF\u0800\uFFFF");
            QTest::newRow("unicode") << s;
        }
        {
            StoredOpportunity s = plain();
            s.opportunity.name = withUnits({u'a', 0xD800, u'b', 0xDC00, 0xDBFF});
            s.opportunity.description = withUnits({0xDC00, 0xD800, 0xD800, 0xDC00});
            QTest::newRow("lone surrogates") << s;
        }
        const double numbers[] = {0.0,
                                  -0.0,
                                  0.5,
                                  -1234.56,
                                  1e-7,
                                  0.1 + 0.2,
                                  999999999999.99,
                                  1e15,
                                  1e21,
                                  9007199254740991.0,
                                  9007199254740992.0,
                                  9007199254740994.0,
                                  -9007199254740992.0,
                                  1.7976931348623157e308,
                                  std::numeric_limits<double>::infinity(),
                                  std::numeric_limits<double>::quiet_NaN()};
        for (double number : numbers) {
            StoredOpportunity s = plain();
            s.opportunity.value = number;
            QTest::addRow("value %.17g", number) << s;
        }
        for (int probability : {0, 100, -5, 2147483647}) {
            StoredOpportunity s = plain();
            s.opportunity.probability = probability;
            QTest::addRow("probability %d", probability) << s;
        }
        {
            StoredOpportunity s = plain();
            s.opportunity.createdAt = QDateTime(QDate(1, 1, 1), QTime(0, 0), Qt::UTC);
            s.opportunity.updatedAt =
                QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59, 999), Qt::UTC);
            s.opportunity.expectedCloseDate = QDate(1, 1, 1);
            QTest::newRow("first and last years") << s;
        }
        {
            StoredOpportunity s = plain();
            s.opportunity.createdAt = QDateTime(QDate(10000, 1, 1), QTime(0, 0), Qt::UTC);
            s.opportunity.updatedAt = QDateTime(QDate(-44, 3, 15), QTime(12, 0), Qt::UTC);
            s.opportunity.expectedCloseDate = QDate(12345, 6, 7);
            QTest::newRow("years beyond four digits") << s;
        }
        {
            StoredOpportunity s = plain();
            s.opportunity.createdAt =
                QDateTime(QDate(2025, 6, 1), QTime(1, 30), Qt::OffsetFromUTC, 5 * 3600);
            s.opportunity.updatedAt = QDateTime(QDate(2025, 6, 1), QTime(1, 30), Qt::LocalTime);
            QTest::newRow("times not in UTC") << s;
        }
        for (const Stage stage : Stages::all()) {
            StoredOpportunity s = plain();
            s.opportunity.stage = stage;
            s.opportunity.isArchived = stage == Stage::ClosedLost;
            QTest::addRow("stage %s", qPrintable(Stages::id(stage))) << s;
        }
        {
            StoredOpportunity s = plain();
            s.version = std::numeric_limits<qint64>::max();
            QTest::newRow("largest version") << s;
        }
    }
    void recordsAsQtWritesThem()
    {
        QFETCH(StoredOpportunity, stored);
        for (const bool withEtags : {true, false}) {
            ListPage<StoredOpportunity> page;
            page.items = {stored, plain()};
            page.totalCount = 92196;
            const QByteArray written = OpportunityPageJson::write(page, 3, 2, withEtags);
            QCOMPARE(written, reference(page, 3, 2, withEtags));
        }
    }

    void emptyAndLargePages()
    {
        ListPage<StoredOpportunity> empty;
        empty.totalCount = 25;
        QCOMPARE(OpportunityPageJson::write(empty, 4, 10, true), reference(empty, 4, 10, true));

        ListPage<StoredOpportunity> large;
        large.totalCount = std::numeric_limits<qint64>::max();
        for (int i = 0; i < 500; ++i) {
            StoredOpportunity s = plain();
            s.opportunity.name = QStringLiteral("Deal %1 ü").arg(i);
            s.opportunity.value = i * 1000.25;
            s.version = i;
            large.items.append(s);
        }
        QCOMPARE(OpportunityPageJson::write(large, 1, 500, true), reference(large, 1, 500, true));
    }
};

QTEST_GUILESS_MAIN(TestOpportunityPageJson)
#include "tst_opportunitypagejson.moc"
