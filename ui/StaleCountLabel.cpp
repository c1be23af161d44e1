#include "StaleCountLabel.h"

#include "StaleMark.h"
#include "StaleRule.h"

#include <QEvent>
#include <QLocale>
#include <QPainter>
#include <algorithm>

StaleCountLabel::StaleCountLabel(QWidget *parent)
    : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    // Room for the clock before the figure, apart from the title's count: a clock and a number
    // rather than "3 stale", so that six columns still fit beside the detail at 1360 px.
    setContentsMargins(6 + clockSize(), 0, 0, 0);
    recolour();
}

void StaleCountLabel::setCount(Stage stage, int staleCards, const StaleRule &rule)
{
    const std::optional<int> days = rule.days(stage);
    m_count = days && !Stages::isClosed(stage) ? staleCards : 0;
    if (m_count == 0) {
        clear();
        setToolTip(QString());
        setAccessibleName(QString());
        return;
    }
    setText(QLocale().toString(m_count));
    setAccessibleName(StaleMark::count(m_count));
    setToolTip(StaleMark::count(m_count) + QLatin1Char('\n') +
               StaleMark::columnToolTip(stage, *days));
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

int StaleCountLabel::clockSize() const
{
    return fontMetrics().ascent();
}

void StaleCountLabel::paintEvent(QPaintEvent *event)
{
    QLabel::paintEvent(event);
    if (m_count == 0)
        return;
    QPainter painter(this);
    const int size = clockSize();
    const QRectF clock(4, (height() - size) / 2.0, size, size);
    StaleMark::paintClock(painter, clock, palette().color(QPalette::WindowText));
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
