// The rows' folded names and the list search's one pass over them (FoldedNames, mostly through
// OpportunityListModel::matchSearch): it finds exactly the rows a search of each name on its own
// finds, through edits, removals, additions and compaction of the names' shared buffer.
#include "FoldedNames.h"
#include "OpportunityListModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

namespace {

OpportunityRow row(int n, const QString &name)
{
    OpportunityRow row;
    row.opportunity.id =
        QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0'));
    row.opportunity.name = name;
    row.opportunity.stage = Stage::Prospecting;
    row.opportunity.currency = QStringLiteral("EUR");
    return row;
}

OpportunityFilter searching(const QString &text)
{
    OpportunityFilter filter;
    filter.setSearch(text);
    return filter;
}

} // namespace

class TestFoldedNames final : public QObject
{
    Q_OBJECT

private:
    // The rows the model accepts for `text`, with the names matched in one pass first (as a
    // keystroke does) or, with `scan` false, by the flags already kept.
    QList<int> found(const QString &text, bool scan = true)
    {
        const OpportunityFilter filter = searching(text);
        if (scan)
            m_model->matchSearch(filter.search);
        QList<int> rows;
        for (int at = 0; at < m_model->rowCount(); ++at) {
            if (m_model->accepts(filter, at))
                rows.append(at);
        }
        return rows;
    }
    // The rows whose own record passes the search: the slow path, one name at a time.
    QList<int> expected(const QString &text) const
    {
        const OpportunityFilter filter = searching(text);
        QList<int> rows;
        for (int at = 0; at < m_model->rowCount(); ++at) {
            if (filter.accepts(m_model->rowAt(at).opportunity))
                rows.append(at);
        }
        return rows;
    }
    // Every search of `texts`, scanned and then from the kept flags, against the slow path.
    void compareAll(const QStringList &texts)
    {
        for (const QString &text : texts) {
            const QList<int> want = expected(text);
            QCOMPARE(found(text), want);
            QCOMPARE(found(text, false), want);
        }
    }
    void rename(int at, const QString &name)
    {
        OpportunityRow changed = m_model->rowAt(at);
        changed.opportunity.name = name;
        m_model->upsertRows({changed});
    }

    std::unique_ptr<OpportunityListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

private slots:
    void init()
    {
        m_model = std::make_unique<OpportunityListModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void namesAtTheBuffersEnds()
    {
        m_model->resetRows({row(1, QStringLiteral("abc")), row(2, QStringLiteral("middle")),
                            row(3, QStringLiteral("xyz"))});
        QCOMPARE(found(QStringLiteral("ab")), QList<int>({0}));
        QCOMPARE(found(QStringLiteral("abc")), QList<int>({0}));
        QCOMPARE(found(QStringLiteral("yz")), QList<int>({2}));
        QCOMPARE(found(QStringLiteral("xyz")), QList<int>({2}));
        QCOMPARE(found(QStringLiteral("z")), QList<int>({2}));
    }

    void noMatchAcrossTwoNames()
    {
        // Side by side in the buffer as "abcdef" and "ghi": "cd" is in one name, "ef" + "g" in
        // none.
        m_model->resetRows({row(1, QStringLiteral("abc")), row(2, QStringLiteral("def")),
                            row(3, QStringLiteral("ghi"))});
        QCOMPARE(found(QStringLiteral("cd")), QList<int>());
        QCOMPARE(found(QStringLiteral("efg")), QList<int>());
        QCOMPARE(found(QStringLiteral("abcdefghi")), QList<int>());
        QCOMPARE(found(QStringLiteral("de")), QList<int>({1}));
    }

    void repeatsWithinAndAcrossNames()
    {
        // A miss that overlaps the next hit, and a name matching twice.
        m_model->resetRows({row(1, QStringLiteral("aab")), row(2, QStringLiteral("aaab")),
                            row(3, QStringLiteral("ba")), row(4, QStringLiteral("abab"))});
        compareAll({QStringLiteral("aab"), QStringLiteral("ab"), QStringLiteral("ba"),
                    QStringLiteral("a"), QStringLiteral("bab"), QStringLiteral("aaab")});
    }

    void foldedAccentsAndCase()
    {
        m_model->resetRows({row(1, QStringLiteral("Müller GmbH")),
                            row(2, QStringLiteral("MULLER AG")), row(3, QStringLiteral("Mueller")),
                            row(4, QStringLiteral("Kraków")), row(5, QStringLiteral("Łódź"))});
        QCOMPARE(found(QStringLiteral("müller")), QList<int>({0, 1}));
        QCOMPARE(found(QStringLiteral("Muller")), QList<int>({0, 1}));
        QCOMPARE(found(QStringLiteral("KRAKOW")), QList<int>({3}));
        QCOMPARE(found(QStringLiteral("lodz")), QList<int>({4}));
        compareAll({QStringLiteral("mu"), QStringLiteral("ue"), QStringLiteral("ag")});
    }

    void emptyAndOverlongSearches()
    {
        m_model->resetRows(
            {row(1, QStringLiteral("short")), row(2, QString()), row(3, QStringLiteral("tiny"))});
        QCOMPARE(found(QString()), QList<int>({0, 1, 2}));
        QCOMPARE(found(QStringLiteral("much longer than any name here")), QList<int>());
        QCOMPARE(found(QStringLiteral("shorttiny")), QList<int>());
    }

    void editedNamesLeaveTextBehind()
    {
        m_model->resetRows({row(1, QStringLiteral("alpha")), row(2, QStringLiteral("beta")),
                            row(3, QStringLiteral("gamma"))});
        QCOMPARE(found(QStringLiteral("beta")), QList<int>({1}));
        // Kept flags follow an edit without a new scan.
        rename(1, QStringLiteral("delta"));
        QCOMPARE(found(QStringLiteral("beta"), false), QList<int>());
        rename(0, QStringLiteral("beta max"));
        QCOMPARE(found(QStringLiteral("beta"), false), QList<int>({0}));
        // The old "beta" text still sits in the buffer: a new scan must not find it.
        QCOMPARE(found(QStringLiteral("bet")), QList<int>({0}));
        QCOMPARE(found(QStringLiteral("alpha")), QList<int>());
        // Edited twice and emptied: each leaves its text behind.
        rename(2, QStringLiteral("epsilon"));
        rename(2, QString());
        rename(1, QStringLiteral("gamma delta"));
        compareAll({QStringLiteral("gamma"), QStringLiteral("delta"), QStringLiteral("eps"),
                    QStringLiteral("a"), QStringLiteral("max")});
    }

    void removedAndAddedRows()
    {
        QList<OpportunityRow> rows;
        for (int n = 0; n < 20; ++n)
            rows.append(
                row(n, QStringLiteral("deal %1 %2")
                           .arg(n)
                           .arg(n % 3 ? QStringLiteral("north") : QStringLiteral("south"))));
        m_model->resetRows(rows);
        QCOMPARE(found(QStringLiteral("south")), expected(QStringLiteral("south")));
        rename(4, QStringLiteral("deal 4 south"));
        m_model->removeIds({rows.at(0).opportunity.id, rows.at(7).opportunity.id,
                            rows.at(19).opportunity.id, rows.at(3).opportunity.id});
        QCOMPARE(m_model->rowCount(), 16);
        QCOMPARE(found(QStringLiteral("south"), false), expected(QStringLiteral("south")));
        m_model->upsertRows(
            {row(40, QStringLiteral("deal 40 south")), row(41, QStringLiteral("deal 41 north"))});
        QCOMPARE(found(QStringLiteral("south"), false), expected(QStringLiteral("south")));
        rename(10, QStringLiteral("deal ten south"));
        m_model->removeIds({rows.at(1).opportunity.id});
        compareAll({QStringLiteral("south"), QStringLiteral("north"), QStringLiteral("deal 1"),
                    QStringLiteral("ten"), QStringLiteral("4")});
    }

    void accountNamesToo()
    {
        QList<OpportunityRow> rows{row(1, QStringLiteral("Pilot")),
                                   row(2, QStringLiteral("Renewal")),
                                   row(3, QStringLiteral("Zürich pilot"))};
        rows[0].opportunity.accountName = QStringLiteral("Zürich Versicherung");
        rows[1].opportunity.accountName = QStringLiteral("Acme");
        m_model->resetRows(rows);
        QCOMPARE(found(QStringLiteral("zurich")), QList<int>({0, 2}));
        // A new account, and a row moved off a matching one, with the flags kept.
        OpportunityRow moved = m_model->rowAt(1);
        moved.opportunity.accountName = QStringLiteral("Zurich Re");
        OpportunityRow left = m_model->rowAt(0);
        left.opportunity.accountName = QStringLiteral("Acme");
        OpportunityRow added = row(4, QStringLiteral("Expansion"));
        added.opportunity.accountName = QStringLiteral("Bank Zürich");
        m_model->upsertRows({moved, left, added});
        QCOMPARE(found(QStringLiteral("zurich"), false), QList<int>({1, 2, 3}));
        compareAll({QStringLiteral("zurich"), QStringLiteral("acme"), QStringLiteral("re")});
    }

    void manyNamesInRowOrder()
    {
        // Many names as loaded: hits in neighbouring rows and thousands of rows apart, empty
        // names among them, searches of one letter (the character sets alone) and longer.
        QList<OpportunityRow> rows;
        for (int n = 0; n < 5000; ++n) {
            const QString name =
                n % 97 == 0   ? QString()
                : n % 13 == 0 ? QStringLiteral("Müller %1 pilot").arg(n)
                              : QStringLiteral("deal %1 %2").arg(n).arg(QString(n % 7, u'x'));
            rows.append(row(n, name));
        }
        m_model->resetRows(rows);
        compareAll({QStringLiteral("m"), QStringLiteral("mu"), QStringLiteral("muller 1"),
                    QStringLiteral("4999"), QStringLiteral("deal 1 "), QStringLiteral("xxxxxx"),
                    QStringLiteral("1 pilot"), QStringLiteral("l 0"), QStringLiteral("4 d")});
        // Rows removed and appended keep the rest in order.
        m_model->removeIds({rows.at(0).opportunity.id, rows.at(2600).opportunity.id,
                            rows.at(4999).opportunity.id});
        m_model->upsertRows({row(7000, QStringLiteral("deal 7000 pilot")),
                             row(7001, QStringLiteral("Müller 7001"))});
        compareAll({QStringLiteral("m"), QStringLiteral("pilot"), QStringLiteral("700"),
                    QStringLiteral("deal 2")});
    }

    void sameNamesStayWhereTheyWere()
    {
        // A change that keeps the name (a stage, an amount) among renamed rows: the renamed
        // rows' names go to the buffer's end, the others stay, and every search still finds
        // exactly its rows, from a new scan and from the kept flags.
        QList<OpportunityRow> rows;
        for (int n = 0; n < 400; ++n)
            rows.append(row(n, QStringLiteral("deal %1 north").arg(n)));
        m_model->resetRows(rows);
        QCOMPARE(found(QStringLiteral("north")), expected(QStringLiteral("north")));
        QList<OpportunityRow> changed;
        for (int n = 3; n < 400; n += 7) {
            OpportunityRow edited = m_model->rowAt(n);
            edited.opportunity.stage = Stage::Negotiation;
            changed.append(edited);
        }
        m_model->upsertRows(changed);
        QCOMPARE(found(QStringLiteral("north"), false), expected(QStringLiteral("north")));
        compareAll({QStringLiteral("deal 10 "), QStringLiteral("north")});
        for (int n : {390, 5, 201, 17, 42}) {
            OpportunityRow renamed = m_model->rowAt(n);
            renamed.opportunity.name = QStringLiteral("deal %1 south").arg(n);
            m_model->upsertRows({renamed});
        }
        QCOMPARE(found(QStringLiteral("south"), false), expected(QStringLiteral("south")));
        compareAll({QStringLiteral("south"), QStringLiteral("north"), QStringLiteral("deal 2"),
                    QStringLiteral("1 s"), QStringLiteral("deal 390 north")});
        changed.clear();
        for (int n = 0; n < 400; n += 3) {
            OpportunityRow edited = m_model->rowAt(n);
            edited.opportunity.value += 1;
            changed.append(edited);
        }
        m_model->upsertRows(changed);
        compareAll({QStringLiteral("south"), QStringLiteral("north"), QStringLiteral("9")});
    }

    void compactedNames()
    {
        // Enough text replaced to pass the compaction's threshold (half the buffer, 4,096
        // characters): the names are laid out anew in between searches.
        QList<OpportunityRow> rows;
        for (int n = 0; n < 300; ++n)
            rows.append(row(n, QStringLiteral("opportunity number %1 first").arg(n)));
        m_model->resetRows(rows);
        QList<OpportunityRow> changed;
        for (int round = 0; round < 3; ++round) {
            QCOMPARE(found(QStringLiteral("7 first")), expected(QStringLiteral("7 first")));
            changed.clear();
            for (int n = round; n < 300; n += 2) {
                OpportunityRow edited = m_model->rowAt(n);
                edited.opportunity.name =
                    QStringLiteral("opportunity %1 round %2").arg(n).arg(round);
                changed.append(edited);
            }
            m_model->upsertRows(changed); // more than a few: one change over their span
            QCOMPARE(found(QStringLiteral("7 first"), false), expected(QStringLiteral("7 first")));
            compareAll({QStringLiteral("round %1").arg(round), QStringLiteral("first"),
                        QStringLiteral("7 round"), QStringLiteral("1 first")});
        }
    }

    void keptFlagsFollowEveryChange()
    {
        // The class on its own: after each change the kept flags say what the names say, typing
        // on and across compactions (each round replaces more than half the text).
        FoldedNames names;
        names.clear(0);
        for (int n = 0; n < 300; ++n)
            names.append(n % 4 == 0 ? QStringLiteral("Müller Zürich %1").arg(n)
                                    : QStringLiteral("Anderson Hamburg %1").arg(n));
        const auto agrees = [&names](const QString &search) {
            for (int row = 0; row < names.count(); ++row) {
                if (names.matches(row) != names.at(row).contains(search))
                    return false;
            }
            return true;
        };
        names.match(QStringLiteral("m"));
        QVERIFY(agrees(QStringLiteral("m")));
        for (int round = 0; round < 4; ++round) {
            const QString search = QStringLiteral("mu").left(1 + round % 2);
            names.match(search);
            for (int row = round; row < names.count(); row += 2)
                names.replace(row, row % 3 ? QStringLiteral("Mustermann %1 %2").arg(row).arg(round)
                                           : QStringLiteral("Schmidt %1 %2").arg(row).arg(round));
            names.replace(1, names.at(1).toString()); // the same name: nothing moves
            names.remove(0);
            names.append(QStringLiteral("MÜHLE %1").arg(round));
            QVERIFY(names.isFor(search));
            QVERIFY(agrees(search));
            names.match(QStringLiteral("mus"));
            QVERIFY(agrees(QStringLiteral("mus")));
        }
        QCOMPARE(names.count(), 300);
        QCOMPARE(names.at(299), QStringLiteral("muhle 3"));
    }

    void characterSetsRuleOutOnlyNamesThatCannotHoldIt()
    {
        // A letter or digit has a bit of its own; other characters share bits ('#' and '?'
        // share one, as do ' ' and '<'): a name whose set has the search's bits is still read
        // ("<" is looked for in each name with a space).
        QList<OpportunityRow> rows;
        const QStringList names = {QStringLiteral("a#b"),     QStringLiteral("a?b"),
                                   QStringLiteral("x <y"),    QStringLiteral("x y"),
                                   QStringLiteral("Q3 2027"), QStringLiteral("zz"),
                                   QStringLiteral("ba"),      QString()};
        for (int n = 0; n < names.size(); ++n)
            rows.append(row(n, names.at(n)));
        m_model->resetRows(rows);
        QCOMPARE(found(QStringLiteral("?")), QList<int>({1}));
        QCOMPARE(found(QStringLiteral("#")), QList<int>({0}));
        QCOMPARE(found(QStringLiteral("<")), QList<int>({2}));
        QCOMPARE(found(QStringLiteral("ab")), QList<int>());
        QCOMPARE(found(QStringLiteral("a")), QList<int>({0, 1, 6}));
        QCOMPARE(found(QStringLiteral("2")), QList<int>({4}));
        QCOMPARE(found(QStringLiteral("q")), QList<int>({4}));
        QCOMPARE(found(QStringLiteral("z")), QList<int>({5}));
        compareAll({QStringLiteral("x y"), QStringLiteral("x <"), QStringLiteral("?b"),
                    QStringLiteral("202"), QStringLiteral("3 2"), QStringLiteral("zzz")});
        QCOMPARE(FoldedNames::charactersOf(u"#"), FoldedNames::charactersOf(u"?"));
        QCOMPARE(FoldedNames::charactersOf(u" "), FoldedNames::charactersOf(u"<"));
        QVERIFY(FoldedNames::charactersOf(u"a") != FoldedNames::charactersOf(u"b"));
    }

    void typingOnThroughEditsFindsWhatTheNamesSay()
    {
        QList<OpportunityRow> rows;
        for (int n = 0; n < 200; ++n)
            rows.append(row(n, n % 25 == 0 ? QStringLiteral("Müller %1").arg(n)
                                           : QStringLiteral("Anderson %1").arg(n)));
        m_model->resetRows(rows);
        QCOMPARE(found(QStringLiteral("m")), expected(QStringLiteral("m")));
        rename(7, QStringLiteral("Mühle 7")); // found by "m", now by "mü" too
        rename(25, QStringLiteral("Anderson 25"));
        QCOMPARE(found(QStringLiteral("mü")), expected(QStringLiteral("mü")));
        QCOMPARE(found(QStringLiteral("mü")).size(), 8);
        rename(50, QStringLiteral("Müll 50"));
        QCOMPARE(found(QStringLiteral("mül")), expected(QStringLiteral("mül")));
        QCOMPARE(found(QStringLiteral("mül"), false), expected(QStringLiteral("mül")));
    }
};

QTEST_GUILESS_MAIN(TestFoldedNames)
#include "tst_foldednames.moc"
