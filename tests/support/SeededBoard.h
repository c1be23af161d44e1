#pragma once

#include "SeededWindow.h"
#include "Stage.h"

#include <QAbstractItemModelTester>
#include <QDate>
#include <QPair>
#include <QStringList>
#include <QUrl>
#include <memory>
#include <vector>

class BoardView;

// The seeded main window (SeededWindow) showing its board, each column's proxy under
// QAbstractItemModelTester, and the steps the board tests take on it. A test class inherits it,
// sets it up in init() and tears it down in cleanup().
class SeededBoard
{
protected:
    // Fails the test when the cache could not be seeded.
    void setUpBoard();
    // The testers first, then the window and its cache.
    void tearDownBoard();
    // Answers the board's close confirmations with m_answer, keeping each in m_asked.
    void recordCloseConfirmations();

    // The ids of a column's cards, top to bottom.
    QStringList column(Stage stage) const;
    // A drop as a view makes it: offered first (canDropMimeData, which decides whether the
    // column takes it), dropped only when taken. Returns whether the column took it.
    [[nodiscard]] bool drop(const QString &opportunityId, Stage stage);
    // A deal from the server (synced, nothing to push), numbered as SampleRows::id(n).
    void addDeal(int n, Stage stage, const QDate &close, bool check = true,
                 const QString &owner = QStringLiteral("ana"));
    // The text of the window's Undo action, without its mnemonic.
    QString undoActionText() const;
    // The window leaves local-only mode and syncs with `server` through its read-only key,
    // giving up soon (one retry, short backoff): the app learns the key only reads from its first
    // write being refused.
    void connectReadOnly(const QUrl &server);

    std::unique_ptr<SeededWindow> m_seeded;
    MainWindow *m_window = nullptr;
    BoardView *m_board = nullptr;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;
    QList<QPair<QStringList, Stage>> m_asked; // the close confirmations asked
    bool m_answer = true;
};
