#pragma once

#include "ListTextCache.h"

#include <QStyledItemDelegate>

// The list's plain text cells: drawn as QStyledItemDelegate draws them (panel, selection, focus,
// colour, alignment, elision), the text from a cache of laid-out lines. Cells with an icon or
// a check box, or text of more than one line, are left to QStyledItemDelegate.
class ListCellDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit ListCellDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

    // Lines laid out so far (tests).
    qsizetype cachedLines() const { return m_lines.size(); }

private:
    mutable ListTextCache m_lines;
};
