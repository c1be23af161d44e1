#pragma once

#include "BulkEditDialog.h"
#include "RequestBudget.h"
#include "SeededWindow.h"

#include <QAbstractItemModelTester>
#include <QStringList>
#include <functional>
#include <initializer_list>
#include <memory>

class BulkActions;
class PipelineViews;
class QTableView;
struct OutboxEntry;

// The seeded main window (SeededWindow) for the tests of bulk changes: its models under
// QAbstractItemModelTester, its BulkActions with the budget's question answered by
// m_budgetAnswer (each question kept in m_budgetAsked), and the steps those tests take. A test
// class inherits it, sets it up in init() and tears it down in cleanup().
class BulkWindow
{
protected:
    // Fails the test when the cache could not be seeded.
    void setUpBulkWindow();
    void tearDownBulkWindow();

    QTableView *table() const;
    PipelineViews *views() const;
    // Sample row n (SampleRows::id) as the cache has it now.
    Opportunity record(int n) const;
    QList<OutboxEntry> outbox() const;
    // The ids of the list's rows, top to bottom.
    QStringList shownIds() const;
    // Exactly these rows of the list selected (sample numbers or ids), the first of them
    // current; false when the list does not show them all.
    bool select(std::initializer_list<int> numbers);
    bool selectIds(const QStringList &wanted);
    // Test rows numbered on from the samples (open, 20 %, owned by ana, synced): their ids, and
    // the server's pull of them into the cache.
    static QStringList extraIds(int count);
    bool seedMore(int count);
    void setBudget(const RequestBudget &budget);
    // Opens the bulk dialog of `kind` and answers it: `fill` sets its input, then OK.
    void change(BulkEditDialog::Kind kind, const std::function<void(BulkEditDialog &)> &fill);

    static QStringList ids(std::initializer_list<int> numbers);

    std::unique_ptr<SeededWindow> m_seeded;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    std::unique_ptr<QAbstractItemModelTester> m_listTester;
    BulkActions *m_bulk = nullptr;
    QStringList m_budgetAsked;
    bool m_budgetAnswer = false;
};
