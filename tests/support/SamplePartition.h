#pragma once

#include "OpportunityListModel.h"
#include "OpportunityRow.h"
#include "StagePartition.h"

#include <QAbstractItemModelTester>
#include <QDate>
#include <QStringList>
#include <memory>
#include <vector>

// The sample rows (SampleRows) in a model, dealt into a StagePartition's columns, each column
// under QAbstractItemModelTester: what the tests of the board's columns start from. A test class
// inherits it, sets it up in init() and tears it down in cleanup().
class SamplePartition
{
protected:
    void setUpPartition();
    // Testers first, then the partition, then the model it dealt.
    void tearDownPartition();

    // The ids of a column's cards, top to bottom.
    QStringList ids(Stage stage) const;
    // The columns against the test's own answer (BoardOracle), for the fixed cases: the records
    // as the model holds them, the filter the test gave the partition.
    void checkAgainstScratch() const;
    // A row beyond the sample, numbered as SampleRows::id(n): "Deal n", 1000 × n USD, 50%.
    static OpportunityRow extra(int n, Stage stage, const QDate &close);

    std::unique_ptr<OpportunityListModel> m_model;
    std::unique_ptr<StagePartition> m_partition;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;
};
