#include "RecordSelection.h"

#include "BoardView.h"
#include "ItemRoles.h"
#include "StageColumnProxy.h"

#include <QItemSelectionModel>
#include <QListView>
#include <QTableView>

namespace {

QModelIndex find(const QAbstractItemModel &model, const QString &id)
{
    const QModelIndexList found =
        model.match(model.index(0, 0), ItemRoles::Id, id, 1, Qt::MatchExactly);
    return found.value(0);
}

} // namespace

namespace RecordSelection {

bool selectInList(QTableView &table, const QString &id)
{
    const QModelIndex index = table.model() ? find(*table.model(), id) : QModelIndex();
    if (!index.isValid())
        return false;
    table.selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                       QItemSelectionModel::Rows);
    table.scrollTo(index);
    return true;
}

bool selectOnBoard(BoardView &board, const QString &id)
{
    QListView *target = nullptr;
    QModelIndex index;
    for (Stage stage : Stages::all()) {
        QListView *view = board.columnView(stage);
        const StageColumnProxy *proxy = board.columnProxy(stage);
        if (!view || !proxy)
            continue;
        const QModelIndex found = target ? QModelIndex() : find(*proxy, id);
        if (found.isValid()) {
            target = view;
            index = found;
        } else {
            view->selectionModel()->clearSelection();
        }
    }
    if (!target)
        return false;
    target->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    target->scrollTo(index);
    return true;
}

} // namespace RecordSelection
