#pragma once

#include <QColor>
#include <QVariant>

class OpportunityListModel;

// How each cell of the opportunity table is presented: its text, tooltip, colours, marker and
// sort key. OpportunityListModel holds the rows and their packed facts; its data() asks here for
// everything that is only a way of showing them. The strings keep the model's translation context.
class OpportunityCells final
{
public:
    explicit OpportunityCells(const OpportunityListModel &model)
        : m_model(model)
    {}

    QVariant display(int row, int column) const;
    QVariant toolTip(int row, int column) const;
    QVariant foreground(int row, int column) const;
    QVariant decoration(int row, int column) const;
    static QVariant alignment(int column);
    // ItemRoles::SortRole: numbers and dates as themselves, text folded, amounts converted.
    QVariant sortKey(int row, int column) const;

    // What a stale deal's tooltips say: "No change for 23 days".
    static QString noChangeFor(int days);
    // The amber of stale marks on the application's base colour (see staleColourOn).
    static QColor staleColour();
    // The one amber of stale marks, list and board: dark on a light background (5.9:1 on
    // white, 4.7:1 on a selected card), light on a dark one (8:1 on #2b2b2b).
    static QColor staleColourOn(const QColor &background);

private:
    const OpportunityListModel &m_model;
};
