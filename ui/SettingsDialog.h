#pragma once

#include <QDialog>
#include <QUrl>

class QLabel;
class QLineEdit;
class QSpinBox;

// Server URL, API key (kept by the caller in the system keychain, never in settings files) and
// sync interval, with a button that asks the server and reports what it said.
class SettingsDialog final : public QDialog
{
    Q_OBJECT

public:
    struct Values
    {
        QUrl serverUrl;
        QString apiKey;
        int syncMinutes = 15;
    };

    explicit SettingsDialog(const Values &values, QWidget *parent = nullptr);
    Values values() const;
    QLabel *testResult() const { return m_result; }

private:
    void testConnection();

    QLineEdit *m_url = nullptr;
    QLineEdit *m_key = nullptr;
    QSpinBox *m_minutes = nullptr;
    QLabel *m_result = nullptr;
};
