#include "OpportunityDiff.h"

#include <QTest>

class TestOpportunityDiff final : public QObject
{
    Q_OBJECT

private slots:
    void changedFieldsByWireValue()
    {
        Opportunity a;
        a.name = QStringLiteral("Deal");
        Opportunity b = a;
        QCOMPARE(OpportunityDiff::changedFields(a, b), OpportunityFields());
        b.stage = Stage::Negotiation;
        b.expectedCloseDate = QDate(2026, 1, 1);
        b.updatedAt = QDateTime::currentDateTimeUtc(); // not writable: ignored by default
        QCOMPARE(OpportunityDiff::changedFields(a, b),
                 OpportunityField::Stage | OpportunityField::ExpectedCloseDate);
    }

    void changesNameFieldsInSnakeCaseWithBothValues()
    {
        Opportunity before;
        Opportunity after = before;
        after.expectedCloseDate = QDate(2026, 7, 15);
        const QList<FieldChange> changes = OpportunityDiff::changes(before, after);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.first().field, QStringLiteral("expected_close_date"));
        QVERIFY(changes.first().from.isNull());
        QCOMPARE(changes.first().to.toString(), QStringLiteral("2026-07-15"));
    }

    void copyFieldsCopiesOnlyTheGivenOnes()
    {
        Opportunity from;
        from.name = QStringLiteral("New");
        from.value = 5;
        from.probability = 90;
        Opportunity to;
        to.name = QStringLiteral("Old");
        OpportunityDiff::copyFields(from, &to,
                                    OpportunityField::Value | OpportunityField::Probability);
        QCOMPARE(to.name, QStringLiteral("Old"));
        QCOMPARE(to.value, 5.0);
        QCOMPARE(to.probability, 90);
    }

    void creationListsFieldsThatHaveValues()
    {
        Opportunity created;
        created.name = QStringLiteral("Deal");
        const QList<FieldChange> changes = OpportunityDiff::creation(created);
        QStringList fields;
        for (const FieldChange &change : changes) {
            QVERIFY(change.from.isNull());
            fields.append(change.field);
        }
        QVERIFY(fields.contains(QStringLiteral("name")));
        QVERIFY(fields.contains(QStringLiteral("stage")));
        QVERIFY(!fields.contains(QStringLiteral("description")));
    }
};

QTEST_GUILESS_MAIN(TestOpportunityDiff)
#include "tst_opportunitydiff.moc"
