#include "MoneySettingsPage.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSettings>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>

namespace {

// Offered in the base currency's list besides the currencies of the cache.
const QStringList commonCurrencies{
    QStringLiteral("AUD"), QStringLiteral("CAD"), QStringLiteral("CHF"), QStringLiteral("CNY"),
    QStringLiteral("DKK"), QStringLiteral("EUR"), QStringLiteral("GBP"), QStringLiteral("JPY"),
    QStringLiteral("NOK"), QStringLiteral("PLN"), QStringLiteral("SEK"), QStringLiteral("USD")};

// Letters only, at most three, shown in capitals as typed.
void acceptCodes(QLineEdit *field)
{
    field->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[A-Za-z]{0,3}")), field));
    QObject::connect(field, &QLineEdit::textEdited, field, [field](const QString &text) {
        if (text != text.toUpper()) {
            const int cursor = field->cursorPosition();
            field->setText(text.toUpper());
            field->setCursorPosition(cursor);
        }
    });
}

// A rate as typed: in the user's locale, or with a point.
std::optional<double> readRate(const QString &text)
{
    bool ok = false;
    double rate = QLocale().toDouble(text.trimmed(), &ok);
    if (!ok)
        rate = QLocale::c().toDouble(text.trimmed(), &ok);
    if (!ok || !std::isfinite(rate) || rate <= 0)
        return std::nullopt;
    return rate;
}

QString rateNumber(double rate)
{
    return QLocale().toString(rate, 'g', QLocale::FloatingPointShortest);
}

} // namespace

MoneySettingsPage::MoneySettingsPage(const QString &settingsPath,
                                     const QStringList &cacheCurrencies, QWidget *parent)
    : QWidget(parent)
    , m_settingsPath(settingsPath)
    , m_rates(CurrencyRates::read(QSettings(settingsPath, QSettings::IniFormat)))
    , m_base(new QComboBox(this))
    , m_currency(new QLineEdit(this))
    , m_rate(new QLineEdit(this))
    , m_set(new QPushButton(tr("S&et rate"), this))
    , m_remove(new QPushButton(tr("&Remove rate"), this))
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_error(new QLabel(this))
{
    for (const QString &currency : cacheCurrencies) {
        if (CurrencyRates::isCurrencyCode(currency) && !m_cacheCurrencies.contains(currency))
            m_cacheCurrencies.append(currency);
    }
    m_cacheCurrencies.sort();
    QStringList offered = m_cacheCurrencies;
    for (const QString &currency : commonCurrencies) {
        if (!offered.contains(currency))
            offered.append(currency);
    }
    offered.sort();
    m_base->setEditable(true);
    m_base->setInsertPolicy(QComboBox::NoInsert);
    m_base->addItems(offered);
    m_base->setEditText(m_rates.baseCurrency());
    acceptCodes(m_base->lineEdit());
    m_base->lineEdit()->setPlaceholderText(tr("none chosen"));
    m_base->setToolTip(tr("The board and the filter bar add amounts up in this currency"));
    acceptCodes(m_currency);
    m_currency->setPlaceholderText(QStringLiteral("GBP"));
    m_rate->setPlaceholderText(QLocale().toString(1.1612, 'f', 4));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->hide();

    m_table->setHorizontalHeaderLabels({tr("Rate"), tr("Set on")});
    m_table->horizontalHeader()->setSectionResizeMode(RateColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(SetOnColumn, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto *intro = new QLabel(tr("Amounts in other currencies are added to the base currency's at "
                                "your rates; kashew never looks a rate up itself."),
                             this);
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);
    auto *baseLabel = new QLabel(tr("&Base currency:"), this);
    baseLabel->setBuddy(m_base);
    auto *currencyLabel = new QLabel(tr("C&urrency:"), this);
    currencyLabel->setBuddy(m_currency);
    auto *rateLabel = new QLabel(tr("R&ate:"), this);
    rateLabel->setBuddy(m_rate);
    auto *baseForm = new QFormLayout;
    baseForm->addRow(baseLabel, m_base);
    auto *edit = new QHBoxLayout;
    edit->addWidget(currencyLabel);
    edit->addWidget(m_currency);
    edit->addWidget(rateLabel);
    edit->addWidget(m_rate, 1);
    edit->addWidget(m_set);
    edit->addWidget(m_remove);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(baseForm);
    layout->addWidget(m_table, 1);
    layout->addLayout(edit);
    layout->addWidget(m_error);

    // A code is taken as soon as it is whole; what is not is refused when the field is left.
    connect(m_base, &QComboBox::editTextChanged, this, [this](const QString &text) {
        if (text.isEmpty() || CurrencyRates::isCurrencyCode(text))
            baseEdited(text);
    });
    connect(m_base->lineEdit(), &QLineEdit::editingFinished, this,
            [this] { baseEdited(m_base->currentText()); });
    connect(m_set, &QPushButton::clicked, this, &MoneySettingsPage::setRate);
    connect(m_rate, &QLineEdit::returnPressed, this, &MoneySettingsPage::setRate);
    connect(m_remove, &QPushButton::clicked, this, &MoneySettingsPage::removeRate);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &MoneySettingsPage::editSelected);
    fillTable();
}

int MoneySettingsPage::rowOf(const QString &currency) const
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, RateColumn)->data(Qt::UserRole).toString() == currency)
            return row;
    }
    return -1;
}

void MoneySettingsPage::baseEdited(const QString &text)
{
    if (text.isEmpty()) {
        // No base currency: the rates are kept for when one is chosen again.
        CurrencyRates noBase;
        const QMap<QString, ExchangeRate> rates = m_rates.rates();
        for (auto it = rates.cbegin(); it != rates.cend(); ++it)
            noBase.setRate(it.key(), it->toBase, it->setOn);
        m_rates = noBase;
    } else if (!m_rates.setBaseCurrency(text)) {
        showError(tr("Base currency: \"%1\" is not a currency code (three capital letters, such "
                     "as EUR).")
                      .arg(text));
        return;
    }
    showError(QString());
    fillTable();
}

bool MoneySettingsPage::validate()
{
    const QString base = m_base->currentText();
    baseEdited(base); // says why when it is refused
    return base == m_rates.baseCurrency();
}

void MoneySettingsPage::setRate()
{
    const QString currency = m_currency->text();
    const QString base = m_rates.baseCurrency();
    if (base.isEmpty())
        return showError(tr("Base currency: choose one first; rates are to it."));
    if (!CurrencyRates::isCurrencyCode(currency))
        return showError(
            tr("Currency: \"%1\" is not a currency code (three capital letters, such as GBP).")
                .arg(currency));
    if (currency == base)
        return showError(
            tr("Currency: %1 is the base currency; its rate is always 1.").arg(currency));
    const auto rate = readRate(m_rate->text());
    if (!rate)
        return showError(
            tr("Rate: \"%1\" is not a positive number (what 1 %2 is worth in %3, such as %4).")
                .arg(m_rate->text(), currency, base, QLocale().toString(1.1612, 'f', 4)));
    // The day a rate was set says how old it is: an unchanged rate keeps its day.
    const auto before = m_rates.rates().constFind(currency);
    const bool unchanged = before != m_rates.rates().cend() && before->toBase == *rate;
    m_rates.setRate(currency, *rate, unchanged ? before->setOn : QDate::currentDate());
    showError(QString());
    fillTable();
    m_table->selectRow(rowOf(currency));
}

void MoneySettingsPage::removeRate()
{
    const QString currency = m_currency->text();
    if (!m_rates.rates().contains(currency))
        return showError(tr("Currency: %1 has no rate to remove.").arg(currency));
    m_rates.removeRate(currency);
    showError(QString());
    fillTable();
}

void MoneySettingsPage::editSelected()
{
    const QList<QTableWidgetItem *> selected = m_table->selectedItems();
    if (selected.isEmpty())
        return;
    const QString currency =
        m_table->item(selected.first()->row(), RateColumn)->data(Qt::UserRole).toString();
    m_currency->setText(currency);
    const auto rate = m_rates.rates().constFind(currency);
    m_rate->setText(rate != m_rates.rates().cend() ? rateNumber(rate->toBase) : QString());
}

void MoneySettingsPage::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void MoneySettingsPage::fillTable()
{
    const QString base = m_rates.baseCurrency();
    const QString baseName = base.isEmpty() ? tr("(base currency)") : base;
    const QMap<QString, ExchangeRate> rates = m_rates.rates();
    QStringList currencies = rates.keys();
    for (const QString &currency : std::as_const(m_cacheCurrencies)) {
        if (currency != base && !currencies.contains(currency))
            currencies.append(currency);
    }
    currencies.sort();
    const QSignalBlocker blocker(m_table);
    m_table->setRowCount(0);
    for (const QString &currency : std::as_const(currencies)) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const auto rate = rates.constFind(currency);
        const bool missing = rate == rates.cend();
        auto *rateItem = new QTableWidgetItem(
            missing ? tr("1 %1 = ? %2").arg(currency, baseName)
                    : tr("1 %1 = %2 %3").arg(currency, rateNumber(rate->toBase), baseName));
        rateItem->setData(Qt::UserRole, currency);
        auto *setOn =
            new QTableWidgetItem(missing ? tr("missing: its amounts are not converted")
                                         : QLocale().toString(rate->setOn, QLocale::ShortFormat));
        if (missing) {
            rateItem->setForeground(palette().placeholderText());
            setOn->setForeground(QColor(0xc6, 0x28, 0x28));
        }
        m_table->setItem(row, RateColumn, rateItem);
        m_table->setItem(row, SetOnColumn, setOn);
    }
}

Status MoneySettingsPage::save() const
{
    QSettings settings(m_settingsPath, QSettings::IniFormat);
    m_rates.write(settings);
    settings.sync();
    if (settings.status() != QSettings::NoError)
        return Failure{tr("the settings file %1 could not be written").arg(m_settingsPath)};
    return {};
}
