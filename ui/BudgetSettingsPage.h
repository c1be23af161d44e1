#pragma once

#include "RequestBudget.h"
#include "Result.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QSpinBox;

// The settings page of the request budget: the plan of the API key (No limit, Free, Largest, or
// Custom with figures of one's own), which the hosted API does not tell. A bulk change asks
// first when its writes take more than a day of it. It reads the profile's settings when made
// and writes them only on save(), after the dialog was accepted.
class BudgetSettingsPage final : public QWidget
{
    Q_OBJECT

public:
    // `hostedServer`: the profile's server is the hosted API (free plan until the user picks).
    BudgetSettingsPage(const QString &settingsPath, bool hostedServer, QWidget *parent = nullptr);

    // The budget as entered so far.
    RequestBudget budget() const;
    // False, with the error shown, while a figure holds no number: the dialog stays open.
    bool validate();
    // Writes the budget to the settings file.
    Status save() const;
    // Says that kashew keeps to less than the plan, as the server showed ("lowered to 60 an hour
    // after the server refused the 61st"); empty: nothing is said.
    void setLowering(const QString &lowering);

    QComboBox *planField() const { return m_plan; }
    QSpinBox *requestsField() const { return m_requests; }
    QSpinBox *writesField() const { return m_writes; }
    QLabel *errorLabel() const { return m_error; }

private:
    // A named plan shows its figures, read-only; Custom lets them be typed, from where they were.
    void showPlan();

    QString m_settingsPath;
    QComboBox *m_plan = nullptr;
    QSpinBox *m_requests = nullptr;
    QSpinBox *m_writes = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_lowered = nullptr;
};
