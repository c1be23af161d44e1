#include "OpportunityDialog.h"

#include "OpportunityDiff.h"
#include "OpportunityValidation.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>

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
    , m_name(new QLineEdit(this))
    , m_account(new QComboBox(this))
    , m_stage(new QComboBox(this))
    , m_value(new QLineEdit(this))
    , m_currency(new QComboBox(this))
    , m_probability(new QSpinBox(this))
    , m_date(new QDateEdit(this))
    , m_noDate(new QCheckBox(tr("None"), this))
    , m_description(new QPlainTextEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(creating ? tr("New opportunity") : tr("Edit opportunity"));
    setMinimumWidth(460);

    m_name->setText(opportunity.name);
    m_name->setMaxLength(1000); // longer than allowed, so the message can say so
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
    m_shownValue = m_value->text();
    m_currency->setEditable(true);
    m_currency->addItems(commonCurrencies);
    m_currency->setCurrentText(opportunity.currency);
    m_currency->setToolTip(tr("ISO 4217 code, such as USD or EUR"));
    m_probability->setRange(0, 100);
    m_probability->setSuffix(QStringLiteral(" %"));
    m_probability->setValue(opportunity.probability);
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    m_date->setDate(opportunity.expectedCloseDate.isValid() ? opportunity.expectedCloseDate
                                                            : QDate::currentDate().addMonths(1));
    m_noDate->setChecked(!opportunity.expectedCloseDate.isValid());
    m_date->setEnabled(!m_noDate->isChecked());
    connect(m_noDate, &QCheckBox::toggled, m_date,
            [this](bool none) { m_date->setEnabled(!none); });
    m_description->setPlainText(opportunity.description);
    m_description->setTabChangesFocus(true);

    auto *form = new QFormLayout;
    const auto addRow = [&](const QString &label, QWidget *field, const QString &wireName) {
        auto *error = new QLabel(this);
        error->setTextFormat(Qt::PlainText);
        error->setWordWrap(true);
        error->setStyleSheet(QStringLiteral("color: #c62828;"));
        error->hide();
        m_errorLabels.insert(wireName, error);
        auto *column = new QVBoxLayout;
        column->setSpacing(2);
        column->addWidget(field);
        column->addWidget(error);
        form->addRow(label, column);
    };
    addRow(tr("&Name:"), m_name, QStringLiteral("name"));
    addRow(tr("&Account:"), m_account, QStringLiteral("accountId"));
    addRow(tr("&Stage:"), m_stage, QStringLiteral("stage"));
    auto *money = new QWidget(this);
    auto *moneyLayout = new QHBoxLayout(money);
    moneyLayout->setContentsMargins(0, 0, 0, 0);
    moneyLayout->addWidget(m_value, 1);
    moneyLayout->addWidget(m_currency);
    addRow(tr("&Value:"), money, QStringLiteral("value"));
    m_errorLabels.insert(QStringLiteral("currency"), m_errorLabels.value(QStringLiteral("value")));
    addRow(tr("&Probability:"), m_probability, QStringLiteral("probability"));
    auto *date = new QWidget(this);
    auto *dateLayout = new QHBoxLayout(date);
    dateLayout->setContentsMargins(0, 0, 0, 0);
    dateLayout->addWidget(m_date, 1);
    dateLayout->addWidget(m_noDate);
    addRow(tr("Expected &close:"), date, QStringLiteral("expectedCloseDate"));
    addRow(tr("&Description:"), m_description, QStringLiteral("description"));
    m_errorLabels.insert(QStringLiteral("leadId"),
                         m_errorLabels.value(QStringLiteral("accountId")));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (validate().isEmpty())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *edit : {m_name, m_value})
        connect(edit, &QLineEdit::textChanged, this, &OpportunityDialog::revalidate);
    connect(m_currency, &QComboBox::currentTextChanged, this, &OpportunityDialog::revalidate);
    connect(m_account, &QComboBox::currentTextChanged, this, &OpportunityDialog::revalidate);
    connect(m_probability, &QSpinBox::valueChanged, this, &OpportunityDialog::revalidate);
    // Moving to a closed stage sets the probability it implies.
    connect(m_stage, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index == static_cast<int>(Stage::ClosedWon))
            m_probability->setValue(100);
        else if (index == static_cast<int>(Stage::ClosedLost))
            m_probability->setValue(0);
    });
    revalidate();
}

Opportunity OpportunityDialog::opportunity() const
{
    Opportunity o = m_original;
    o.name = m_name->text();
    const bool accountChosen =
        m_account->currentText() == m_account->itemText(m_account->currentIndex());
    o.accountId = accountChosen ? m_account->currentData().toString() : QString();
    o.accountName = accountChosen && !o.accountId.isEmpty() ? m_account->currentText() : QString();
    o.stage = static_cast<Stage>(m_stage->currentData().toInt());
    bool ok = false;
    const double value = QLocale().toDouble(m_value->text().trimmed(), &ok);
    // Shown rounded: untouched, the value stays exactly what it was.
    o.value = m_value->text() == m_shownValue ? m_original.value
              : ok                            ? value
                                              : std::numeric_limits<double>::quiet_NaN();
    o.currency = m_currency->currentText().trimmed();
    o.probability = m_probability->value();
    o.expectedCloseDate = m_noDate->isChecked() ? QDate() : m_date->date();
    const QString description = m_description->toPlainText();
    o.description = description == m_original.description ? m_original.description
                    : description.isEmpty()               ? QString()
                                                          : description;
    return o;
}

OpportunityFields OpportunityDialog::changedFields() const
{
    return OpportunityDiff::changedFields(m_original, opportunity());
}

FieldErrors OpportunityDialog::validate() const
{
    FieldErrors errors = validateOpportunity(opportunity());
    bool ok = false;
    QLocale().toDouble(m_value->text().trimmed(), &ok);
    if (!ok) {
        errors.erase(
            std::remove_if(errors.begin(), errors.end(),
                           [](const FieldError &e) { return e.field == QLatin1String("value"); }),
            errors.end());
        errors.append(
            {QStringLiteral("value"),
             tr("Value must be a number, such as %1.").arg(QLocale().toString(50000.0, 'f', 0))});
    }
    if (m_account->currentText() != m_account->itemText(m_account->currentIndex()))
        errors.append({QStringLiteral("accountId"),
                       tr("Choose an account from the list, or \"No account\".")});
    return errors;
}

void OpportunityDialog::showFieldErrors(const FieldErrors &errors)
{
    for (QLabel *label : std::as_const(m_errorLabels)) {
        label->clear();
        label->hide();
    }
    for (const FieldError &error : errors) {
        QLabel *label =
            m_errorLabels.value(error.field, m_errorLabels.value(QStringLiteral("name")));
        label->setText(label->text().isEmpty() ? error.message
                                               : label->text() + QLatin1Char('\n') + error.message);
        label->show();
    }
}

QString OpportunityDialog::errorText(const QString &field) const
{
    const QLabel *label = m_errorLabels.value(field);
    return label && !label->isHidden() ? label->text() : QString();
}

void OpportunityDialog::revalidate()
{
    const FieldErrors errors = validate();
    showFieldErrors(errors);
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(errors.isEmpty());
}
