#pragma once

#include <QLabel>

// A one-line label at any width: what does not fit ends in "…", while text() keeps the whole
// line (for the tooltip, accessibility and tests). It asks for no width of its own, so a long
// line never widens the window.
class ElidedLabel final : public QLabel
{
    Q_OBJECT

public:
    explicit ElidedLabel(QWidget *parent = nullptr);

    // The text as it fits the label's width now.
    QString shownText() const;

protected:
    void paintEvent(QPaintEvent *event) override;
};
