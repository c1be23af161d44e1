// Client-versus-server filter parity: for the same records and the same query (search, stage,
// account, owner, archived), the list's filter (OpportunityFilter through OpportunityFilterProxy
// over OpportunityListModel, fed by the sync layer) shows exactly the records kashew-server lists.
// Hundreds of random queries from a fixed seed: searches cut from real names (non-ASCII ones
// among them) in mixed case, accent-free ones, pieces of account names, with the other filters
// mixed in. Then the server's data changes
// (renames, archiving, moves, deletes, new records), one more sync updates the model in place,
// and the queries run again.
#include "ApiClient.h"
#include "ItemRoles.h"
#include "ModelFeeder.h"
#include "OpportunityFilterProxy.h"
#include "OpportunityListModel.h"
#include "ServerProcess.h"
#include "SyncFixture.h"
#include "TestData.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>
#include <QUuid>
#include <algorithm>

namespace {

// Names whose case folding is easy to get wrong: final sigma, sharp s and its capital, dotted
// and dotless i, decomposed accents, titlecase digraphs, ligatures, signs that fold to letters
// (Kelvin, Ångström, micro), letters outside the BMP, CJK, and URL-special characters.
const QStringList trickyNames{
    QStringLiteral("ΣΊΣΥΦΟΣ Ναυτιλιακή — Στόλος"),
    QStringLiteral("Straße ẞ Großhandel — STRASSE"),
    QStringLiteral("İstanbul Iğdır ı — Pilot"),
    QStringLiteral("Café Crème — Renewal"),
    QStringLiteral("Cafe\u0301 Cre\u0300me — Decomposed"),
    QStringLiteral("🚀 Rocket Launch 🚀 — Seats"),
    QStringLiteral("𝔉𝔯𝔞𝔨𝔱𝔲𝔯 𐐀𐐨 Deseret — Upgrade"),
    QStringLiteral("日本語の取引 — 東京"),
    QStringLiteral("100% + more & \"quotes\" #1 — a=b?c"),
    QStringLiteral("ǅemal Ǆ ǆ — Digraphs"),
    QStringLiteral("ﬁnance ﬂow — Ligatures"),
    QStringLiteral("Ⅻ Roman Ⅻ — Numerals"),
    QStringLiteral("Kelvin \u212A Sign — Lab"),
    QStringLiteral("\u212Bngström Å — Optics"),
    QStringLiteral("µ Micro μ — ΜΙΚΡΟ"),
    QStringLiteral("Ärger ÄÖÜ äöü — Umlaute"),
    QStringLiteral("Ŀlobregat ŀ — Catalan"),
    QStringLiteral("Tab\tand  double  spaces — Whitespace"),
};

// Short searches that mostly match nothing, or match across spellings.
const QStringList oddSearches{
    QStringLiteral("zqx"),    QStringLiteral("ss"),   QStringLiteral("ß"),
    QStringLiteral("ẞ"),      QStringLiteral("σ"),    QStringLiteral("ς"),
    QStringLiteral("i̇"),      QStringLiteral("ı"),    QStringLiteral("I"),
    QStringLiteral("🚀"),      QStringLiteral("fi"),   QStringLiteral("k"),
    QStringLiteral("å"),      QStringLiteral("μ"),    QStringLiteral("%"),
    QStringLiteral("+"),      QStringLiteral("\""),   QStringLiteral("\"\""),
    QStringLiteral("&"),      QStringLiteral("#1"),   QStringLiteral("a=b?c"),
    QStringLiteral("—"),      QStringLiteral(" — "),  QStringLiteral("e\u0301"),
    QStringLiteral("é"),      QStringLiteral("  "),   QStringLiteral("*"),
    QStringLiteral("x OR y"), QStringLiteral("NEAR"), QStringLiteral("a\tb"),
};

// Searches typed without accents, for names and account names with them.
const QStringList accentFreeSearches{
    QStringLiteral("omega alesund"), QStringLiteral("ALESUND"),    QStringLiteral("unused oy"),
    QStringLiteral("strasse"),       QStringLiteral("cafe creme"), QStringLiteral("CAFE"),
    QStringLiteral("arger aou"),     QStringLiteral("istanbul"),   QStringLiteral("igdir"),
    QStringLiteral("ngstrom"),       QStringLiteral("lobregat"),   QStringLiteral("oy"),
};

struct Query
{
    QString search;
    std::optional<Stage> stage;
    QString accountId;
    QString ownerId;
    bool archived = false;

    QString describe() const
    {
        return QStringLiteral("search \"%1\", stage %2, account %3, owner %4, archived %5")
            .arg(search, stage ? Stages::id(*stage) : QStringLiteral("any"),
                 accountId.isEmpty() ? QStringLiteral("any") : accountId,
                 ownerId.isEmpty() ? QStringLiteral("any") : ownerId,
                 archived ? QStringLiteral("yes") : QStringLiteral("no"));
    }
};

template <typename T> const T &pick(QRandomGenerator &random, const QList<T> &list)
{
    return list.at(random.bounded(static_cast<int>(list.size())));
}

// Mixed case, character by character (toUpper may lengthen one: ß → SS).
QString mixCase(QRandomGenerator &random, const QString &text)
{
    QString mixed;
    for (const uint codePoint : text.toUcs4()) {
        const char32_t character = codePoint;
        const QString one = QString::fromUcs4(&character, 1);
        switch (random.bounded(3)) {
        case 0:
            mixed += one.toUpper();
            break;
        case 1:
            mixed += one.toLower();
            break;
        default:
            mixed += one;
        }
    }
    return mixed;
}

// A substring of `name` by code points (never half a surrogate pair), 1 to 8 long.
QString pieceOf(QRandomGenerator &random, const QString &name)
{
    const QList<uint> codePoints = name.toUcs4();
    const int size = static_cast<int>(codePoints.size());
    const int length = random.bounded(1, std::min(8, size) + 1);
    const int start = random.bounded(size - length + 1);
    QList<char32_t> piece;
    for (int i = start; i < start + length; ++i)
        piece.append(codePoints.at(i));
    return QString::fromUcs4(piece.constData(), piece.size());
}

} // namespace

class TestFilterParity final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.start({QStringLiteral("--demo"), QStringLiteral("800")}));
        m_http = std::make_unique<TestHttp>(m_server.baseUrl(), ServerProcess::writeKey);
        // The tricky names, on accounts of their own and in every stage, some archived.
        const QString account = TestData::createAccount(*m_http, QStringLiteral("Ωmega Ålesund"));
        m_emptyAccount = TestData::createAccount(*m_http, QStringLiteral("Ünused Øy"));
        QVERIFY(!account.isEmpty() && !m_emptyAccount.isEmpty());
        const QList<Stage> stages = Stages::all();
        for (int i = 0; i < trickyNames.size(); ++i) {
            QJsonObject body{{QStringLiteral("name"), trickyNames.at(i)},
                             {QStringLiteral("stage"), Stages::id(stages.at(i % stages.size()))},
                             {QStringLiteral("isArchived"), i % 5 == 4}};
            if (i % 2 == 0)
                body.insert(QStringLiteral("accountId"), account);
            TestData::createOpportunity(*m_http, body);
        }
        QVERIFY(m_sync.open(m_server));
        m_feeder = std::make_unique<ModelFeeder>(m_sync.store, m_model);
        m_modelTester = std::make_unique<QAbstractItemModelTester>(
            &m_model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_proxy.setSourceModel(&m_model);
        m_proxy.sort(OpportunityListModel::Name);
        m_proxyTester = std::make_unique<QAbstractItemModelTester>(
            &m_proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(m_sync.syncOnce());
        m_feeder->reload();
    }

    void theModelHoldsWhatTheServerHas()
    {
        // Live and archived records alike: otherwise no query could agree.
        QVERIFY(m_model.rowCount() > 700);
        const QSet<QString> live = serverIds({});
        Query archived;
        archived.archived = true;
        const QSet<QString> gone = serverIds(archived);
        QVERIFY(!gone.isEmpty());
        QSet<QString> cached;
        for (int row = 0; row < m_model.rowCount(); ++row)
            cached.insert(m_model.rowAt(row).opportunity.id);
        QCOMPARE(cached.size(), m_model.rowCount()); // no record twice
        QCOMPARE(cached, live + gone);
    }

    void randomQueriesAgree() { compareRandomQueries(300, 20260101); }

    void randomQueriesAgreeAfterChanges()
    {
        // Change the server's data the way other users would, then sync: the model takes the
        // changes in place, and the queries still agree. Then every record is renamed, and synced
        // again: the model's buffer of folded names, which keeps replaced names until half of it
        // is waste, is compacted on the way.
        QRandomGenerator random(7);
        QStringList ids;
        for (int row = 0; row < m_model.rowCount(); ++row)
            ids.append(m_model.rowAt(row).opportunity.id);
        std::shuffle(ids.begin(), ids.end(), random);
        const QStringList accounts = accountIds();
        QVERIFY(!accounts.isEmpty());
        const QList<Stage> stages = Stages::all();
        for (int i = 0; i < 600; ++i) {
            const QString path = QStringLiteral("/opportunities/") + ids.at(i);
            QJsonObject change;
            switch (i % 6) {
            case 0: // a tricky name, cased differently
                change.insert(QStringLiteral("name"),
                              QString(mixCase(random, pick(random, trickyNames)) +
                                      QStringLiteral(" #%1").arg(i)));
                break;
            case 1: // another record's name, lengthened
                change.insert(QStringLiteral("name"),
                              QString(m_model.rowAt(m_model.rowOf(ids.at((i + 200) % ids.size())))
                                          .opportunity.name +
                                      QStringLiteral(" — Phase ") + QString::number(i)));
                break;
            case 2:
                change.insert(QStringLiteral("isArchived"), random.bounded(2) == 0);
                break;
            case 3:
                change.insert(QStringLiteral("stage"), Stages::id(pick(random, stages)));
                break;
            case 4:
                change.insert(QStringLiteral("accountId"), pick(random, accounts));
                break;
            default:
                QCOMPARE(m_http->del(path).status, 204);
                continue;
            }
            const TestHttp::Reply reply = m_http->put(path, change);
            QVERIFY2(reply.status == 200, reply.body.constData());
        }
        for (int i = 0; i < 20; ++i) {
            const QString name =
                mixCase(random, pick(random, trickyNames)) + QStringLiteral(" new %1").arg(i);
            TestData::createOpportunity(*m_http,
                                        {{QStringLiteral("name"), name},
                                         {QStringLiteral("accountId"), pick(random, accounts)}});
        }
        QVERIFY(m_sync.syncOnce());
        theModelHoldsWhatTheServerHas();
        if (QTest::currentTestFailed())
            return;
        compareRandomQueries(150, 20260202);
        if (QTest::currentTestFailed())
            return;

        QStringList names;
        for (int row = 0; row < m_model.rowCount(); ++row)
            names.append(m_model.rowAt(row).opportunity.name);
        for (int row = 0; row < m_model.rowCount(); ++row) {
            const QString name = mixCase(random, pieceOf(random, pick(random, names))) +
                                 QStringLiteral(" · ") + pick(random, names);
            const TestHttp::Reply reply =
                m_http->put(QStringLiteral("/opportunities/") + m_model.rowAt(row).opportunity.id,
                            {{QStringLiteral("name"), name.left(255)}});
            QVERIFY2(reply.status == 200, reply.body.constData());
        }
        QVERIFY(m_sync.syncOnce());
        theModelHoldsWhatTheServerHas();
        if (QTest::currentTestFailed())
            return;
        compareRandomQueries(150, 20260303);
    }

private:
    void compareRandomQueries(int count, quint32 seed)
    {
        QRandomGenerator random(seed);
        QStringList names;
        QStringList accountNames;
        QStringList accounts;
        QStringList owners;
        for (int row = 0; row < m_model.rowCount(); ++row) {
            const Opportunity &o = m_model.rowAt(row).opportunity;
            names.append(o.name);
            if (!o.accountName.isEmpty() && !accountNames.contains(o.accountName))
                accountNames.append(o.accountName);
            if (!o.accountId.isEmpty() && !accounts.contains(o.accountId))
                accounts.append(o.accountId);
            if (!owners.contains(o.ownerId))
                owners.append(o.ownerId);
        }
        // An account without deals (at first), an unknown one, an unknown owner.
        accounts.append(m_emptyAccount);
        accounts.append(
            QUuid::createUuidV5(QUuid(), QStringLiteral("nobody")).toString(QUuid::WithoutBraces));
        owners.append(QStringLiteral("auth0|nobody"));

        const QList<Stage> stages = Stages::all();
        int matchedSomething = 0;
        int matchedLongSearch = 0;
        int matchedShortSearch = 0;
        int matchedNonAscii = 0;
        int matchedAccountNameOnly = 0;
        int matchedAccentFree = 0;
        for (int i = 0; i < count; ++i) {
            Query query;
            const int kind = random.bounded(11);
            if (kind < 6)
                query.search = mixCase(random, pieceOf(random, pick(random, names)));
            else if (kind == 6)
                query.search = pick(random, names).toUpper();
            else if (kind == 7)
                query.search = pick(random, oddSearches);
            else if (kind == 8)
                query.search = pick(random, accentFreeSearches);
            else if (kind == 9)
                query.search = mixCase(random, pieceOf(random, pick(random, accountNames)));
            if (random.bounded(6) == 0)
                query.search = QStringLiteral("  ") + query.search + QLatin1Char(' ');
            if (random.bounded(3) == 0)
                query.stage = pick(random, stages);
            if (random.bounded(4) == 0)
                query.accountId = pick(random, accounts);
            if (random.bounded(5) == 0)
                query.ownerId = pick(random, owners);
            query.archived = random.bounded(4) == 0;

            const QSet<QString> server = serverIds(query);
            if (QTest::currentTestFailed())
                return;
            const QSet<QString> client = clientIds(query);
            if (server != client)
                QFAIL(qPrintable(QStringLiteral("query %1 of seed %2 (%3): %4")
                                     .arg(i)
                                     .arg(seed)
                                     .arg(query.describe(), differences(server, client))));
            if (server.isEmpty())
                continue;
            ++matchedSomething;
            // The server searches by trigrams from three characters on, by a scan below.
            const QString folded = query.search.trimmed().toCaseFolded();
            if (folded.toUcs4().size() >= 3)
                ++matchedLongSearch;
            else if (!folded.isEmpty())
                ++matchedShortSearch;
            if (std::any_of(folded.cbegin(), folded.cend(),
                            [](QChar c) { return c.unicode() > 0x7f; }))
                ++matchedNonAscii;
            if (kind == 8)
                ++matchedAccentFree;
            // Some rows only through the account's name.
            const QString search = OpportunityFilter::fold(query.search).trimmed();
            if (std::any_of(server.cbegin(), server.cend(), [&](const QString &id) {
                    return !OpportunityFilter::fold(
                                m_model.rowAt(m_model.rowOf(id)).opportunity.name)
                                .contains(search);
                }))
                ++matchedAccountNameOnly;
        }
        // The comparisons are not of empty sets, and cover both kinds of search and non-ASCII.
        QVERIFY2(matchedSomething > count / 2, qPrintable(QString::number(matchedSomething)));
        QVERIFY2(matchedLongSearch > count / 10, qPrintable(QString::number(matchedLongSearch)));
        QVERIFY2(matchedShortSearch > count / 10, qPrintable(QString::number(matchedShortSearch)));
        QVERIFY2(matchedNonAscii > count / 20, qPrintable(QString::number(matchedNonAscii)));
        QVERIFY2(matchedAccentFree > count / 100, qPrintable(QString::number(matchedAccentFree)));
        QVERIFY2(matchedAccountNameOnly > count / 50,
                 qPrintable(QString::number(matchedAccountNameOnly)));
    }

    // Every id the server lists for the query, page after page, through the client's API.
    QSet<QString> serverIds(const Query &query)
    {
        OpportunityFilter filter;
        filter.search = query.search;
        if (query.stage)
            filter.stages = {*query.stage};
        filter.accountId = query.accountId;
        filter.ownerId = query.ownerId;
        filter.archived = query.archived;
        QSet<QString> ids;
        for (ApiClient::PageRequest request;; ++request.page) {
            std::optional<std::pair<ApiError, ApiClient::OpportunityPage>> answer;
            m_sync.client.listOpportunities(
                filter, request,
                [&](const ApiError &error, const ApiClient::OpportunityPage &page) {
                    answer = std::make_pair(error, page);
                });
            if (!QTest::qWaitFor([&] { return answer.has_value(); }, 30000)) {
                QTest::qFail("the server did not answer a list request", __FILE__, __LINE__);
                return ids;
            }
            if (!answer->first.ok()) {
                QTest::qFail(
                    qPrintable(query.describe() + QStringLiteral(": ") + answer->first.message),
                    __FILE__, __LINE__);
                return ids;
            }
            for (const Opportunity &o : answer->second.items)
                ids.insert(o.id);
            if (answer->second.items.size() < request.pageSize)
                break;
        }
        return ids;
    }

    // The ids of the proxy's rows for the same query, as the list applies it.
    QSet<QString> clientIds(const Query &query)
    {
        OpportunityFilter filter;
        filter.setSearch(query.search);
        if (query.stage)
            filter.stages = {*query.stage};
        filter.accountId = query.accountId;
        filter.ownerId = query.ownerId;
        filter.archived = query.archived;
        m_proxy.setFilter(filter);
        QSet<QString> ids;
        for (int row = 0; row < m_proxy.rowCount(); ++row)
            ids.insert(m_proxy.index(row, 0).data(ItemRoles::Id).toString());
        if (ids.size() != m_proxy.rowCount())
            QTest::qFail("the list shows a record twice", __FILE__, __LINE__);
        return ids;
    }

    // The ids of the accounts the server has.
    QStringList accountIds()
    {
        QStringList ids;
        const TestHttp::Reply reply = m_http->get(QStringLiteral("/accounts?pageSize=500"));
        for (const QJsonValue &item : reply.json().value(QStringLiteral("accounts")).toArray())
            ids.append(item.toObject().value(QStringLiteral("id")).toString());
        return ids;
    }

    QString differences(const QSet<QString> &server, const QSet<QString> &client) const
    {
        QStringList lines;
        const auto describe = [&](const QString &label, const QSet<QString> &ids) {
            int shown = 0;
            for (const QString &id : ids) {
                if (++shown > 5)
                    break;
                const int row = m_model.rowOf(id);
                lines.append(
                    label + id +
                    (row < 0 ? QStringLiteral(" (not cached)")
                             : QStringLiteral(" \"%1\"").arg(m_model.rowAt(row).opportunity.name)));
            }
        };
        describe(QStringLiteral("only the server lists "), server - client);
        describe(QStringLiteral("only the client shows "), client - server);
        return QStringLiteral("server %1 rows, client %2; ").arg(server.size()).arg(client.size()) +
               lines.join(QStringLiteral("; "));
    }

    ServerProcess m_server;
    std::unique_ptr<TestHttp> m_http;
    QString m_emptyAccount;
    SyncFixture m_sync;
    OpportunityListModel m_model;
    std::unique_ptr<ModelFeeder> m_feeder;
    OpportunityFilterProxy m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;
};

QTEST_GUILESS_MAIN(TestFilterParity)
#include "tst_filterparity.moc"
