#include "NotificationBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

NotificationBanner::NotificationBanner(QWidget *parent)
    : QWidget(parent)
    , m_text(new QLabel(this))
    , m_retry(new QPushButton(tr("Retry"), this))
    , m_settings(new QPushButton(tr("Open settings…"), this))
{
    setObjectName(QStringLiteral("banner"));
    // A QWidget subclass paints a style sheet's background only when asked to.
    setAttribute(Qt::WA_StyledBackground, true);
    setStyleSheet(
        QStringLiteral("#banner { background: #fff4e5; border-bottom: 1px solid #f0c36d; }"));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    auto *dismiss = new QPushButton(tr("Dismiss"), this);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_retry);
    layout->addWidget(m_settings);
    layout->addWidget(dismiss);
    hide();
    connect(m_retry, &QPushButton::clicked, this, [this] {
        hide();
        emit retryRequested();
    });
    connect(m_settings, &QPushButton::clicked, this, &NotificationBanner::settingsRequested);
    connect(dismiss, &QPushButton::clicked, this, &QWidget::hide);
}

void NotificationBanner::showMessage(const QString &message, bool offerRetry, bool offerSettings)
{
    m_text->setText(message);
    m_retry->setVisible(offerRetry);
    m_settings->setVisible(offerSettings);
    show();
}

QString NotificationBanner::text() const
{
    return isHidden() ? QString() : m_text->text();
}
