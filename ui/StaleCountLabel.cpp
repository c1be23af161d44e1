#include "StaleCountLabel.h"

#include "StaleMark.h"
#include "StaleRule.h"

#include <QEvent>
#include <algorithm>

StaleCountLabel::StaleCountLabel(QWidget *parent)
    : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    setContentsMargins(4, 0, 0, 0); // apart from the title's count
    recolour();
}

void StaleCountLabel::setCount(Stage stage, int staleCards, const StaleRule &rule)
{
    const std::optional<int> days = rule.days(stage);
    m_count = days && !Stages::isClosed(stage) ? staleCards : 0;
    if (m_count == 0) {
        clear();
        setToolTip(QString());
        return;
    }
    setText(StaleMark::count(m_count));
    setToolTip(StaleMark::columnToolTip(stage, *days));
}

QSize StaleCountLabel::sizeHint() const
{
    const QSize hint = QLabel::sizeHint();
    m_widest = std::max(m_widest, hint.width());
    return {m_widest, hint.height()};
}

QSize StaleCountLabel::minimumSizeHint() const
{
    return sizeHint();
}

void StaleCountLabel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        recolour();
    QLabel::changeEvent(event);
}

void StaleCountLabel::recolour()
{
    const QColor amber = StaleMark::color(palette().color(QPalette::Window));
    if (palette().color(QPalette::WindowText) == amber)
        return; // setting it again would announce another palette change
    QPalette amberText = palette();
    amberText.setColor(QPalette::WindowText, amber);
    setPalette(amberText);
}
