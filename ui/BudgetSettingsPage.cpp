#include "BudgetSettingsPage.h"

#include "SettingsFile.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {

// As high as anyone's plan goes, and then some.
constexpr int maxFigure = 1000000;

} // namespace

BudgetSettingsPage::BudgetSettingsPage(const QString &settingsPath, bool hostedServer,
                                       QWidget *parent)
    : QWidget(parent)
    , m_settingsPath(settingsPath)
    , m_plan(new QComboBox(this))
    , m_requests(new QSpinBox(this))
    , m_writes(new QSpinBox(this))
    , m_error(new QLabel(this))
    , m_lowered(new QLabel(this))
{
    const RequestBudget stored =
        RequestBudget::read(QSettings(settingsPath, QSettings::IniFormat), hostedServer);
    auto *intro = new QLabel(tr("What your API key may spend. The hosted API's plans limit "
                                "requests an hour and writes a day and do not say so: pick "
                                "yours. Before a bulk change takes more than a day of writes, "
                                "kashew says how long it takes to reach the server."),
                             this);
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);
    using Plan = RequestBudget::Plan;
    m_plan->addItem(tr("No limit"), static_cast<int>(Plan::Unlimited));
    m_plan->addItem(tr("Free"), static_cast<int>(Plan::Free));
    m_plan->addItem(tr("Largest"), static_cast<int>(Plan::Largest));
    m_plan->addItem(tr("Custom"), static_cast<int>(Plan::Custom));
    for (int index = 0; index < m_plan->count(); ++index)
        m_plan->setItemData(
            index,
            RequestBudget::forPlan(static_cast<Plan>(m_plan->itemData(index).toInt())).label(),
            Qt::ToolTipRole);
    for (QSpinBox *field : {m_requests, m_writes}) {
        field->setRange(0, maxFigure);
        field->setGroupSeparatorShown(true);
        field->setSpecialValueText(tr("No limit"));
    }
    m_requests->setValue(stored.requestsPerHour);
    m_writes->setValue(stored.writesPerDay);
    m_plan->setCurrentIndex(m_plan->findData(static_cast<int>(stored.plan)));
    connect(m_plan, &QComboBox::currentIndexChanged, this, &BudgetSettingsPage::showPlan);
    showPlan();

    auto *form = new QFormLayout;
    const auto addRow = [&](const QString &text, QWidget *field) {
        auto *label = new QLabel(text, this);
        label->setBuddy(field);
        form->addRow(label, field);
    };
    addRow(tr("&Plan:"), m_plan);
    addRow(tr("&Requests an hour:"), m_requests);
    addRow(tr("&Writes a day:"), m_writes);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->hide();
    m_lowered->setObjectName(QStringLiteral("budgetLowered"));
    m_lowered->setTextFormat(Qt::PlainText);
    m_lowered->setWordWrap(true);
    m_lowered->hide();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_lowered);
    layout->addWidget(m_error);
    layout->addStretch();
}

void BudgetSettingsPage::showPlan()
{
    const auto plan = static_cast<RequestBudget::Plan>(m_plan->currentData().toInt());
    const bool custom = plan == RequestBudget::Plan::Custom;
    if (!custom) {
        const RequestBudget figures = RequestBudget::forPlan(plan);
        m_requests->setValue(figures.requestsPerHour);
        m_writes->setValue(figures.writesPerDay);
    }
    m_requests->setEnabled(custom);
    m_writes->setEnabled(custom);
}

RequestBudget BudgetSettingsPage::budget() const
{
    const auto plan = static_cast<RequestBudget::Plan>(m_plan->currentData().toInt());
    if (plan != RequestBudget::Plan::Custom)
        return RequestBudget::forPlan(plan);
    RequestBudget budget = RequestBudget::forPlan(plan);
    budget.requestsPerHour = m_requests->value();
    budget.writesPerDay = m_writes->value();
    return budget;
}

bool BudgetSettingsPage::validate()
{
    for (QSpinBox *field : {m_requests, m_writes}) {
        if (field->hasAcceptableInput())
            continue;
        m_error->setText(tr("Enter a number from 0 (no limit) to %L1.").arg(maxFigure));
        m_error->show();
        field->setFocus();
        return false;
    }
    m_error->hide();
    return true;
}

void BudgetSettingsPage::setLowering(const QString &lowering)
{
    m_lowered->setText(tr("kashew keeps to less than this plan: %1. Pick another plan to end "
                          "that.")
                           .arg(lowering));
    m_lowered->setVisible(!lowering.isEmpty());
}

Status BudgetSettingsPage::save() const
{
    return SettingsFile::save(m_settingsPath,
                              [this](QSettings &settings) { budget().write(settings); });
}
