#pragma once

#include "Account.h"
#include "FieldError.h"
#include "Opportunity.h"

#include <QFrame>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QToolButton;

// The inline card a board column's "+" opens: a new deal's name, value (in the locale's number
// format) and account (optional, completed from the cached accounts), in that Tab order. Enter
// asks to create it when it is valid, else says under the card what is wrong, naming the field,
// and keeps what was typed; Esc, or the focus leaving it while empty, cancels. The rest of the
// deal (stage, currency, probability, owner) is the draft it was opened with.
class QuickAddCard final : public QFrame
{
    Q_OBJECT

public:
    QuickAddCard(const Opportunity &draft, const QList<Account> &accounts,
                 QWidget *parent = nullptr);

    QLineEdit *nameField() const { return m_name; }
    QLineEdit *valueField() const { return m_value; }
    QComboBox *accountField() const { return m_account; }
    QToolButton *moreButton() const { return m_more; }
    // The message under the card ("" when none).
    QString errorText() const;

    // Nothing typed in any field.
    bool isEmpty() const;
    // The draft with what was typed: its value NaN when it is no number, an empty value 0.
    Opportunity opportunity() const;
    // What stops the deal from being created, each error naming its field; empty when none.
    FieldErrors validate() const;
    // Says under the card what went wrong (empty: nothing).
    void showError(const QString &message);

signals:
    // Enter, with what was typed valid.
    void submitted();
    // Esc, or the focus went elsewhere with nothing typed.
    void cancelled();
    // The rep wants the full dialog, prefilled with what was typed.
    void moreRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void submit();
    void focusMoved(QWidget *now);
    // The account the text names: the one picked, else the one of that name; none when the
    // field is empty or names no cached account.
    std::optional<Account> chosenAccount() const;

    Opportunity m_draft;
    QList<Account> m_accounts;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_value = nullptr;
    QComboBox *m_account = nullptr;
    QToolButton *m_more = nullptr;
    QLabel *m_error = nullptr;
};
