#include "BulkWindow.h"

#include "BulkActions.h"
#include "ItemRoles.h"
#include "PipelineViews.h"
#include "SampleRows.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QItemSelectionModel>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTest>
#include <QTimer>

void BulkWindow::setUpBulkWindow()
{
    m_seeded = std::make_unique<SeededWindow>();
    QVERIFY(m_seeded->ok);
    m_modelTester = std::make_unique<QAbstractItemModelTester>(
        &m_seeded->model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_listTester = std::make_unique<QAbstractItemModelTester>(
        table()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_bulk = m_seeded->window->findChild<BulkActions *>();
    QVERIFY(m_bulk);
    m_budgetAsked.clear();
    m_budgetAnswer = false;
    m_bulk->setBudgetConfirmation([this](const QString &question) {
        m_budgetAsked.append(question);
        return m_budgetAnswer;
    });
}

void BulkWindow::tearDownBulkWindow()
{
    m_listTester.reset();
    m_modelTester.reset();
    m_seeded.reset();
}

QTableView *BulkWindow::table() const
{
    return m_seeded->window->table();
}

PipelineViews *BulkWindow::views() const
{
    return qobject_cast<PipelineViews *>(m_seeded->window->views());
}

Opportunity BulkWindow::record(int n) const
{
    const auto found = m_seeded->store.opportunity(SampleRows::id(n));
    return found ? found->opportunity : Opportunity();
}

QList<OutboxEntry> BulkWindow::outbox() const
{
    const auto entries = m_seeded->store.outbox();
    return entries ? *entries : QList<OutboxEntry>();
}

QStringList BulkWindow::shownIds() const
{
    QStringList shown;
    const QAbstractItemModel *model = table()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        shown.append(model->index(row, 0).data(ItemRoles::Id).toString());
    return shown;
}

QStringList BulkWindow::ids(std::initializer_list<int> numbers)
{
    QStringList list;
    for (int n : numbers)
        list.append(SampleRows::id(n));
    return list;
}

bool BulkWindow::select(std::initializer_list<int> numbers)
{
    return selectIds(ids(numbers));
}

bool BulkWindow::selectIds(const QStringList &wanted)
{
    QAbstractItemModel *model = table()->model();
    QItemSelection selection;
    QModelIndex current;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (!wanted.contains(index.data(ItemRoles::Id).toString()))
            continue;
        selection.select(index, model->index(row, model->columnCount() - 1));
        if (index.data(ItemRoles::Id).toString() == wanted.first())
            current = index;
    }
    if (!current.isValid())
        return false;
    QItemSelectionModel *selected = table()->selectionModel();
    selected->setCurrentIndex(current, QItemSelectionModel::NoUpdate);
    selected->select(selection, QItemSelectionModel::ClearAndSelect);
    return views()->selectedIds().size() == wanted.size();
}

QStringList BulkWindow::extraIds(int count)
{
    QStringList list;
    for (int n = 0; n < count; ++n)
        list.append(SampleRows::id(100 + n));
    return list;
}

bool BulkWindow::seedMore(int count)
{
    QList<Opportunity> records;
    for (const QString &extra : extraIds(count)) {
        Opportunity o;
        o.id = extra;
        o.name = QStringLiteral("Bulk deal ") + extra.right(3);
        o.stage = Stage::Qualification;
        o.ownerId = QStringLiteral("ana");
        o.probability = 20;
        o.value = 1000;
        o.createdAt = o.updatedAt = QDateTime(QDate(2026, 2, 1), QTime(9, 0), Qt::UTC);
        records.append(o);
    }
    LocalStore &store = m_seeded->store;
    if (!store.beginPull() || !store.stagePulled(records) || !store.commitPull(false))
        return false;
    QCoreApplication::processEvents();
    return m_seeded->model.rowOf(extraIds(count).last()) >= 0;
}

void BulkWindow::setBudget(const RequestBudget &budget)
{
    QSettings settings(m_seeded->profile->settingsPath(), QSettings::IniFormat);
    budget.write(settings);
}

void BulkWindow::change(BulkEditDialog::Kind kind,
                        const std::function<void(BulkEditDialog &)> &fill)
{
    QTimer::singleShot(0, qApp, [fill] {
        auto *dialog = qobject_cast<BulkEditDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return; // the test sees that nothing changed
        fill(*dialog);
        dialog->buttons()->button(QDialogButtonBox::Ok)->click();
        if (dialog->isVisible())
            dialog->reject();
    });
    m_bulk->action(kind)->trigger();
}
