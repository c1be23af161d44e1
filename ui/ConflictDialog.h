#pragma once

#include "CachedOpportunity.h"

#include <QDialog>
#include <QHash>

class QRadioButton;

// A conflict side by side: for each field changed both here and on the server, the user picks a
// value; a record deleted on the server is kept (created again) or let go.
class ConflictDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit ConflictDialog(const CachedOpportunity &record, QWidget *parent = nullptr);

    // The record with the chosen values.
    Opportunity chosen() const;
    // For a record deleted on the server: true when the user lets it go.
    bool acceptsDeletion() const;
    QRadioButton *mineButton(OpportunityField field) const { return m_mine.value(field); }
    QRadioButton *theirsButton(OpportunityField field) const { return m_theirs.value(field); }

private:
    CachedOpportunity m_record;
    QHash<OpportunityField, QRadioButton *> m_mine;
    QHash<OpportunityField, QRadioButton *> m_theirs;
    QRadioButton *m_letGo = nullptr;
};
