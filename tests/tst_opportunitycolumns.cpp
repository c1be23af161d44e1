// The one opportunity column table both SQLite stores use (storage/OpportunityColumns): a record
// written through it reads back equal field for field, nulls as nulls, and the stored text is the
// form both stores wrote before they shared it.
#include "CacheRows.h"
#include "OpportunityColumns.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

namespace {

const QString connectionName = QStringLiteral("tst_opportunitycolumns");

Opportunity fullRecord()
{
    Opportunity o;
    o.id = QStringLiteral("6f1c2a9e-0b7d-4c1e-9a5f-2d8e3b4c5a61");
    o.name = QStringLiteral("Łódź — Enterprise Deal");
    o.accountId = QStringLiteral("0d3b1e6a-52c4-4f8e-8a71-9c2e5b7d4f10");
    o.accountName = QStringLiteral("Acme Corp");
    o.leadId = QStringLiteral("lead-7");
    o.value = 50000.5;
    o.currency = QStringLiteral("EUR");
    o.stage = Stage::Negotiation;
    o.probability = 80;
    o.expectedCloseDate = QDate(2026, 7, 15);
    o.description = QStringLiteral("Enterprise license\nfor 50 seats");
    o.ownerId = QStringLiteral("auth0|5f1c9a7e2b");
    o.isArchived = true;
    o.createdAt = QDateTime(QDate(2026, 5, 20), QTime(9, 30, 0, 125), Qt::UTC);
    // Not in UTC: stored in UTC all the same.
    o.updatedAt = QDateTime(QDate(2026, 5, 21), QTime(10, 0), Qt::OffsetFromUTC, 2 * 3600);
    return o;
}

// Only the id and the fields that have no null form.
Opportunity bareRecord()
{
    Opportunity o;
    o.id = QStringLiteral("b2c3d4e5-0000-4000-8000-000000000001");
    o.name = QStringLiteral("Bare");
    return o;
}

} // namespace

class TestOpportunityColumns final : public QObject
{
    Q_OBJECT

private:
    // Writes `o` into a fresh row through the cache's mapper and reads it back through it.
    Opportunity roundTrip(const Opportunity &o)
    {
        QSqlQuery query(QSqlDatabase::database(connectionName));
        if (!query.exec(QStringLiteral("DELETE FROM opportunities")))
            qFatal("%s", qPrintable(query.lastError().text()));
        query.prepare(QStringLiteral("INSERT INTO opportunities (") + CacheRows::dataColumns +
                      QStringLiteral(") VALUES (") + OpportunityColumns::positionalPlaceholders() +
                      QLatin1Char(')'));
        CacheRows::bindData(query, o);
        if (!query.exec())
            qFatal("insert: %s", qPrintable(query.lastError().text()));
        if (!query.exec(QStringLiteral("SELECT ") + OpportunityColumns::selectList() +
                        QStringLiteral(" FROM opportunities")) ||
            !query.next())
            qFatal("select: %s", qPrintable(query.lastError().text()));
        return CacheRows::opportunityFromRow(query);
    }

    // The stored value of one column, with SQLite's name of its type.
    QPair<QString, QVariant> stored(const QString &column)
    {
        QSqlQuery query(QSqlDatabase::database(connectionName));
        if (!query.exec(QStringLiteral("SELECT typeof(%1), %1 FROM opportunities").arg(column)) ||
            !query.next())
            qFatal("%s", qPrintable(query.lastError().text()));
        return {query.value(0).toString(), query.value(1)};
    }

private slots:
    void initTestCase()
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        db.setDatabaseName(QStringLiteral(":memory:"));
        QVERIFY(db.open());
        // The cache's types for these columns (sync/LocalStoreOpening.cpp).
        QSqlQuery query(db);
        QVERIFY2(query.exec(QStringLiteral(
                     "CREATE TABLE opportunities (id TEXT PRIMARY KEY, name TEXT NOT NULL,"
                     " account_id TEXT, account_name TEXT, lead_id TEXT, value REAL NOT NULL,"
                     " currency TEXT NOT NULL, stage TEXT NOT NULL, probability INTEGER NOT NULL,"
                     " expected_close_date TEXT, description TEXT, owner_id TEXT,"
                     " is_archived INTEGER NOT NULL, created_at TEXT, updated_at TEXT)")),
                 qPrintable(query.lastError().text()));
    }
    void cleanupTestCase() { QSqlDatabase::removeDatabase(connectionName); }

    void everyFieldHasOneColumnInTheCacheOrder()
    {
        // LocalStore binds these by position and writes some lists by hand: the order is theirs.
        QCOMPARE(OpportunityColumns::names(),
                 QStringLiteral("id, name, account_id, account_name, lead_id, value, currency,"
                                " stage, probability, expected_close_date, description, owner_id,"
                                " is_archived, created_at, updated_at"));
        QCOMPARE(CacheRows::dataColumns, OpportunityColumns::names());
        OpportunityFields seen;
        for (const OpportunityColumns::Column &column : OpportunityColumns::all()) {
            QVERIFY2(!seen.testFlag(column.field), qPrintable(column.name));
            seen |= column.field;
            QCOMPARE(column.placeholder, QLatin1Char(':') + column.name);
        }
        for (const OpportunityField field : OpportunityFieldNames::all())
            QVERIFY2(seen.testFlag(field), qPrintable(OpportunityFieldNames::snakeCase(field)));
    }

    void listsForEachStatement()
    {
        const OpportunityFields some{OpportunityField::Id, OpportunityField::Stage,
                                     OpportunityField::UpdatedAt};
        QCOMPARE(OpportunityColumns::names(some, QStringLiteral("o.")),
                 QStringLiteral("o.id, o.stage, o.updated_at"));
        QCOMPARE(OpportunityColumns::positionalPlaceholders(some), QStringLiteral("?, ?, ?"));
        QCOMPARE(OpportunityColumns::namedPlaceholders(some),
                 QStringLiteral(":id, :stage, :updated_at"));
        QCOMPARE(OpportunityColumns::assignments(some),
                 QStringLiteral("id = :id, stage = :stage, updated_at = :updated_at"));
        // kashew-server reads the account's name from its join.
        const QString select = OpportunityColumns::selectList(
            QStringLiteral("o."), {{OpportunityField::AccountName, QStringLiteral("a.name")}});
        QVERIFY2(
            select.startsWith(QStringLiteral("o.id, o.name, o.account_id, a.name, o.lead_id,")),
            qPrintable(select));
        QVERIFY2(select.endsWith(QStringLiteral(", o.created_at, o.updated_at")),
                 qPrintable(select));
    }

    void aFullRecordReadsBackEqual()
    {
        const Opportunity o = fullRecord();
        const Opportunity back = roundTrip(o);
        QCOMPARE(back, o);
        QCOMPARE(back.createdAt.timeSpec(), Qt::UTC);
        QCOMPARE(back.updatedAt.timeSpec(), Qt::UTC);
    }

    void aFullRecordIsStoredAsBefore()
    {
        roundTrip(fullRecord());
        using Stored = QPair<QString, QVariant>;
        QCOMPARE(stored(QStringLiteral("created_at")),
                 Stored(QStringLiteral("text"), QStringLiteral("2026-05-20T09:30:00.125Z")));
        QCOMPARE(stored(QStringLiteral("updated_at")),
                 Stored(QStringLiteral("text"), QStringLiteral("2026-05-21T08:00:00.000Z")));
        QCOMPARE(stored(QStringLiteral("expected_close_date")),
                 Stored(QStringLiteral("text"), QStringLiteral("2026-07-15")));
        QCOMPARE(stored(QStringLiteral("stage")),
                 Stored(QStringLiteral("text"), QStringLiteral("negotiation")));
        QCOMPARE(stored(QStringLiteral("is_archived")), Stored(QStringLiteral("integer"), 1));
        QCOMPARE(stored(QStringLiteral("probability")), Stored(QStringLiteral("integer"), 80));
        QCOMPARE(stored(QStringLiteral("value")), Stored(QStringLiteral("real"), 50000.5));
    }

    void absentFieldsStayNull()
    {
        const Opportunity back = roundTrip(bareRecord());
        QCOMPARE(back, bareRecord());
        QVERIFY(back.accountId.isNull());
        QVERIFY(back.accountName.isNull());
        QVERIFY(back.leadId.isNull());
        QVERIFY(back.description.isNull());
        QVERIFY(back.ownerId.isNull());
        QVERIFY(back.expectedCloseDate.isNull());
        QVERIFY(back.createdAt.isNull());
        QVERIFY(back.updatedAt.isNull());
        for (const QString &column :
             {QStringLiteral("account_id"), QStringLiteral("account_name"),
              QStringLiteral("lead_id"), QStringLiteral("expected_close_date"),
              QStringLiteral("description"), QStringLiteral("owner_id"),
              QStringLiteral("created_at"), QStringLiteral("updated_at")})
            QVERIFY2(stored(column).first == QLatin1String("null"), qPrintable(column));
        QCOMPARE(stored(QStringLiteral("is_archived")).second, QVariant(0));
    }

    void emptyTextIsNotNull()
    {
        // The cache keeps "" and null apart ("no description" vs "description cleared").
        Opportunity o = bareRecord();
        o.description = QStringLiteral("");
        o.ownerId = QStringLiteral("");
        const Opportunity back = roundTrip(o);
        QVERIFY(!back.description.isNull());
        QVERIFY(back.description.isEmpty());
        QVERIFY(!back.ownerId.isNull());
        QCOMPARE(stored(QStringLiteral("description")).first, QStringLiteral("text"));
    }

    void namedBindingStoresTheSame()
    {
        // kashew-server binds by name; the row is the same.
        const Opportunity o = fullRecord();
        QSqlQuery query(QSqlDatabase::database(connectionName));
        QVERIFY(query.exec(QStringLiteral("DELETE FROM opportunities")));
        query.prepare(QStringLiteral("INSERT INTO opportunities (") + OpportunityColumns::names() +
                      QStringLiteral(") VALUES (") + OpportunityColumns::namedPlaceholders() +
                      QLatin1Char(')'));
        OpportunityColumns::bindNamed(query, o);
        QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
        QVERIFY(query.exec(QStringLiteral("SELECT ") + OpportunityColumns::selectList() +
                           QStringLiteral(" FROM opportunities")));
        QVERIFY(query.next());
        QCOMPARE(OpportunityColumns::read(query), o);
        QCOMPARE(stored(QStringLiteral("created_at")).second,
                 QVariant(QStringLiteral("2026-05-20T09:30:00.125Z")));
    }
};

QTEST_GUILESS_MAIN(TestOpportunityColumns)
#include "tst_opportunitycolumns.moc"
