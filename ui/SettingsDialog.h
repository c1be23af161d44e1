#pragma once

#include "StageProbabilities.h"

#include <QDialog>
#include <QHash>
#include <QUrl>

class QLabel;
class QLineEdit;
class QSpinBox;

// Server URL, API key (kept by the caller in the system keychain, never in settings files) and
// sync interval, with a button that asks the server and reports what it said; and the probability
// each open stage proposes for a deal.
class SettingsDialog final : public QDialog
{
    Q_OBJECT

public:
    struct Values
    {
        QUrl serverUrl;
        QString apiKey;
        int syncMinutes = 15;
        StageProbabilities stageProbabilities;
    };

    explicit SettingsDialog(const Values &values, QWidget *parent = nullptr);
    Values values() const;
    QLabel *testResult() const { return m_result; }
    // The figure an open stage proposes; none for a closed stage (its rule is fixed).
    QSpinBox *probabilityField(Stage stage) const { return m_probabilities.value(stage); }

private:
    void testConnection();

    QLineEdit *m_url = nullptr;
    QLineEdit *m_key = nullptr;
    QSpinBox *m_minutes = nullptr;
    QLabel *m_result = nullptr;
    QHash<Stage, QSpinBox *> m_probabilities;
};
