#include "ForecastOptionsBar.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QPushButton>

namespace {

constexpr int fewestMonths = 6;
constexpr int mostMonths = 12;

} // namespace

ForecastOptionsBar::ForecastOptionsBar(QWidget *parent)
    : QWidget(parent)
    , m_months(new QComboBox(this))
    , m_grouping(new QComboBox(this))
    , m_weighted(new QCheckBox(tr("&Weighted"), this))
    , m_currency(new QComboBox(this))
    , m_save(new QPushButton(tr("Save as PNG…"), this))
    , m_copy(new QPushButton(tr("Copy figures"), this))
{
    for (int months = fewestMonths; months <= mostMonths; ++months)
        m_months->addItem(tr("%n month(s)", nullptr, months), months);
    m_months->setToolTip(tr("How many months from this one on the forecast shows"));
    m_grouping->addItem(tr("By stage"), int(ForecastGrouping::Stage));
    m_grouping->addItem(tr("By owner"), int(ForecastGrouping::Owner));
    m_weighted->setToolTip(tr("Each deal's value times its stage's probability"));
    m_currency->setToolTip(tr("The currency of the figures; deals in another currency are "
                              "converted with the rates in Settings ▸ Money"));
    // As wide as "USD (base)", not as its longest entry: at 1024 pixels the German bar otherwise
    // set the window's minimum width past the screen. The list opens as wide as its entries.
    m_currency->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_currency->setMinimumContentsLength(10);
    setCurrencies({}, QString());
    m_copy->setToolTip(tr("Copies the figures of both charts as CSV, for a spreadsheet"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_months);
    layout->addWidget(m_grouping);
    layout->addWidget(m_weighted);
    layout->addWidget(m_currency);
    layout->addStretch();
    layout->addWidget(m_save);
    layout->addWidget(m_copy);

    connect(m_months, &QComboBox::currentIndexChanged, this, &ForecastOptionsBar::optionsChanged);
    connect(m_grouping, &QComboBox::currentIndexChanged, this, &ForecastOptionsBar::optionsChanged);
    connect(m_weighted, &QCheckBox::toggled, this, &ForecastOptionsBar::optionsChanged);
    connect(m_currency, &QComboBox::currentIndexChanged, this, &ForecastOptionsBar::optionsChanged);
    connect(m_save, &QPushButton::clicked, this, &ForecastOptionsBar::saveRequested);
    connect(m_copy, &QPushButton::clicked, this, &ForecastOptionsBar::copyRequested);
}

ForecastOptions ForecastOptionsBar::options() const
{
    ForecastOptions options;
    options.months = m_months->currentData().toInt();
    options.grouping = ForecastGrouping(m_grouping->currentData().toInt());
    options.weighted = m_weighted->isChecked();
    options.currency = m_currency->currentData().toString();
    return options;
}

void ForecastOptionsBar::setCurrencies(const QStringList &currencies, const QString &baseCurrency)
{
    const QString chosen = m_currency->currentData().toString();
    {
        // Refilling is no choice of the user's: only a lost choice is news (below).
        const QSignalBlocker blocker(m_currency);
        m_currency->clear();
        // The first entry stands for "the base currency", whichever it is: an empty code,
        // so that a new base in the settings is followed without a change here.
        m_currency->addItem(baseCurrency.isEmpty() ? tr("Most common currency")
                                                   : tr("%1 (base)").arg(baseCurrency),
                            QString());
        for (const QString &currency : currencies) {
            if (currency != baseCurrency && !currency.isEmpty())
                m_currency->addItem(currency, currency);
        }
        const int index = m_currency->findData(chosen);
        m_currency->setCurrentIndex(std::max(0, index));
    }
    m_currency->view()->setMinimumWidth(m_currency->view()->sizeHintForColumn(0) +
                                        m_currency->view()->frameWidth() * 2);
    if (m_currency->currentData().toString() != chosen)
        emit optionsChanged();
}
