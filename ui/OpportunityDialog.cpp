#include "OpportunityDialog.h"

#include "FieldErrorLine.h"
#include "OpportunityDiff.h"
#include "OpportunityValidation.h"
#include "OwnerChoices.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <cmath>

namespace {

const QStringList commonCurrencies{
    QStringLiteral("USD"), QStringLiteral("EUR"), QStringLiteral("GBP"), QStringLiteral("JPY"),
    QStringLiteral("CHF"), QStringLiteral("SEK"), QStringLiteral("CAD"), QStringLiteral("AUD"),
    QStringLiteral("NOK"), QStringLiteral("DKK"), QStringLiteral("PLN"), QStringLiteral("BRL")};

} // namespace

OpportunityDialog::OpportunityDialog(const Opportunity &opportunity, const QList<Account> &accounts,
                                     bool creating, QWidget *parent)
    : QDialog(parent)
    , m_original(opportunity)
    , m_creating(creating)
    , m_name(new QLineEdit(this))
    , m_account(new QComboBox(this))
    , m_stage(new QComboBox(this))
    , m_value(new QLineEdit(this))
    , m_currency(new QComboBox(this))
    , m_probability(new QSpinBox(this))
    , m_date(new QDateEdit(this))
    , m_noDate(new QCheckBox(tr("None"), this))
    , m_owner(new QComboBox(this))
    , m_description(new QPlainTextEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(creating ? tr("New opportunity") : tr("Edit opportunity"));
    setMinimumWidth(600);

    // Longer than allowed, so the message can say so; never shorter than what the server sent.
    m_name->setMaxLength(std::max<int>(1000, static_cast<int>(opportunity.name.size())));
    m_name->setText(opportunity.name);
    m_account->setEditable(true);
    m_account->setInsertPolicy(QComboBox::NoInsert);
    m_account->completer()->setFilterMode(Qt::MatchContains);
    m_account->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_account->addItem(tr("No account"), QString());
    for (const Account &account : accounts)
        m_account->addItem(account.name, account.id);
    if (!opportunity.accountId.isEmpty() && m_account->findData(opportunity.accountId) < 0)
        m_account->addItem(opportunity.accountName.isEmpty() ? opportunity.accountId
                                                             : opportunity.accountName,
                           opportunity.accountId);
    m_account->setCurrentIndex(std::max(0, m_account->findData(opportunity.accountId)));
    for (Stage stage : Stages::all()) {
        m_stage->addItem(Stages::label(stage), static_cast<int>(stage));
        m_stage->setItemData(m_stage->count() - 1, Stages::description(stage), Qt::ToolTipRole);
    }
    m_stage->setCurrentIndex(static_cast<int>(opportunity.stage));
    m_value->setText(QLocale().toString(
        opportunity.value, 'f', opportunity.value == std::floor(opportunity.value) ? 0 : 2));
    m_value->setAlignment(Qt::AlignRight);
    m_currency->setEditable(true);
    m_currency->addItems(commonCurrencies);
    m_currency->setCurrentText(opportunity.currency);
    m_currency->setToolTip(tr("ISO 4217 code, such as USD or EUR"));
    // Wider than allowed: 150 or -5 typed stays what was typed and is refused with a message,
    // never cut to 15 or dropped; a figure the server sent shows as it is.
    m_probability->setRange(std::min(-999, opportunity.probability),
                            std::max(999, opportunity.probability));
    m_probability->setSuffix(QStringLiteral(" %"));
    m_probability->setValue(opportunity.probability);
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    m_date->setDate(opportunity.expectedCloseDate.isValid() ? opportunity.expectedCloseDate
                                                            : QDate::currentDate().addMonths(1));
    m_noDate->setChecked(!opportunity.expectedCloseDate.isValid());
    m_date->setEnabled(!m_noDate->isChecked());
    m_description->setPlainText(opportunity.description);
    m_description->setTabChangesFocus(true);
    m_owner->setEditable(true);
    m_owner->setInsertPolicy(QComboBox::NoInsert);
    m_owner->completer()->setFilterMode(Qt::MatchContains);
    m_owner->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_owner->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_owner->setToolTip(tr("Pick a person, or type an owner id"));
    if (creating)
        m_owner->lineEdit()->setPlaceholderText(tr("Empty: the server makes your key's user the "
                                                   "owner"));
    showOwners({}, opportunity.ownerId);

    // Each field with its error line below, in a grid so each label stays level with its field;
    // the label names the field with its mnemonic (a label with no buddy would show the "&"
    // itself), none taken by &Save or &Cancel.
    auto *form = new QGridLayout;
    form->setVerticalSpacing(0);
    form->setColumnStretch(1, 1);
    const auto addRow = [&](const QString &text, QWidget *field, QWidget *buddy,
                            const QString &wireName) {
        auto *error = new FieldErrorLine(this);
        m_errorLines.insert(wireName, error);
        auto *label = new QLabel(text, this);
        label->setBuddy(buddy);
        const int row = form->rowCount();
        const bool tall = field == m_description;
        if (tall)
            label->setMinimumHeight(m_name->sizeHint().height());
        form->addWidget(label, row, 0, tall ? Qt::AlignLeft | Qt::AlignTop : Qt::AlignLeft);
        form->addWidget(field, row, 1);
        form->addWidget(error, row + 1, 1);
        form->setRowStretch(row, tall ? 1 : 0);
    };
    addRow(tr("&Name:"), m_name, m_name, QStringLiteral("name"));
    addRow(tr("&Account:"), m_account, m_account, QStringLiteral("accountId"));
    addRow(tr("S&tage:"), m_stage, m_stage, QStringLiteral("stage"));
    auto *money = new QWidget(this);
    auto *moneyLayout = new QHBoxLayout(money);
    moneyLayout->setContentsMargins(0, 0, 0, 0);
    moneyLayout->addWidget(m_value, 1);
    moneyLayout->addWidget(m_currency);
    addRow(tr("&Value:"), money, m_value, QStringLiteral("value"));
    m_errorLines.insert(QStringLiteral("currency"), m_errorLines.value(QStringLiteral("value")));
    addRow(tr("&Probability:"), m_probability, m_probability, QStringLiteral("probability"));
    auto *date = new QWidget(this);
    auto *dateLayout = new QHBoxLayout(date);
    dateLayout->setContentsMargins(0, 0, 0, 0);
    dateLayout->addWidget(m_date, 1);
    dateLayout->addWidget(m_noDate);
    // Alt+O goes to the date, or to "None" while that turns the date off.
    date->setFocusPolicy(Qt::StrongFocus);
    date->setFocusProxy(m_noDate->isChecked() ? static_cast<QWidget *>(m_noDate) : m_date);
    connect(m_noDate, &QCheckBox::toggled, this, [this, date](bool none) {
        m_date->setEnabled(!none);
        date->setFocusProxy(none ? static_cast<QWidget *>(m_noDate) : m_date);
    });
    addRow(tr("Expected cl&ose:"), date, date, QStringLiteral("expectedCloseDate"));
    addRow(tr("O&wner:"), m_owner, m_owner, QStringLiteral("ownerId"));
    addRow(tr("&Description:"), m_description, m_description, QStringLiteral("description"));
    m_errorLines.insert(QStringLiteral("leadId"), m_errorLines.value(QStringLiteral("accountId")));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (validate().isEmpty())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_shown = formState();
    for (QLineEdit *edit : {m_name, m_value})
        connect(edit, &QLineEdit::textChanged, this, &OpportunityDialog::revalidate);
    connect(m_currency, &QComboBox::currentTextChanged, this, &OpportunityDialog::revalidate);
    // Both: a completion picked from the popup changes the index after the text it showed.
    connect(m_account, &QComboBox::currentTextChanged, this, &OpportunityDialog::revalidate);
    connect(m_account, &QComboBox::currentIndexChanged, this, &OpportunityDialog::revalidate);
    connect(m_owner, &QComboBox::currentTextChanged, this, &OpportunityDialog::revalidate);
    connect(m_owner, &QComboBox::currentIndexChanged, this, &OpportunityDialog::revalidate);
    connect(m_probability, &QSpinBox::valueChanged, this, [this](int value) {
        if (!m_proposing)
            m_typedProbability = value;
        revalidate();
    });
    connect(m_stage, &QComboBox::currentIndexChanged, this, &OpportunityDialog::stageChosen);
    connect(m_stage, &QComboBox::currentIndexChanged, this, &OpportunityDialog::revalidate);
    connect(m_noDate, &QCheckBox::toggled, this, &OpportunityDialog::revalidate);
    connect(m_date, &QDateEdit::dateChanged, this, &OpportunityDialog::revalidate);
    connect(m_description, &QPlainTextEdit::textChanged, this, &OpportunityDialog::revalidate);
    revalidate();
}

void OpportunityDialog::setStageProbabilities(const StageProbabilities &probabilities)
{
    m_stageProbabilities = probabilities;
}

void OpportunityDialog::setPeople(const PeopleBook &people)
{
    QString chosen = chosenOwner();
    if (m_creating && chosen.isEmpty())
        chosen = people.meId();
    showOwners(people, chosen);
    revalidate();
}

void OpportunityDialog::showOwners(const PeopleBook &people, const QString &chosen)
{
    const QSignalBlocker blocker(m_owner);
    m_owner->clear();
    OwnerChoices::append(*m_owner, people, OwnerChoices::ordered(people, {chosen}));
    // Nobody chosen: the field stays empty rather than showing the first person.
    m_owner->setCurrentIndex(chosen.isEmpty() ? -1 : m_owner->findData(chosen));
}

QString OpportunityDialog::chosenOwner() const
{
    return OwnerChoices::chosenId(*m_owner);
}

OpportunityDialog::FormState OpportunityDialog::formState() const
{
    return {m_name->text(),
            m_account->currentIndex(),
            m_account->currentText(),
            m_stage->currentIndex(),
            m_value->text(),
            m_currency->currentText(),
            m_probability->value(),
            m_date->date(),
            m_noDate->isChecked(),
            m_description->toPlainText(),
            chosenOwner()};
}

bool OpportunityDialog::accountChosen() const
{
    return m_account->currentText() == m_account->itemText(m_account->currentIndex());
}

Opportunity OpportunityDialog::opportunity() const
{
    // Each field as it was unless its widget changed: a field shown rounded, clamped or
    // reformatted (a long name, a value, a date out of the calendar's range) stays exactly what
    // it was.
    Opportunity o = m_original;
    const FormState now = formState();
    if (now.name != m_shown.name)
        o.name = now.name;
    if (now.account != m_shown.account || now.accountText != m_shown.accountText) {
        const bool chosen = accountChosen();
        o.accountId = chosen ? m_account->currentData().toString() : QString();
        o.accountName = chosen && !o.accountId.isEmpty() ? now.accountText : QString();
    }
    if (now.stage != m_shown.stage)
        o.stage = static_cast<Stage>(m_stage->currentData().toInt());
    if (now.value != m_shown.value) {
        bool ok = false;
        const double value = QLocale().toDouble(now.value.trimmed(), &ok);
        o.value = ok ? value : std::numeric_limits<double>::quiet_NaN();
    }
    if (now.currency != m_shown.currency)
        o.currency = now.currency.trimmed();
    if (now.probability != m_shown.probability)
        o.probability = now.probability;
    if (now.noDate != m_shown.noDate || (!now.noDate && now.date != m_shown.date))
        o.expectedCloseDate = now.noDate ? QDate() : now.date;
    if (now.description != m_shown.description)
        o.description = now.description.isEmpty() ? QString() : now.description;
    if (now.owner != m_shown.owner)
        o.ownerId = now.owner;
    return o;
}

OpportunityFields OpportunityDialog::changedFields() const
{
    return OpportunityDiff::changedFields(m_original, opportunity());
}

FieldErrors OpportunityDialog::validate() const
{
    const Opportunity o = opportunity();
    // A new record is checked whole; an edit only in what the user changed.
    const OpportunityFields checked = m_creating ? OpportunityFieldNames::writable()
                                                 : OpportunityDiff::changedFields(m_original, o);
    FieldErrors errors = validateOpportunityFields(o, checked);
    const FormState now = formState();
    bool ok = false;
    QLocale().toDouble(now.value.trimmed(), &ok);
    if (!ok && (m_creating || now.value != m_shown.value)) {
        errors.removeIf([](const FieldError &e) { return e.field == QLatin1String("value"); });
        errors.append(
            {QStringLiteral("value"),
             tr("Value must be a number, such as %1.").arg(QLocale().toString(50000.0, 'f', 0))});
    }
    if (!accountChosen() &&
        (now.account != m_shown.account || now.accountText != m_shown.accountText))
        errors.append({QStringLiteral("accountId"),
                       tr("Choose an account from the list, or \"No account\".")});
    // A deal keeps an owner; only a new one may leave it to the server.
    if (!m_creating && now.owner.isEmpty() && now.owner != m_shown.owner)
        errors.append({QStringLiteral("ownerId"), tr("Pick an owner, or type their id.")});
    return errors;
}

void OpportunityDialog::showFieldErrors(const FieldErrors &errors)
{
    QHash<FieldErrorLine *, QStringList> messages;
    for (const FieldError &error : errors)
        messages[m_errorLines.value(error.field, m_errorLines.value(QStringLiteral("name")))]
            .append(error.message);
    for (FieldErrorLine *line : std::as_const(m_errorLines))
        line->setMessage(messages.value(line).join(QLatin1Char(' ')));
}

QString OpportunityDialog::errorText(const QString &field) const
{
    const FieldErrorLine *line = m_errorLines.value(field);
    return line ? line->message() : QString();
}

void OpportunityDialog::revalidate()
{
    const FieldErrors errors = validate();
    showFieldErrors(errors);
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(errors.isEmpty());
}

void OpportunityDialog::stageChosen()
{
    // A closed stage sets its probability by rule; an open one proposes the user's figure for it,
    // unless they typed one here (back on the record's own stage, its own probability).
    const Stage stage = static_cast<Stage>(m_stage->currentData().toInt());
    int probability = m_stageProbabilities.proposed(stage);
    if (const auto implied = StageProbabilities::implied(stage))
        probability = *implied;
    else if (m_typedProbability)
        probability = *m_typedProbability;
    else if (!m_creating && stage == m_original.stage)
        probability = m_original.probability;
    m_proposing = true;
    m_probability->setValue(probability);
    m_proposing = false;
}
