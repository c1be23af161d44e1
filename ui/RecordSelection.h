#pragma once

#include <QString>

class BoardView;
class QTableView;

// Makes one record the current one where a view shows it, so the detail panel follows: after a
// deal is created, the rep sees the deal they just made.
namespace RecordSelection {

// The list's current row; false when the list does not show the record (a filter hides it).
bool selectInList(QTableView &table, const QString &id);
// The board's one current card, every other card unselected; false when no column shows it.
bool selectOnBoard(BoardView &board, const QString &id);

} // namespace RecordSelection
