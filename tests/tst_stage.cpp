#include "Stage.h"

#include <QTest>

class TestStage final : public QObject
{
    Q_OBJECT

private slots:
    void pipelineOrder()
    {
        const QList<Stage> stages = Stages::all();
        QStringList ids;
        for (Stage stage : stages)
            ids.append(Stages::id(stage));
        QCOMPARE(ids, (QStringList{QStringLiteral("prospecting"), QStringLiteral("qualification"),
                                   QStringLiteral("proposal"), QStringLiteral("negotiation"),
                                   QStringLiteral("closed_won"), QStringLiteral("closed_lost")}));
    }

    void roundTripsEveryId()
    {
        for (Stage stage : Stages::all())
            QCOMPARE(Stages::fromId(Stages::id(stage)), std::optional<Stage>(stage));
    }

    void toleratesSpellings_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("expected");
        QTest::newRow("capitals") << "Negotiation" << int(Stage::Negotiation);
        QTest::newRow("spaces") << "Closed Won" << int(Stage::ClosedWon);
        QTest::newRow("dashes") << " closed-lost " << int(Stage::ClosedLost);
        QTest::newRow("unknown") << "won" << -1;
        QTest::newRow("empty") << "" << -1;
    }
    void toleratesSpellings()
    {
        QFETCH(QString, text);
        QFETCH(int, expected);
        const auto stage = Stages::fromId(text);
        QCOMPARE(stage ? int(*stage) : -1, expected);
    }

    void labelsAndDescriptionsFromTheReference()
    {
        QCOMPARE(Stages::label(Stage::ClosedWon), QStringLiteral("Closed won"));
        QCOMPARE(Stages::description(Stage::Qualification),
                 QStringLiteral("Confirmed fit, budget discussion"));
        QCOMPARE(Stages::description(Stage::ClosedLost), QStringLiteral("Deal lost ✗"));
    }

    void closedStages()
    {
        QVERIFY(Stages::isClosed(Stage::ClosedWon));
        QVERIFY(Stages::isClosed(Stage::ClosedLost));
        QVERIFY(!Stages::isClosed(Stage::Negotiation));
    }
};

QTEST_GUILESS_MAIN(TestStage)
#include "tst_stage.moc"
