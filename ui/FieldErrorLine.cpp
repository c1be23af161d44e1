#include "FieldErrorLine.h"

#include <QEvent>
#include <QResizeEvent>

FieldErrorLine::FieldErrorLine(QWidget *parent)
    : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    setWordWrap(false);
    // Its width never widens the form; its height is one line whatever it says.
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    setStyleSheet(QStringLiteral("color: #c62828;"));
    setAlignment(Qt::AlignLeft | Qt::AlignTop);
}

void FieldErrorLine::setMessage(const QString &message)
{
    m_message = message;
    setToolTip(message);
    setAccessibleDescription(message);
    elide();
}

QSize FieldErrorLine::sizeHint() const
{
    // One line, and a gap to the next field.
    return {0, fontMetrics().height() + 6};
}

QSize FieldErrorLine::minimumSizeHint() const
{
    return sizeHint();
}

void FieldErrorLine::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    elide();
}

void FieldErrorLine::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        updateGeometry();
        elide();
    }
}

void FieldErrorLine::elide()
{
    const QString shown =
        fontMetrics().elidedText(m_message, Qt::ElideRight, contentsRect().width());
    if (shown != text())
        setText(shown);
}
