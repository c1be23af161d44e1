#include "ForecastNote.h"

#include <QPainter>
#include <QResizeEvent>
#include <QStyle>

namespace {

constexpr int wrapFlags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;

} // namespace

ForecastNote::ForecastNote(QWidget *parent)
    : QWidget(parent)
{
    setForegroundRole(QPalette::PlaceholderText);
    // The width the layout gives; the height the text takes at that width (see sizeHint).
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    hide();
}

void ForecastNote::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    setVisible(!text.isEmpty());
    fit();
    update();
}

void ForecastNote::fit()
{
    const int height = heightFor(m_text);
    if (height != m_hintHeight) {
        m_hintHeight = height;
        updateGeometry();
    }
}

int ForecastNote::heightFor(const QString &text) const
{
    if (text.isEmpty())
        return 0;
    const int width = std::max(1, contentsRect().width());
    const QMargins margins = contentsMargins();
    return fontMetrics()
               .boundingRect(QRect(0, 0, width, QWIDGETSIZE_MAX), wrapFlags, text)
               .height() +
           margins.top() + margins.bottom();
}

QSize ForecastNote::sizeHint() const
{
    // No width of its own: a long note wraps rather than widening the window.
    return {0, m_hintHeight};
}

QSize ForecastNote::minimumSizeHint() const
{
    return sizeHint();
}

void ForecastNote::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // Another width may take another number of lines: the layout is told only then.
    fit();
}

void ForecastNote::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        fit();
}

void ForecastNote::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    style()->drawItemText(&painter, contentsRect(), wrapFlags, palette(), isEnabled(), m_text,
                          foregroundRole());
}
