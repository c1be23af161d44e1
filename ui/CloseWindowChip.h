#pragma once

#include "CloseWindow.h"

#include <QFrame>

class QLabel;
class QToolButton;

// The filter bar's chip for a close-date window (a forecast bar clicked: "Closing in July
// 2026"): the window's label and a button that clears it. Hidden while the window is Any.
class CloseWindowChip final : public QFrame
{
    Q_OBJECT

public:
    explicit CloseWindowChip(QWidget *parent = nullptr);

    const CloseWindow &window() const { return m_window; }
    // Shows `window` (hidden for Any); emits nothing.
    void setWindow(const CloseWindow &window);

    QLabel *label() const { return m_label; }
    QToolButton *clearButton() const { return m_clear; }

signals:
    // The user cleared the window: it is Any now.
    void cleared();

private:
    CloseWindow m_window;
    QLabel *m_label = nullptr;
    QToolButton *m_clear = nullptr;
};
