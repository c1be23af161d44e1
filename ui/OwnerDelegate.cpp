#include "OwnerDelegate.h"

#include "ItemRoles.h"
#include "OpportunityListModel.h"
#include "PersonAvatar.h"

#include <QApplication>
#include <QPainter>
#include <algorithm>

namespace {

constexpr int inset = 4;

} // namespace

OwnerDelegate::OwnerDelegate(const OpportunityListModel &model, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_model(model)
{}

QRect OwnerDelegate::avatarRect(const QRect &cell)
{
    const int side = std::max(8, cell.height() - 2 * inset);
    return {cell.left() + inset, cell.top() + (cell.height() - side) / 2, side, side};
}

void OwnerDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const
{
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    const QString name = background.text;
    background.text.clear();
    const QStyle *style = option.widget ? option.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, option.widget);

    const QString id = index.data(ItemRoles::OwnerIdRole).toString();
    if (id.isEmpty())
        return;
    const QRect avatar = avatarRect(option.rect);
    PersonAvatar::paint(*painter, avatar, m_model.people(), id);
    const QRect text(avatar.right() + 1 + inset, option.rect.top(),
                     option.rect.right() - avatar.right() - 2 * inset, option.rect.height());
    painter->save();
    painter->setFont(option.font);
    const QPalette::ColorGroup group = !(option.state & QStyle::State_Enabled) ? QPalette::Disabled
                                       : option.state & QStyle::State_Active   ? QPalette::Active
                                                                               : QPalette::Inactive;
    painter->setPen(option.palette.color(
        group, option.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(text, Qt::AlignLeft | Qt::AlignVCenter,
                      option.fontMetrics.elidedText(name, Qt::ElideRight, text.width()));
    painter->restore();
}

QSize OwnerDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QSize text = QStyledItemDelegate::sizeHint(option, index);
    return {text.width() + option.fontMetrics.height() + 2 * inset, text.height()};
}
