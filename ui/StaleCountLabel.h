#pragma once

#include "Stage.h"

#include <QLabel>

class StaleRule;

// A board column's count of stale deals beside its title (an amber clock and "3"; "3 stale" to
// a screen reader and in the tooltip, with what stale means for that stage). Empty when none is
// stale and in closed stages, which never go stale. It keeps the widest room it has needed: a
// keystroke that changes the counts must not lay out the board's columns again (at 100,000 deals
// that costs a frame).
class StaleCountLabel final : public QLabel
{
    Q_OBJECT

public:
    explicit StaleCountLabel(QWidget *parent = nullptr);

    void setCount(Stage stage, int staleCards, const StaleRule &rule);
    int count() const { return m_count; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    int clockSize() const;
    // The amber for the present palette (light or dark).
    void recolour();

    int m_count = 0;
    // The widest the text has been; the room asked for never shrinks below it.
    mutable int m_widest = 0;
};
