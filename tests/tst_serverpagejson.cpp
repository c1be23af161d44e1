// GET /opportunities' body as ServerStore::listOpportunityPageJson() writes it (on SQLite from
// SQLite's own text, SqlitePageJson) is, to the byte, OpportunityPageJson::write() of the same
// page read the general way: for every kind of value (nulls, empty texts, escapes, every plane of
// Unicode, numbers at their edges, archived records), every filter, both etag forms, pages past
// the end; and, on SQLite, for values stored in forms kashew-server does not write itself
// (times without milliseconds, loose stage names, numbers as text, invalid UTF-8), which take the
// general way. Runs on both backends (tst_serverpagejson_pg).
#include "OpportunityPageJson.h"
#include "StoreDatabase.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <memory>

class TestServerPageJson final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<StoreDatabase> m_database;
    QString m_account;

    ServerStore &store() const { return m_database->store(); }

    // Both ways agree on every page of `filter` (and one past the end), with and without etags.
    void compareEveryPage(const OpportunityFilter &filter, int pageSize = 4)
    {
        const auto first = store().listStoredOpportunities(filter, 1, pageSize);
        QVERIFY2(first, qPrintable(first.error()));
        const qint64 pages = (first->totalCount + pageSize - 1) / pageSize;
        for (int page = 1; page <= pages + 1; ++page) {
            for (const bool withEtags : {true, false}) {
                const auto general = store().listStoredOpportunities(filter, page, pageSize);
                QVERIFY2(general, qPrintable(general.error()));
                const auto direct =
                    store().listOpportunityPageJson(filter, page, pageSize, withEtags);
                QVERIFY2(direct, qPrintable(direct.error()));
                const QByteArray expected =
                    OpportunityPageJson::write(*general, page, pageSize, withEtags);
                // From where they differ, so that a failure shows the value.
                qsizetype at = 0;
                while (at < direct->size() && at < expected.size() &&
                       direct->at(at) == expected.at(at))
                    ++at;
                QCOMPARE(direct->mid(qMax<qsizetype>(0, at - 60), 160),
                         expected.mid(qMax<qsizetype>(0, at - 60), 160));
                QCOMPARE(direct->size(), expected.size());
            }
        }
    }

    // Stores `o` as POST /opportunities would (fresh id, the store's timestamps).
    Opportunity insert(Opportunity o)
    {
        o.id = StoreDatabase::newId();
        o.createdAt = o.updatedAt = store().nextTimestamp();
        const Status inserted = store().insertOpportunity(o);
        if (!inserted)
            qFatal("insert: %s", qPrintable(inserted.error()));
        return o;
    }

    void exec(const QString &sql)
    {
        QSqlQuery query(QSqlDatabase::database(store().connectionName()));
        QVERIFY2(query.exec(sql), qPrintable(query.lastError().text() + QLatin1Char(' ') + sql));
        store().invalidateCounts();
    }

private slots:
    void init()
    {
        auto created = StoreDatabase::createWithStore(QStringLiteral("tst_serverpagejson"));
        QVERIFY2(created, qPrintable(created.error()));
        m_database = std::move(created).value();
        m_account = m_database->addAccount(QStringLiteral("Zürich \"Re\" \\ Ünïcode 🚀"));
    }
    void cleanup() { m_database.reset(); }

    void everyKindOfValue()
    {
        const QString controls = QStringLiteral("tab\there, nl\nthere, cr\r, bs\b, ff\f, bell") +
                                 QChar(0x07) + QStringLiteral(", unit") + QChar(0x1f) +
                                 QStringLiteral(", del") + QChar(0x7f);
        const QList<QString> names{
            QStringLiteral("Plain"),
            QStringLiteral("Quote \" and backslash \\ and slash /"),
            controls,
            QStringLiteral("Łódź — Κρήτη — 東京 — 🚀🎉 — \u00e9\u0301"),
            QString(QChar(0xfffd)) + QChar(0xfeff) + QChar(0xffff) + QChar(0x800),
            QStringLiteral("x"),
        };
        const QList<double> values{0, 1, -1, 0.5, 1234.56, 1e15, 9007199254740992.0, 1e300, -0.0};
        int i = 0;
        for (const QString &name : names) {
            for (const double value : values) {
                Opportunity o;
                o.name = name;
                o.value = value;
                o.currency = i % 2 ? QStringLiteral("EUR") : QStringLiteral("USD");
                o.stage = Stages::all().at(i % Stages::all().size());
                o.probability = i * 7 % 101;
                o.isArchived = i % 5 == 0;
                if (i % 3 != 0) {
                    o.accountId = m_account;
                    o.ownerId = QStringLiteral("auth0|owner-%1").arg(i % 2);
                }
                if (i % 4 == 1)
                    o.description = name + QStringLiteral(" — notes");
                else if (i % 4 == 2)
                    o.description = QStringLiteral(""); // empty, not null
                if (i % 2 == 0)
                    o.expectedCloseDate = QDate(2026, 1 + i % 12, 1 + i % 28);
                if (i % 6 == 3)
                    o.leadId = StoreDatabase::newId();
                insert(o);
                ++i;
            }
        }
        compareEveryPage({});
        compareEveryPage({}, 500);
        OpportunityFilter archived;
        archived.archived = true;
        compareEveryPage(archived);
        OpportunityFilter byStage;
        byStage.stages = {Stage::Negotiation};
        compareEveryPage(byStage);
        OpportunityFilter byAccount;
        byAccount.accountId = m_account;
        compareEveryPage(byAccount);
        OpportunityFilter byOwner;
        byOwner.ownerId = QStringLiteral("auth0|owner-1");
        compareEveryPage(byOwner);
        OpportunityFilter search;
        search.setSearch(QStringLiteral("Łódź"));
        compareEveryPage(search);
        OpportunityFilter oneLetter;
        oneLetter.setSearch(QStringLiteral("q"));
        compareEveryPage(oneLetter);
        OpportunityFilter nothing;
        nothing.setSearch(QStringLiteral("no such deal anywhere"));
        compareEveryPage(nothing);
    }

    void pagesAfterWrites()
    {
        // A client paging through starts each page where the last one ended (an anchor); a write
        // in between, by this process or another (the change clock), must not leave a page
        // starting at a row that moved.
        QList<Opportunity> made;
        for (int i = 0; i < 30; ++i)
            made.append(m_database->addOpportunity(QStringLiteral("Deal %1").arg(i)));
        // Pages asked for out of order first (from anchors the last pass left), then in order.
        const auto pagesAgree = [this] {
            for (const int page : {4, 2, 6, 7, 3, 5, 4}) {
                const auto general = store().listStoredOpportunities({}, page, 5);
                QVERIFY(general);
                const auto direct = store().listOpportunityPageJson({}, page, 5, true);
                QVERIFY(direct);
                QCOMPARE(*direct, OpportunityPageJson::write(*general, page, 5, true));
            }
            compareEveryPage({}, 5);
        };
        pagesAgree();
        QVERIFY(store().deleteOpportunity(made.at(27).id)); // on page 1
        pagesAgree();
        m_database->addOpportunity(QStringLiteral("Newest"));
        pagesAgree();
        // Another process's write: only the change clock tells (no invalidateCounts()).
        QSqlQuery other(QSqlDatabase::database(store().connectionName()));
        QVERIFY(other.exec(
            QStringLiteral("DELETE FROM opportunities WHERE id = '%1'").arg(made.at(28).id)));
        QVERIFY(other.exec(QStringLiteral("UPDATE change_clock SET last = last + 1")));
        pagesAgree();
    }

    void unusualStoredForms_data()
    {
        QTest::addColumn<QString>("assignment");
        QTest::newRow("time without ms") << QStringLiteral("created_at = '2025-01-02T03:04:05Z'");
        QTest::newRow("time with offset")
            << QStringLiteral("updated_at = '2025-01-02T03:04:05.123+02:00'");
        QTest::newRow("empty time") << QStringLiteral("updated_at = ''");
        QTest::newRow("year zero") << QStringLiteral("created_at = '0000-01-02T03:04:05.000Z'");
        QTest::newRow("no such day") << QStringLiteral("created_at = '2025-02-30T03:04:05.000Z'");
        QTest::newRow("short date") << QStringLiteral("expected_close_date = '2026-3-1'");
        QTest::newRow("date and time")
            << QStringLiteral("expected_close_date = '2026-03-01T00:00:00Z'");
        QTest::newRow("empty date") << QStringLiteral("expected_close_date = ''");
        QTest::newRow("loose stage") << QStringLiteral("stage = 'Closed Won'");
        QTest::newRow("unknown stage") << QStringLiteral("stage = 'lost in space'");
        QTest::newRow("probability as text") << QStringLiteral("probability = 'forty'");
        QTest::newRow("probability past int") << QStringLiteral("probability = 9000000000");
        QTest::newRow("value as text") << QStringLiteral("value = 'lots'");
        QTest::newRow("archived as 2") << QStringLiteral("is_archived = 2");
        QTest::newRow("invalid UTF-8") << QStringLiteral("name = CAST(x'41ff42' AS TEXT)");
        QTest::newRow("lone surrogate in UTF-8")
            << QStringLiteral("description = CAST(x'41eda08042' AS TEXT)");
        QTest::newRow("overlong UTF-8") << QStringLiteral("owner_id = CAST(x'c0af' AS TEXT)");
        QTest::newRow("lead id as a number") << QStringLiteral("lead_id = 42");
    }

    void unusualStoredForms()
    {
        if (m_database->isPostgres())
            QSKIP("SQLite's own forms: PostgreSQL types its columns");
        QFETCH(QString, assignment);
        Opportunity o;
        o.name = QStringLiteral("Before");
        o.currency = QStringLiteral("EUR");
        o.accountId = m_account;
        insert(o);
        const Opportunity odd = insert(o);
        insert(o);
        exec(QStringLiteral("UPDATE opportunities SET %1 WHERE id = '%2'").arg(assignment, odd.id));
        compareEveryPage({}, 2);
        compareEveryPage({}, 10);
    }
};

QTEST_GUILESS_MAIN(TestServerPageJson)
#include "tst_serverpagejson.moc"
