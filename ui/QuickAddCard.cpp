#include "QuickAddCard.h"

#include "OpportunityValidation.h"
#include "Stage.h"

#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QToolButton>
#include <QVBoxLayout>
#include <cmath>
#include <limits>

namespace {

bool isEnter(const QKeyEvent &key)
{
    return (key.key() == Qt::Key_Return || key.key() == Qt::Key_Enter) &&
           (key.modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier;
}

bool isEscape(const QKeyEvent &key)
{
    return key.key() == Qt::Key_Escape && key.modifiers() == Qt::NoModifier;
}

} // namespace

QuickAddCard::QuickAddCard(const Opportunity &draft, const QList<Account> &accounts,
                           QWidget *parent)
    : QFrame(parent)
    , m_draft(draft)
    , m_accounts(accounts)
    , m_name(new QLineEdit(this))
    , m_value(new QLineEdit(this))
    , m_account(new QComboBox(this))
    , m_more(new QToolButton(this))
    , m_error(new QLabel(this))
{
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("New deal in %1").arg(Stages::label(draft.stage)));
    setToolTip(tr("Enter adds the deal, Esc cancels."));

    m_name->setPlaceholderText(tr("Name"));
    m_name->setAccessibleName(tr("Name"));
    m_value->setPlaceholderText(tr("Value"));
    m_value->setAccessibleName(tr("Value"));
    m_value->setAlignment(Qt::AlignRight);
    auto *currency = new QLabel(draft.currency, this);
    currency->setTextFormat(Qt::PlainText);
    m_account->setEditable(true);
    m_account->setInsertPolicy(QComboBox::NoInsert);
    m_account->setAccessibleName(tr("Account"));
    for (const Account &account : accounts)
        m_account->addItem(account.name, account.id);
    m_account->setCurrentIndex(-1); // no account until one is named
    m_account->lineEdit()->setPlaceholderText(tr("Account (optional)"));
    m_account->completer()->setFilterMode(Qt::MatchContains);
    m_account->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_account->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_more->setText(tr("More…"));
    m_more->setAutoRaise(true);
    m_more->setToolTip(tr("Open the full form with what you typed"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true); // a column is narrow: the whole message, on as many lines
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    layout->addWidget(m_name);
    auto *money = new QHBoxLayout;
    money->addWidget(m_value, 1);
    money->addWidget(currency);
    layout->addLayout(money);
    layout->addWidget(m_account);
    layout->addWidget(m_error);
    auto *foot = new QHBoxLayout;
    foot->addStretch(1);
    foot->addWidget(m_more);
    layout->addLayout(foot);
    setTabOrder(m_name, m_value);
    setTabOrder(m_value, m_account);
    setTabOrder(m_account, m_more);
    setFocusProxy(m_name);

    for (QWidget *field : {static_cast<QWidget *>(m_name), static_cast<QWidget *>(m_value),
                           static_cast<QWidget *>(m_account), static_cast<QWidget *>(m_more)})
        field->installEventFilter(this);
    connect(m_more, &QToolButton::clicked, this, &QuickAddCard::moreRequested);
    connect(qApp, &QApplication::focusChanged, this,
            [this](QWidget *, QWidget *now) { focusMoved(now); });
}

QString QuickAddCard::errorText() const
{
    return m_error->text();
}

bool QuickAddCard::isEmpty() const
{
    return m_name->text().trimmed().isEmpty() && m_value->text().trimmed().isEmpty() &&
           m_account->currentText().trimmed().isEmpty();
}

std::optional<Account> QuickAddCard::chosenAccount() const
{
    const QString text = m_account->currentText().trimmed();
    if (text.isEmpty())
        return std::nullopt;
    int index = m_account->currentIndex();
    if (index < 0 || m_account->itemText(index).trimmed() != text)
        index = m_account->findText(text, Qt::MatchFixedString); // any case
    if (index < 0)
        return std::nullopt;
    return m_accounts.value(index);
}

Opportunity QuickAddCard::opportunity() const
{
    Opportunity deal = m_draft;
    deal.name = m_name->text().trimmed();
    const QString value = m_value->text().trimmed();
    bool ok = true;
    deal.value = value.isEmpty() ? 0.0 : QLocale().toDouble(value, &ok);
    if (!ok)
        deal.value = std::numeric_limits<double>::quiet_NaN();
    if (const std::optional<Account> account = chosenAccount()) {
        deal.accountId = account->id;
        deal.accountName = account->name;
    }
    return deal;
}

FieldErrors QuickAddCard::validate() const
{
    const Opportunity deal = opportunity();
    FieldErrors errors = validateOpportunity(deal);
    if (std::isnan(deal.value)) {
        // Not "zero or more": the rep typed something that is no number at all.
        errors.removeIf([](const FieldError &e) { return e.field == QLatin1String("value"); });
        errors.append(
            {QStringLiteral("value"),
             tr("Value must be a number, such as %1.").arg(QLocale().toString(50000.0, 'f', 0))});
    }
    if (!m_account->currentText().trimmed().isEmpty() && !chosenAccount())
        errors.append(
            {QStringLiteral("accountId"), tr("Account must be one of the list, or left empty.")});
    return errors;
}

void QuickAddCard::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
    setAccessibleDescription(message);
}

void QuickAddCard::submit()
{
    const FieldErrors errors = validate();
    if (errors.isEmpty()) {
        showError(QString());
        emit submitted();
        return;
    }
    QStringList messages;
    for (const FieldError &error : errors)
        messages.append(error.message);
    showError(messages.join(QLatin1Char(' ')));
    // The first field at fault takes the focus; what was typed stays.
    const QString &field = errors.first().field;
    if (field == QLatin1String("value"))
        m_value->setFocus();
    else if (field == QLatin1String("accountId"))
        m_account->setFocus();
    else
        m_name->setFocus();
}

bool QuickAddCard::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        // Enter and Esc are the card's, whatever shortcuts the board or the window hold.
        const auto *key = static_cast<QKeyEvent *>(event);
        if (isEnter(*key) || isEscape(*key)) {
            event->accept();
            return true;
        }
    } else if (event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (isEnter(*key)) {
            if (watched == m_more)
                emit moreRequested();
            else
                submit();
            return true;
        }
        if (isEscape(*key)) {
            emit cancelled();
            return true;
        }
    }
    return QFrame::eventFilter(watched, event);
}

void QuickAddCard::focusMoved(QWidget *now)
{
    // A popup (the account completions) is still the card; a card with something typed stays
    // open for the rep to come back to.
    if (!now || !isVisible() || now == this || isAncestorOf(now) ||
        now->window()->windowType() == Qt::Popup || !isEmpty())
        return;
    emit cancelled();
}
