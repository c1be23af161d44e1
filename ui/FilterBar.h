#pragma once

#include "Account.h"
#include "OpportunityFilter.h"
#include "PeopleBook.h"
#include "PipelineSummary.h"

#include <QWidget>
#include <functional>

class CloseWindowChip;
class OpportunityFilterProxy;
class OpportunityListModel;
class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTimer;
class QToolButton;

// Every filter of the API in one bar: name search (applied as you type), stages (several at
// once), account (with completion), owner, archived; and kashew's own refinements: stale deals
// only, and a close-date window (a chip, set by a forecast bar). One filter state for every view
// it serves; beside it, the count and totals of what matches.
class FilterBar final : public QWidget
{
    Q_OBJECT

public:
    explicit FilterBar(QWidget *parent = nullptr);

    // The list's proxy: the bar applies its filter to it.
    void setListProxy(OpportunityFilterProxy *proxy);
    // Where the summary beside the filters comes from: the view showing counts it.
    void setTotalsSource(std::function<PipelineSummary()> totals);
    // The totals changed: the summary recounts once per event loop pass.
    void recount();
    const OpportunityFilter &filter() const { return m_filter; }
    // Shows `filter` in the widgets and applies it (one filterChanged): a saved view, "clear".
    // The search field gets `searchText` as typed (the filter keeps it folded); an owner or
    // account the lists do not offer is added to them by its id.
    void setFilter(const OpportunityFilter &filter, const QString &searchText);
    // Every filter off: all stages, accounts and owners, no search, live deals, stale or not,
    // any close date.
    void clearFilters();
    void setAccounts(const QList<Account> &accounts);
    // The owners offered: everyone the book knows and these ids (the owners of the model's
    // rows), by name with their avatar, me first. A chosen owner stays chosen.
    void setPeople(const PeopleBook &people, const QStringList &ownerIds);
    // Every owner id of the model's rows, once.
    static QStringList ownerIdsIn(const OpportunityListModel &model);
    void focusSearch();

    QLineEdit *searchField() const { return m_search; }
    QToolButton *stageButton() const { return m_stageButton; }
    QComboBox *accountBox() const { return m_account; }
    QComboBox *ownerBox() const { return m_owner; }
    QCheckBox *archivedBox() const { return m_archived; }
    // Checked: only stale deals (filter.staleOnly).
    QToolButton *staleButton() const { return m_stale; }
    // The close-date window (filter.closing), hidden while there is none.
    CloseWindowChip *closingChip() const { return m_closing; }
    // "My deals" (Ctrl+M): checked while the owner filter is me; unchecking shows every owner.
    // Disabled while nobody knows who me is.
    QAction *myDealsAction() const { return m_myDeals; }
    QToolButton *myDealsButton() const { return m_myDealsButton; }
    QLabel *summary() const { return m_summary; }

signals:
    // For every other view that follows the bar (the board).
    void filterChanged(const OpportunityFilter &filter);

private:
    void apply();
    void updateSummary();
    void updateStageButton();
    void myDealsTriggered(bool checked);
    void updateMyDeals();

    OpportunityFilterProxy *m_listProxy = nullptr;
    std::function<PipelineSummary()> m_totals;
    OpportunityFilter m_filter;
    QLineEdit *m_search = nullptr;
    QToolButton *m_stageButton = nullptr;
    QComboBox *m_account = nullptr;
    QComboBox *m_owner = nullptr;
    QCheckBox *m_archived = nullptr;
    QToolButton *m_stale = nullptr;
    CloseWindowChip *m_closing = nullptr;
    PeopleBook m_people;
    QAction *m_myDeals = nullptr;
    QToolButton *m_myDealsButton = nullptr;
    QLabel *m_summary = nullptr;
    // Summaries are computed once per event loop pass, however many changes arrive in it.
    QTimer *m_summaryTimer = nullptr;
};
