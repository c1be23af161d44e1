#include "ListCellDelegate.h"

#include "PlainLine.h"

#include <QApplication>
#include <QPainter>

ListCellDelegate::ListCellDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

void ListCellDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    QStyleOptionViewItem cell = option;
    initStyleOption(&cell, index);
    if (cell.features &
            (QStyleOptionViewItem::HasDecoration | QStyleOptionViewItem::HasCheckIndicator |
             QStyleOptionViewItem::WrapText) ||
        cell.state & QStyle::State_Editing || !isPlainLine(cell.text)) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const QString text = cell.text;
    const QWidget *widget = option.widget;
    const QStyle *style = widget ? widget->style() : QApplication::style();
    // The style draws the panel, the selection, the hover and the focus frame, with no text to
    // lay out; a plain cell has none of them (the view drew its row's background).
    if (cell.state & (QStyle::State_Selected | QStyle::State_HasFocus | QStyle::State_MouseOver) ||
        cell.backgroundBrush.style() != Qt::NoBrush) {
        cell.text.clear();
        cell.features &= ~QStyleOptionViewItem::HasDisplay;
        style->drawControl(QStyle::CE_ItemViewItem, &cell, painter, widget);
    }
    if (text.isEmpty())
        return;

    // Where and in which colour QCommonStyle puts an item's text.
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    const QRect area = cell.rect.adjusted(margin, 0, -margin, 0);
    if (area.width() <= 0)
        return;
    QPalette::ColorGroup group =
        cell.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    if (group == QPalette::Normal && !(cell.state & QStyle::State_Active))
        group = QPalette::Inactive;
    const QStaticText &line = m_lines.line(cell.font, text, area.width());
    const QRect at =
        QStyle::alignedRect(cell.direction, cell.displayAlignment, line.size().toSize(), area);
    painter->save();
    painter->setFont(cell.font);
    painter->setPen(cell.palette.color(
        group, cell.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text));
    painter->setClipRect(cell.rect, Qt::IntersectClip);
    painter->drawStaticText(at.topLeft(), line);
    painter->restore();
}
