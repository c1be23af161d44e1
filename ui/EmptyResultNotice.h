#pragma once

#include "OpportunityFilter.h"

#include <QWidget>

class QAction;
class QLabel;
class QPushButton;

// Says, in the middle of an empty view, why it is empty and the way on: filters that leave no
// deal offer to clear them, an empty cache offers to add a deal. It lies over the view (a list's
// viewport, the board), centred as the view resizes, covering only its own box.
class EmptyResultNotice final : public QWidget
{
    Q_OBJECT

public:
    enum class Reason
    {
        None,            // the view shows deals
        NoMatch,         // the filters leave none
        NoArchivedMatch, // the filters leave no archived deal
        NothingArchived, // archived on, no other filter, nothing archived
        NoLiveDeals,     // no filter, every cached deal archived
        NoDeals,         // the cache holds none (before the first sync, a new local profile)
    };

    // Over `view`, hidden until there is a reason to show.
    explicit EmptyResultNotice(QWidget &view);

    // Why a view is empty from the counts the models keep (never from their rows): `shown` rows
    // in the view, `cached` in the source model, under `filter`.
    static Reason reasonFor(int shown, int cached, const OpportunityFilter &filter);

    void setReason(Reason reason);
    Reason reason() const { return m_reason; }
    // The action an empty cache offers (File ▸ New).
    void setNewAction(QAction *action);

signals:
    // "Clear filters" (or "Show live deals"): every filter off.
    void clearRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void place();
    void updateButtons();

    QWidget &m_view;
    QLabel *m_text = nullptr;
    QPushButton *m_clear = nullptr;
    QPushButton *m_new = nullptr;
    QAction *m_newAction = nullptr;
    Reason m_reason = Reason::None;
};
