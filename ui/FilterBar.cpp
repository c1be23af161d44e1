#include "FilterBar.h"

#include "CloseWindowChip.h"
#include "ElidedLabel.h"
#include "OpportunityFilterProxy.h"
#include "OpportunityListModel.h"
#include "OwnerChoices.h"
#include "PipelineSummaryText.h"

#include <QAbstractItemView>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QSet>
#include <QStyle>
#include <QTextDocument>
#include <QTimer>
#include <QToolButton>

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent)
    , m_search(new QLineEdit(this))
    , m_stageButton(new QToolButton(this))
    , m_account(new QComboBox(this))
    , m_owner(new QComboBox(this))
    , m_archived(new QCheckBox(tr("Archived"), this))
    , m_stale(new QToolButton(this))
    , m_closing(new CloseWindowChip(this))
    , m_myDeals(new QAction(tr("&My deals"), this))
    , m_myDealsButton(new QToolButton(this))
    , m_summary(new ElidedLabel(this))
    , m_summaryTimer(new QTimer(this))
{
    m_summaryTimer->setSingleShot(true);
    m_summaryTimer->setInterval(0);
    connect(m_summaryTimer, &QTimer::timeout, this, &FilterBar::updateSummary);
    m_search->setPlaceholderText(tr("Search by name"));
    m_search->setClearButtonEnabled(true);
    // Least widths that leave the whole bar within a 1024-pixel screen beside the other controls;
    // wider windows give the search field and the lists more.
    m_search->setMinimumWidth(160);
    connect(m_search, &QLineEdit::textChanged, this, &FilterBar::apply);

    auto *stageMenu = new QMenu(m_stageButton);
    for (Stage stage : Stages::all()) {
        QAction *action = stageMenu->addAction(Stages::label(stage));
        action->setCheckable(true);
        action->setData(static_cast<int>(stage));
        action->setToolTip(Stages::description(stage));
        connect(action, &QAction::toggled, this, &FilterBar::apply);
    }
    m_stageButton->setMenu(stageMenu);
    m_stageButton->setPopupMode(QToolButton::InstantPopup);
    m_stageButton->setToolTip(tr("Show only these stages"));

    m_account->setEditable(true);
    m_account->setInsertPolicy(QComboBox::NoInsert);
    // However long the names, the lists ask for room for a dozen characters; their pop-ups show
    // the names in full.
    for (QComboBox *box : {m_account, m_owner}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(12);
    }
    m_account->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_account->completer()->setFilterMode(Qt::MatchContains);
    m_account->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_account->setToolTip(tr("Only this account's deals"));
    connect(m_account, &QComboBox::currentIndexChanged, this, &FilterBar::apply);
    m_owner->setToolTip(tr("Only this owner's deals"));
    connect(m_owner, &QComboBox::currentIndexChanged, this, &FilterBar::apply);
    m_myDeals->setCheckable(true);
    m_myDeals->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    connect(m_myDeals, &QAction::triggered, this, &FilterBar::myDealsTriggered);
    m_myDealsButton->setDefaultAction(m_myDeals);
    m_archived->setToolTip(tr("Show archived deals instead of live ones"));
    connect(m_archived, &QCheckBox::toggled, this, &FilterBar::apply);
    m_stale->setText(tr("Stale"));
    m_stale->setCheckable(true);
    m_stale->setToolTip(tr("Only stale deals: open deals without a change for as many days as "
                           "their stage allows (set the days in Settings → Stale deals)"));
    connect(m_stale, &QToolButton::toggled, this, &FilterBar::apply);
    connect(m_closing, &CloseWindowChip::cleared, this, &FilterBar::apply);
    m_summary->setTextFormat(Qt::PlainText);

    // One line of its own, cut short where the window is too narrow (the tooltip has it all).
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 2);
    filters->addWidget(m_stageButton);
    filters->addWidget(m_account, 1);
    filters->addWidget(m_owner, 1);
    filters->addWidget(m_myDealsButton);
    filters->addWidget(m_stale);
    filters->addWidget(m_closing);
    filters->addWidget(m_archived);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 4);
    layout->setSpacing(4);
    layout->addLayout(filters);
    layout->addWidget(m_summary);
    setAccounts({});
    setPeople({}, {});
    updateStageButton();
}

void FilterBar::setListProxy(OpportunityFilterProxy *proxy)
{
    m_listProxy = proxy;
    proxy->setFilter(m_filter);
}

void FilterBar::setTotalsSource(std::function<PipelineSummary()> totals)
{
    m_totals = std::move(totals);
    updateSummary();
}

void FilterBar::recount()
{
    m_summaryTimer->start();
}

void FilterBar::setAccounts(const QList<Account> &accounts)
{
    const QString current = m_account->currentData().toString();
    const QSignalBlocker blocker(m_account);
    m_account->clear();
    m_account->addItem(tr("All accounts"), QString());
    for (const Account &account : accounts)
        m_account->addItem(account.name, account.id);
    m_account->setCurrentIndex(std::max(0, m_account->findData(current)));
    // An editable list drops down no wider than itself: as wide as its longest name, then.
    m_account->view()->setMinimumWidth(
        std::min(m_account->view()->sizeHintForColumn(0) +
                     style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 8,
                 640));
}

void FilterBar::setPeople(const PeopleBook &people, const QStringList &ownerIds)
{
    m_people = people;
    const QString current = m_owner->currentData().toString();
    const QSignalBlocker blocker(m_owner);
    m_owner->clear();
    m_owner->addItem(tr("All owners"), QString());
    // The chosen owner stays listed, or the list would show "All owners" while filtering by them.
    OwnerChoices::append(*m_owner, people,
                         OwnerChoices::ordered(people, ownerIds + QStringList{current}));
    m_owner->setCurrentIndex(std::max(0, m_owner->findData(current)));
    m_owner->view()->setMinimumWidth(std::min(m_owner->view()->sizeHintForColumn(0) +
                                                  style()->pixelMetric(QStyle::PM_ScrollBarExtent) +
                                                  8,
                                              640));
    updateMyDeals();
}

QStringList FilterBar::ownerIdsIn(const OpportunityListModel &model)
{
    QSet<QString> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.insert(model.rowAt(row).opportunity.ownerId);
    ids.remove(QString());
    return QStringList(ids.cbegin(), ids.cend());
}

void FilterBar::setFilter(const OpportunityFilter &filter, const QString &searchText)
{
    {
        // One apply at the end, not one per widget.
        const QSignalBlocker searchBlocker(m_search);
        const QSignalBlocker accountBlocker(m_account);
        const QSignalBlocker ownerBlocker(m_owner);
        const QSignalBlocker archivedBlocker(m_archived);
        const QSignalBlocker staleBlocker(m_stale);
        m_search->setText(searchText);
        for (QAction *action : m_stageButton->menu()->actions()) {
            const QSignalBlocker blocker(action);
            action->setChecked(filter.stages.contains(static_cast<Stage>(action->data().toInt())));
        }
        const auto choose = [](QComboBox *box, const QString &id) {
            if (box->findData(id) < 0)
                box->addItem(id, id);
            box->setCurrentIndex(box->findData(id));
        };
        choose(m_account, filter.accountId);
        choose(m_owner, filter.ownerId);
        m_archived->setChecked(filter.archived);
        m_stale->setChecked(filter.staleOnly);
        m_closing->setWindow(filter.closing);
    }
    apply();
}

void FilterBar::clearFilters()
{
    setFilter({}, {});
}

void FilterBar::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void FilterBar::myDealsTriggered(bool checked)
{
    const QString me = m_people.meId();
    if (checked && !me.isEmpty()) {
        if (m_owner->findData(me) < 0)
            OwnerChoices::append(*m_owner, m_people, {me});
        m_owner->setCurrentIndex(m_owner->findData(me));
    } else if (!checked) {
        m_owner->setCurrentIndex(0);
    }
    updateMyDeals(); // a click that changed no filter leaves the button as the filter is
}

void FilterBar::updateMyDeals()
{
    const QString me = m_people.meId();
    m_myDeals->setEnabled(!me.isEmpty());
    m_myDeals->setToolTip(
        me.isEmpty() ? tr("Only your deals: first say which owner you are in Settings → People")
                     : tr("Only your deals (%1)")
                           .arg(m_myDeals->shortcut().toString(QKeySequence::NativeText)));
    const QSignalBlocker blocker(m_myDeals);
    m_myDeals->setChecked(!me.isEmpty() && m_filter.ownerId == me);
}

void FilterBar::updateStageButton()
{
    QStringList chosen;
    for (QAction *action : m_stageButton->menu()->actions()) {
        if (action->isChecked())
            chosen.append(action->text());
    }
    m_stageButton->setText(chosen.isEmpty() ? tr("All stages")
                           : chosen.size() == 1
                               ? chosen.first()
                               : tr("%n stages", nullptr, static_cast<int>(chosen.size())));
}

void FilterBar::apply()
{
    OpportunityFilter filter;
    for (QAction *action : m_stageButton->menu()->actions()) {
        if (action->isChecked())
            filter.stages.insert(static_cast<Stage>(action->data().toInt()));
    }
    updateStageButton();
    filter.setSearch(m_search->text());
    // A typed account name that matches no account filters nothing rather than everything.
    if (m_account->currentText() == m_account->itemText(m_account->currentIndex()))
        filter.accountId = m_account->currentData().toString();
    filter.ownerId = m_owner->currentData().toString();
    filter.archived = m_archived->isChecked();
    filter.staleOnly = m_stale->isChecked();
    filter.closing = m_closing->window();
    if (filter == m_filter)
        return;
    m_filter = filter;
    updateMyDeals();
    if (m_listProxy)
        m_listProxy->setFilter(m_filter);
    emit filterChanged(m_filter);
    updateSummary();
}

void FilterBar::updateSummary()
{
    m_summaryTimer->stop(); // done now: a pending recount would repeat it
    if (!m_totals)
        return;
    const PipelineSummary summary = m_totals();
    const QString line = PipelineSummaryText::line(summary);
    m_summary->setText(line);
    // Tooltips render markup: the plain text goes in escaped (currency codes are server data),
    // its indents kept.
    m_summary->setToolTip(Qt::convertFromPlainText(
        line + QStringLiteral("\n\n") + PipelineSummaryText::details(summary), Qt::WhiteSpacePre));
}
