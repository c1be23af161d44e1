// The source model: rows, roles, incremental updates, under QAbstractItemModelTester.
#include "ItemRoles.h"
#include "OpportunityListModel.h"
#include "SampleRows.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

class TestOpportunityListModel final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_model = std::make_unique<OpportunityListModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_model->setToday(SampleRows::today());
        m_model->resetRows(SampleRows::make());
    }

    void showsEveryColumn()
    {
        QCOMPARE(m_model->rowCount(), 7);
        QCOMPARE(m_model->columnCount(), int(OpportunityListModel::ColumnCount));
        const int row = m_model->rowOf(QStringLiteral("00000000-0000-4000-8000-000000000001"));
        const auto cell = [&](int column) {
            return m_model->index(row, column).data().toString();
        };
        QCOMPARE(cell(OpportunityListModel::Name), QStringLiteral("Müller — Enterprise License"));
        QCOMPARE(cell(OpportunityListModel::Account), QStringLiteral("Account A"));
        QCOMPARE(cell(OpportunityListModel::StageColumn), QStringLiteral("Proposal"));
        QCOMPARE(cell(OpportunityListModel::Value), QStringLiteral("50,000\u00a0EUR"));
        QCOMPARE(cell(OpportunityListModel::Probability), QStringLiteral("60%"));
        QCOMPARE(cell(OpportunityListModel::Weighted), QStringLiteral("30,000\u00a0EUR"));
        QCOMPARE(m_model->index(row, 0).data(ItemRoles::WeightedValueRole).toDouble(), 30000.0);
        QCOMPARE(m_model->headerData(OpportunityListModel::CloseDate, Qt::Horizontal).toString(),
                 QStringLiteral("Expected close"));
    }

    void overdueOnlyForOpenDeals()
    {
        const auto overdue = [&](const char *id) {
            return m_model
                ->index(m_model->rowOf(QString::fromLatin1(id)), OpportunityListModel::CloseDate)
                .data(ItemRoles::OverdueRole)
                .toBool();
        };
        QVERIFY(overdue("00000000-0000-4000-8000-000000000002"));  // negotiation, May 1st
        QVERIFY(!overdue("00000000-0000-4000-8000-000000000001")); // July
        QVERIFY(!overdue("00000000-0000-4000-8000-000000000004")); // won: not overdue
        QVERIFY(!overdue("00000000-0000-4000-8000-000000000005")); // no date
        const QModelIndex late =
            m_model->index(m_model->rowOf(QStringLiteral("00000000-0000-4000-8000-000000000002")),
                           OpportunityListModel::CloseDate);
        QVERIFY(late.data(Qt::ForegroundRole).value<QColor>().isValid());
    }

    void syncMarkersWithReasons()
    {
        QList<OpportunityRow> rows = SampleRows::make();
        rows[0].state = SyncState::Failed;
        rows[0].syncError = QStringLiteral("The server refused this edit: probability: too high");
        rows[1].state = SyncState::Pending;
        m_model->upsertRows({rows[0], rows[1]});
        const QModelIndex failed =
            m_model->index(m_model->rowOf(rows[0].opportunity.id), OpportunityListModel::Name);
        QCOMPARE(failed.data(ItemRoles::SyncStateRole).toInt(), int(SyncState::Failed));
        QVERIFY(failed.data(Qt::DecorationRole).value<QColor>().isValid());
        QCOMPARE(failed.data(Qt::ToolTipRole).toString(), QStringLiteral("<p>") +
                                                              rows[0].syncError.toHtmlEscaped() +
                                                              QStringLiteral("</p>"));
        const QModelIndex pending =
            m_model->index(m_model->rowOf(rows[1].opportunity.id), OpportunityListModel::Name);
        QVERIFY(pending.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Waiting")));
        const QModelIndex synced =
            m_model->index(m_model->rowOf(rows[2].opportunity.id), OpportunityListModel::Name);
        QVERIFY(!synced.data(Qt::DecorationRole).isValid());
    }

    void upsertUpdatesInPlaceAndAppendsNew()
    {
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        OpportunityRow edited = SampleRows::make().at(2);
        edited.opportunity.name = QStringLiteral("Acme — Pilot, renamed");
        OpportunityRow fresh = edited;
        fresh.opportunity.id = QStringLiteral("new-one");
        m_model->upsertRows({edited, fresh});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(m_model->rowCount(), 8);
        QCOMPARE(m_model->index(m_model->rowOf(edited.opportunity.id), 0).data().toString(),
                 QStringLiteral("Acme — Pilot, renamed"));
        QCOMPARE(m_model->foldedNameAt(m_model->rowOf(edited.opportunity.id)).toString(),
                 QStringLiteral("acme — pilot, renamed"));
    }

    void foldedNamesStayRightThroughManyEdits()
    {
        // Replaced names leave waste in the packed name buffer until it is compacted: every row
        // must still read its own name before, during and after that.
        QList<OpportunityRow> rows = SampleRows::make();
        for (int round = 0; round < 300; ++round) {
            OpportunityRow &row = rows[round % rows.size()];
            row.opportunity.name = QStringLiteral("Ärger %1 — Straße").arg(round);
            m_model->upsertRows({row});
            if (round == 150)
                m_model->removeIds({rows.takeLast().opportunity.id});
        }
        QCOMPARE(m_model->rowCount(), rows.size());
        for (const OpportunityRow &row : std::as_const(rows)) {
            const int at = m_model->rowOf(row.opportunity.id);
            QCOMPARE(m_model->foldedNameAt(at).toString(),
                     OpportunityFilter::fold(row.opportunity.name));
            QCOMPARE(m_model->factsAt(at).value, row.opportunity.value);
            QCOMPARE(m_model->currencies().at(m_model->factsAt(at).currency),
                     row.opportunity.currency);
        }
    }

    void removeAndRename()
    {
        m_model->removeIds(
            {QStringLiteral("00000000-0000-4000-8000-000000000003"), QStringLiteral("unknown")});
        QCOMPARE(m_model->rowCount(), 6);
        QCOMPARE(m_model->rowOf(QStringLiteral("00000000-0000-4000-8000-000000000003")), -1);
        const int row = m_model->rowOf(QStringLiteral("00000000-0000-4000-8000-000000000007"));
        m_model->renameId(QStringLiteral("00000000-0000-4000-8000-000000000007"),
                          QStringLiteral("server-id"));
        QCOMPARE(m_model->rowOf(QStringLiteral("server-id")), row);
        QCOMPARE(m_model->index(row, 0).data(ItemRoles::Id).toString(),
                 QStringLiteral("server-id"));
    }

    void hostileTextIsJustText()
    {
        OpportunityRow row = SampleRows::make().first();
        row.opportunity.name = QStringLiteral("<b>x</b><img src=a>");
        m_model->upsertRows({row});
        QCOMPARE(m_model->index(m_model->rowOf(row.opportunity.id), 0).data().toString(),
                 QStringLiteral("<b>x</b><img src=a>"));
    }

    // A large batch (a page of the start-up load, a first sync) is one append at the end, not a
    // reset: the proxies merge it, and what the user selected stays selected.
    void largeBatchesAppendAsOneInsertion()
    {
        const QPersistentModelIndex kept = m_model->index(3, 0);
        const QString keptId = kept.data(ItemRoles::Id).toString();
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QList<OpportunityRow> many;
        for (int i = 0; i < 2500; ++i) {
            OpportunityRow row = SampleRows::make().first();
            row.opportunity.id = QStringLiteral("bulk-%1").arg(i);
            many.append(row);
        }
        m_model->upsertRows(many);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 7);
        QCOMPARE(inserted.first().at(2).toInt(), 2506);
        QCOMPARE(m_model->rowCount(), 2507);
        QCOMPARE(m_model->rowOf(QStringLiteral("bulk-2499")), 2506);
        QVERIFY(kept.isValid());
        QCOMPARE(kept.data(ItemRoles::Id).toString(), keptId);
    }

private:
    std::unique_ptr<OpportunityListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_MAIN(TestOpportunityListModel)
#include "tst_opportunitylistmodel.moc"
