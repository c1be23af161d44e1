// RowIdIndex, which row holds which id in OpportunityListModel: after any mix of insertions,
// renames and removals it answers as a QHash of the same ids does, including ids whose slots
// collide and ids removed from the middle of a run of colliding slots.
#include "RowIdIndex.h"

#include <QHash>
#include <QRandomGenerator>
#include <QTest>

namespace {

OpportunityRow row(const QString &id)
{
    OpportunityRow row;
    row.opportunity.id = id;
    return row;
}

} // namespace

class TestRowIdIndex final : public QObject
{
    Q_OBJECT

private:
    void compare(const RowIdIndex &index, const QHash<QString, int> &expected, int ids)
    {
        for (int n = 0; n < ids; ++n) {
            const QString id = QStringLiteral("id-%1").arg(n);
            QCOMPARE(index.rowOf(id), expected.value(id, -1));
        }
        QCOMPARE(index.rowOf(QStringLiteral("never")), -1);
    }

private slots:
    void emptyFindsNothing()
    {
        const QList<OpportunityRow> rows;
        RowIdIndex index(rows);
        QCOMPARE(index.rowOf(QStringLiteral("a")), -1);
        index.rebuild();
        QCOMPARE(index.rowOf(QString()), -1);
    }

    void rebuildFindsEveryRow()
    {
        QList<OpportunityRow> rows;
        for (int n = 0; n < 5000; ++n)
            rows.append(
                row(QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0'))));
        RowIdIndex index(rows);
        index.rebuild();
        for (int n = 0; n < rows.size(); ++n)
            QCOMPARE(index.rowOf(rows.at(n).opportunity.id), n);
        QCOMPARE(index.rowOf(QStringLiteral("00000000-0000-4000-8000-000000005000")), -1);
    }

    void sameIdTwiceKeepsTheLater()
    {
        QList<OpportunityRow> rows{row(QStringLiteral("a")), row(QStringLiteral("b")),
                                   row(QStringLiteral("a"))};
        RowIdIndex index(rows);
        index.rebuild();
        QCOMPARE(index.rowOf(QStringLiteral("a")), 2);
        QCOMPARE(index.rowOf(QStringLiteral("b")), 1);
    }

    void randomInsertsRenamesAndRemovals()
    {
        // Grows from empty through several doublings; removals shift colliding slots back.
        QList<OpportunityRow> rows;
        RowIdIndex index(rows);
        QHash<QString, int> expected;
        QRandomGenerator random(5);
        constexpr int ids = 3000;
        for (int step = 0; step < 20000; ++step) {
            const QString id = QStringLiteral("id-%1").arg(random.bounded(ids));
            const int action = random.bounded(10);
            if (action < 5 && !expected.contains(id)) { // a new row at the end
                rows.append(row(id));
                index.insert(int(rows.size()) - 1);
                expected.insert(id, int(rows.size()) - 1);
            } else if (action < 8 && expected.contains(id)) { // forgotten, its row kept
                index.remove(id);
                expected.remove(id);
            } else if (expected.contains(id)) { // renamed
                const QString renamed = QStringLiteral("id-%1").arg(random.bounded(ids));
                if (expected.contains(renamed))
                    continue;
                const int at = expected.take(id);
                index.remove(id);
                rows[at].opportunity.id = renamed;
                index.insert(at);
                expected.insert(renamed, at);
            }
            if (step % 1000 == 0)
                compare(index, expected, ids);
        }
        compare(index, expected, ids);
    }
};

QTEST_GUILESS_MAIN(TestRowIdIndex)
#include "tst_rowidindex.moc"
