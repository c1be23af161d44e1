#pragma once

#include "Opportunity.h"
#include "Stage.h"

#include <QObject>
#include <QPointer>

class BoardView;
class LocalStore;
class Profile;
class QuickAddCard;
class RecordActions;

// Quick add on the board: a column's "+" opens a QuickAddCard at the top of that column, and
// Enter creates the deal in that stage through the LocalStore (offline too), with what a new
// deal gets in the full dialog: its currency, the stage's proposed probability, me as the owner
// when known. "More…" opens that dialog prefilled. The "+" follows the New action: a read-only
// key may not add.
class QuickAdd final : public QObject
{
    Q_OBJECT

public:
    QuickAdd(LocalStore &store, const Profile &profile, BoardView &board, RecordActions &actions,
             QObject *parent = nullptr);

    // The card open on the board, if any.
    QuickAddCard *card() const;
    // Opens a card at the top of `stage`'s column (closing one open elsewhere) and focuses it.
    void open(Stage stage);

signals:
    // A deal was created: the rep goes on with it.
    void created(const QString &id);

private:
    // A new deal in `stage` with the full dialog's defaults.
    Opportunity draft(Stage stage) const;
    void submit();
    void more();
    // Takes the card away; the focus goes to `next` when given.
    void close(QWidget *next = nullptr);
    void setAllowed(bool allowed);

    LocalStore &m_store;
    const Profile &m_profile;
    BoardView &m_board;
    RecordActions &m_actions;
    QPointer<QuickAddCard> m_card;
    Stage m_stage = Stage::Prospecting;
    // While the full dialog is open the card is not left: it stays whatever the focus does.
    bool m_asking = false;
};
