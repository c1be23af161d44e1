#pragma once

#include "StageProbabilities.h"

#include <QDialog>
#include <QHash>
#include <QUrl>
#include <functional>

class QLabel;
class QLineEdit;
class QSpinBox;
class QTabWidget;

// Server URL, API key (kept by the caller in the system keychain, never in settings files) and
// sync interval, with a button that asks the server and reports what it said; the probability
// each open stage proposes for a deal; and pages the caller adds (people, money), one tab each.
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
    // A page of its own (people, money): it reads its settings when made and saves them when
    // the caller tells it to, after the dialog was accepted. The dialog takes it over.
    // `acceptable`, when given, is asked before the dialog is accepted: false keeps it open on
    // that page, which shows why.
    void addPage(QWidget *page, const QString &title, std::function<bool()> acceptable = {});
    void accept() override;
    QTabWidget *pages() const { return m_pages; }
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
    QTabWidget *m_pages = nullptr;
    QList<QPair<QWidget *, std::function<bool()>>> m_acceptable;
};
