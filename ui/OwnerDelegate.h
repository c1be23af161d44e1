#pragma once

#include <QStyledItemDelegate>

class OpportunityListModel;

// The list's owner cell: the person's avatar, then their name (or shortened id). The model says
// who (OwnerIdRole) and gives the name and the tooltip; the avatar's initials come from its
// people book.
class OwnerDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit OwnerDelegate(const OpportunityListModel &model, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // Where the avatar goes in a cell: a square at its left, centred vertically.
    static QRect avatarRect(const QRect &cell);

private:
    const OpportunityListModel &m_model;
};
