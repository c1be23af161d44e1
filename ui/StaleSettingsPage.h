#pragma once

#include "Result.h"
#include "StaleRule.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QSpinBox;

// The settings page of stale deals: per open stage, the days a deal may go without a change
// before the list and the board mark it stale (0: never). Closed stages never go stale. It reads
// the profile's settings when made and writes them only on save(), after the dialog was accepted.
class StaleSettingsPage final : public QWidget
{
    Q_OBJECT

public:
    explicit StaleSettingsPage(const QString &settingsPath, QWidget *parent = nullptr);

    // The rule as entered so far.
    StaleRule rule() const;
    // False, with the error shown, while a field holds no number of days: the dialog stays open.
    bool validate();
    // Writes the days to the settings file.
    Status save() const;

    // The days of an open stage; none for a closed one.
    QSpinBox *daysField(Stage stage) const { return m_days.value(stage); }
    // Why the input was refused; hidden when it was not.
    QLabel *errorLabel() const { return m_error; }

private:
    QString m_settingsPath;
    QHash<Stage, QSpinBox *> m_days;
    QLabel *m_error = nullptr;
};
