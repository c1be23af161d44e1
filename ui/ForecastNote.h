#pragma once

#include <QString>
#include <QWidget>

// A line of plain, word-wrapped text under a forecast chart ("Left out, for want of a rate…").
// Its figures change on every keystroke in the search; a QLabel would then ask the whole window
// to lay itself out again each time. This one asks only when the text needs another height at
// its width (more or fewer lines), and otherwise repaints itself alone.
class ForecastNote final : public QWidget
{
public:
    explicit ForecastNote(QWidget *parent = nullptr);

    // Shows `text` as it is (never as markup); hidden while it is empty.
    void setText(const QString &text);
    QString text() const { return m_text; }
    // Always plain text: what the server sent is shown, not interpreted.
    Qt::TextFormat textFormat() const { return Qt::PlainText; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    // Tells the layout when the text's height at this width changed.
    void fit();
    // The height `text` takes wrapped at the current width.
    int heightFor(const QString &text) const;

    QString m_text;
    // The height sizeHint() last told the layout.
    int m_hintHeight = 0;
};
