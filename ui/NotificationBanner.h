#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

// A problem shown without blocking: a sentence above the window's content with the ways on
// (try again, open the settings) and a dismiss button. The sentence is often the server's own
// words, so it is shown as plain text.
class NotificationBanner final : public QWidget
{
    Q_OBJECT

public:
    explicit NotificationBanner(QWidget *parent = nullptr);

    // Shows `message`, with the Retry and Settings buttons where they help.
    void showMessage(const QString &message, bool offerRetry, bool offerSettings);
    // The sentence shown; empty while the banner is hidden.
    QString text() const;

signals:
    // Retry was pressed (the banner hides itself first).
    void retryRequested();
    void settingsRequested();

private:
    QLabel *m_text = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_settings = nullptr;
};
