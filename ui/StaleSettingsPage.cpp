#include "StaleSettingsPage.h"

#include "SettingsFile.h"

#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {

// As many days as StaleRule keeps (ten years).
constexpr int maxDays = 3650;

} // namespace

StaleSettingsPage::StaleSettingsPage(const QString &settingsPath, QWidget *parent)
    : QWidget(parent)
    , m_settingsPath(settingsPath)
    , m_error(new QLabel(this))
{
    const StaleRule rule = StaleRule::read(QSettings(settingsPath, QSettings::IniFormat));
    auto *intro = new QLabel(tr("An open deal goes stale when it has had no change for this many "
                                "days; the list and the board mark it, and the filter bar's "
                                "\"Stale\" button shows only such deals."),
                             this);
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    for (Stage stage : Stages::all()) {
        if (Stages::isClosed(stage))
            continue;
        auto *field = new QSpinBox(this);
        field->setRange(0, maxDays);
        field->setSpecialValueText(tr("Never"));
        // "1 day", "14 days": the suffix follows the number.
        const auto suffix = [field](int days) {
            field->setSuffix(tr(" day(s)", "after a number of days", days));
        };
        connect(field, &QSpinBox::valueChanged, field, suffix);
        field->setValue(rule.days(stage).value_or(0));
        suffix(field->value());
        field->setToolTip(
            tr("Days without a change before a deal in %1 is stale; 0: never (built in: %2)")
                .arg(Stages::label(stage))
                .arg(StaleRule::builtIn(stage)));
        m_days.insert(stage, field);
        auto *label = new QLabel(Stages::label(stage) + QLatin1Char(':'), this);
        label->setTextFormat(Qt::PlainText);
        label->setBuddy(field);
        form->addRow(label, field);
    }
    auto *closed = new QLabel(tr("Closed won and closed lost deals never go stale."), this);
    closed->setTextFormat(Qt::PlainText);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->hide();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(closed);
    layout->addWidget(m_error);
    layout->addStretch();
}

StaleRule StaleSettingsPage::rule() const
{
    StaleRule rule;
    for (auto it = m_days.cbegin(); it != m_days.cend(); ++it)
        rule.setDays(it.key(), it.value()->value());
    return rule;
}

bool StaleSettingsPage::validate()
{
    for (Stage stage : Stages::all()) {
        QSpinBox *field = m_days.value(stage);
        if (!field || field->hasAcceptableInput())
            continue;
        m_error->setText(tr("%1: enter a number of days from 0 (never) to %2.")
                             .arg(Stages::label(stage))
                             .arg(maxDays));
        m_error->show();
        field->setFocus();
        return false;
    }
    m_error->hide();
    return true;
}

Status StaleSettingsPage::save() const
{
    return SettingsFile::save(m_settingsPath,
                              [this](QSettings &settings) { rule().write(settings); });
}
