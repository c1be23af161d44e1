#include "CachedScrollBar.h"

#include <QPainter>
#include <QStyle>
#include <QStyleOptionSlider>

CachedScrollBar::CachedScrollBar(Qt::Orientation orientation, QWidget *parent)
    : QScrollBar(orientation, parent)
{}

void CachedScrollBar::paintEvent(QPaintEvent *event)
{
    const QStyle *style = this->style();
    // Hovered or pressed parts, and styles that fade their bars, are QScrollBar's to draw.
    if (underMouse() || isSliderDown() ||
        style->styleHint(QStyle::SH_ScrollBar_Transient, nullptr, this)) {
        m_picture = {};
        QScrollBar::paintEvent(event);
        return;
    }
    QStyleOptionSlider option;
    initStyleOption(&option);
    option.subControls = QStyle::SC_All;
    option.activeSubControls = QStyle::SC_None;
    Look look;
    look.size = size();
    look.pixelRatio = devicePixelRatioF();
    look.state = static_cast<int>(option.state);
    look.palette = option.palette.cacheKey();
    look.direction = option.direction;
    look.handle =
        style->subControlRect(QStyle::CC_ScrollBar, &option, QStyle::SC_ScrollBarSlider, this);
    look.subPage =
        style->subControlRect(QStyle::CC_ScrollBar, &option, QStyle::SC_ScrollBarSubPage, this);
    look.addPage =
        style->subControlRect(QStyle::CC_ScrollBar, &option, QStyle::SC_ScrollBarAddPage, this);
    look.atMinimum = option.sliderValue == option.minimum;
    look.atMaximum = option.sliderValue == option.maximum;
    look.style = style;
    if (m_picture.isNull() || !(look == m_look)) {
        m_picture = QPixmap(size() * look.pixelRatio);
        m_picture.setDevicePixelRatio(look.pixelRatio);
        m_picture.fill(Qt::transparent);
        QPainter painter(&m_picture);
        style->drawComplexControl(QStyle::CC_ScrollBar, &option, &painter, this);
        m_look = look;
        ++m_drawn;
    }
    QPainter painter(this);
    painter.drawPixmap(0, 0, m_picture);
}
