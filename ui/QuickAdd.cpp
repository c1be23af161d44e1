#include "QuickAdd.h"

#include "BoardView.h"
#include "LocalStore.h"
#include "Profile.h"
#include "QuickAddCard.h"
#include "RecordActions.h"
#include "StageProbabilities.h"

#include <QAction>
#include <QApplication>
#include <QBoxLayout>
#include <QListView>
#include <QSettings>
#include <QToolButton>
#include <cmath>

QuickAdd::QuickAdd(LocalStore &store, const Profile &profile, BoardView &board,
                   RecordActions &actions, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_profile(profile)
    , m_board(board)
    , m_actions(actions)
{
    connect(&board, &BoardView::addRequested, this, &QuickAdd::open);
    connect(actions.newAction(), &QAction::enabledChanged, this, &QuickAdd::setAllowed);
    setAllowed(actions.newAction()->isEnabled());
}

QuickAddCard *QuickAdd::card() const
{
    return m_card;
}

void QuickAdd::setAllowed(bool allowed)
{
    for (Stage stage : Stages::all())
        m_board.addButton(stage)->setEnabled(allowed);
    if (!allowed)
        close();
}

Opportunity QuickAdd::draft(Stage stage) const
{
    // As RecordActions::create and the dialog make a new deal: Opportunity's own currency, the
    // probability the profile proposes for the stage, me as the owner when the book knows me.
    Opportunity deal;
    deal.stage = stage;
    deal.probability =
        StageProbabilities::read(QSettings(m_profile.settingsPath(), QSettings::IniFormat))
            .proposed(stage);
    if (const Result<PeopleBook> people = m_store.people())
        deal.ownerId = people->meId();
    return deal;
}

void QuickAdd::open(Stage stage)
{
    if (!m_actions.newAction()->isEnabled())
        return;
    if (m_card && m_stage == stage) {
        m_card->setFocus();
        return;
    }
    close();
    Result<QList<Account>> accounts = m_store.accounts();
    m_stage = stage;
    m_board.setCollapsed(stage, false);
    QListView *view = m_board.columnView(stage);
    auto *layout = qobject_cast<QBoxLayout *>(view->parentWidget()->layout());
    m_card =
        new QuickAddCard(draft(stage), accounts ? std::move(accounts).value() : QList<Account>(),
                         view->parentWidget());
    layout->insertWidget(layout->indexOf(view), m_card); // above the column's cards
    connect(m_card, &QuickAddCard::submitted, this, &QuickAdd::submit);
    connect(m_card, &QuickAddCard::moreRequested, this, &QuickAdd::more);
    connect(m_card, &QuickAddCard::cancelled, this, [this] {
        // Esc goes back to the "+"; a click elsewhere keeps its focus where it went.
        if (!m_asking)
            close(m_card && m_card->isAncestorOf(QApplication::focusWidget())
                      ? m_board.addButton(m_stage)
                      : nullptr);
    });
    if (!accounts)
        m_card->showError(tr("The accounts could not be read: %1").arg(accounts.error()));
    m_card->show(); // now, not when the layout gets round to it: it takes the focus at once
    m_card->setFocus();
}

void QuickAdd::submit()
{
    if (!m_card)
        return;
    const Result<QString> id = m_store.createOpportunity(m_card->opportunity());
    if (!id) {
        m_card->showError(tr("The deal could not be saved: %1").arg(id.error()));
        return;
    }
    // The new card is current in its column, where the keyboard goes on.
    close(m_board.columnView(m_stage));
    emit created(*id);
}

void QuickAdd::more()
{
    if (!m_card)
        return;
    Opportunity deal = m_card->opportunity();
    if (!std::isfinite(deal.value))
        deal.value = 0; // no number typed: the form's own default
    m_asking = true;
    const bool created = m_actions.createFrom(deal);
    m_asking = false;
    if (!m_card)
        return;
    if (created)
        close(m_board.columnView(m_stage)); // the actions said created: the deal is current
    else
        m_card->setFocus(); // cancelled: what was typed is still there
}

void QuickAdd::close(QWidget *next)
{
    if (!m_card)
        return;
    QuickAddCard *card = m_card;
    m_card = nullptr;
    card->disconnect(this);
    if (next && next->isEnabled())
        next->setFocus();
    card->hide();
    card->deleteLater();
}
