#include "SamplePartition.h"

#include "BoardOracle.h"
#include "ItemRoles.h"
#include "SampleRows.h"
#include "StageColumnProxy.h"

void SamplePartition::setUpPartition()
{
    m_model = std::make_unique<OpportunityListModel>();
    m_model->resetRows(SampleRows::make());
    m_partition = std::make_unique<StagePartition>();
    for (Stage stage : Stages::all())
        m_testers.push_back(std::make_unique<QAbstractItemModelTester>(
            m_partition->column(stage), QAbstractItemModelTester::FailureReportingMode::QtTest));
    m_partition->setSourceModel(m_model.get());
}

void SamplePartition::tearDownPartition()
{
    m_testers.clear();
    m_partition.reset();
    m_model.reset();
}

QStringList SamplePartition::ids(Stage stage) const
{
    QStringList result;
    const StageColumnProxy *column = m_partition->column(stage);
    for (int row = 0; row < column->rowCount(); ++row)
        result.append(column->index(row, 0).data(ItemRoles::Id).toString());
    return result;
}

void SamplePartition::checkAgainstScratch() const
{
    QList<Opportunity> records;
    for (int row = 0; row < m_model->rowCount(); ++row)
        records.append(m_model->rowAt(row).opportunity);
    BoardOracle::check(*m_partition, records, BoardOracle::Criteria::of(m_partition->filter()));
}

OpportunityRow SamplePartition::extra(int n, Stage stage, const QDate &close)
{
    OpportunityRow row;
    row.opportunity.id = SampleRows::id(n);
    row.opportunity.name = QStringLiteral("Deal %1").arg(n);
    row.opportunity.stage = stage;
    row.opportunity.value = 1000 * n;
    row.opportunity.currency = QStringLiteral("USD");
    row.opportunity.probability = 50;
    row.opportunity.expectedCloseDate = close;
    return row;
}
