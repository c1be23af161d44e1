#include "FilterBar.h"

#include "OpportunityFilterProxy.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QStyle>
#include <QTimer>
#include <QToolButton>

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent)
    , m_search(new QLineEdit(this))
    , m_stageButton(new QToolButton(this))
    , m_account(new QComboBox(this))
    , m_owner(new QComboBox(this))
    , m_archived(new QCheckBox(tr("Archived"), this))
    , m_summary(new QLabel(this))
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
    m_archived->setToolTip(tr("Show archived deals instead of live ones"));
    connect(m_archived, &QCheckBox::toggled, this, &FilterBar::apply);
    m_summary->setTextFormat(Qt::PlainText);

    // The totals may run long (one figure per currency): they get a row of their own.
    m_summary->setWordWrap(true);
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 2);
    filters->addWidget(m_stageButton);
    filters->addWidget(m_account, 1);
    filters->addWidget(m_owner, 1);
    filters->addWidget(m_archived);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 4);
    layout->setSpacing(4);
    layout->addLayout(filters);
    layout->addWidget(m_summary);
    setAccounts({});
    setOwners({});
    updateStageButton();
}

void FilterBar::setListProxy(OpportunityFilterProxy *proxy)
{
    m_listProxy = proxy;
    proxy->setFilter(m_filter);
}

void FilterBar::setTotalsSource(std::function<PipelineTotals()> totals)
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

void FilterBar::setOwners(const QList<QPair<QString, QString>> &idAndName)
{
    const QString current = m_owner->currentData().toString();
    const QSignalBlocker blocker(m_owner);
    m_owner->clear();
    m_owner->addItem(tr("All owners"), QString());
    for (const auto &[id, name] : idAndName)
        m_owner->addItem(name, id);
    m_owner->setCurrentIndex(std::max(0, m_owner->findData(current)));
}

void FilterBar::setFilter(const OpportunityFilter &filter, const QString &searchText)
{
    {
        // One apply at the end, not one per widget.
        const QSignalBlocker searchBlocker(m_search);
        const QSignalBlocker accountBlocker(m_account);
        const QSignalBlocker ownerBlocker(m_owner);
        const QSignalBlocker archivedBlocker(m_archived);
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
    if (filter == m_filter)
        return;
    m_filter = filter;
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
    const PipelineTotals totals = m_totals();
    const QString deals =
        totals.count == 1 ? tr("1 deal") : tr("%1 deals").arg(QLocale().toString(totals.count));
    m_summary->setText(tr("%1 · total %2 · weighted %3")
                           .arg(deals, PipelineTotals::format(totals.value),
                                PipelineTotals::format(totals.weighted)));
}
