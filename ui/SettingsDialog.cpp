#include "SettingsDialog.h"

#include "ApiClient.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

SettingsDialog::SettingsDialog(const Values &values, QWidget *parent)
    : QDialog(parent)
    , m_url(new QLineEdit(values.serverUrl.toString(), this))
    , m_key(new QLineEdit(values.apiKey, this))
    , m_minutes(new QSpinBox(this))
    , m_result(new QLabel(this))
{
    setWindowTitle(tr("Settings"));
    setMinimumWidth(480);
    m_url->setPlaceholderText(QStringLiteral("https://kashew.ai/api/v1"));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setPlaceholderText(QStringLiteral("kshw_…"));
    m_key->setToolTip(tr("Kept in the system keychain, never in a settings file"));
    m_minutes->setRange(0, 24 * 60);
    m_minutes->setSuffix(tr(" min"));
    m_minutes->setSpecialValueText(tr("Only on demand (F5)"));
    m_minutes->setValue(values.syncMinutes);
    m_result->setTextFormat(Qt::PlainText);
    m_result->setWordWrap(true);
    auto *test = new QPushButton(tr("&Test connection"), this);
    connect(test, &QPushButton::clicked, this, &SettingsDialog::testConnection);

    auto *form = new QFormLayout;
    form->addRow(tr("&Server:"), m_url);
    form->addRow(tr("API &key:"), m_key);
    form->addRow(tr("S&ync every:"), m_minutes);
    form->addRow(test, m_result);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

SettingsDialog::Values SettingsDialog::values() const
{
    return {QUrl(m_url->text().trimmed()), m_key->text().trimmed(), m_minutes->value()};
}

void SettingsDialog::testConnection()
{
    m_result->setText(tr("Asking the server…"));
    auto *client = new ApiClient(this);
    ApiClient::Settings settings;
    settings.baseUrl = QUrl(m_url->text().trimmed());
    settings.apiKey = m_key->text().trimmed();
    settings.maxRetries = 0;
    settings.transferTimeoutMs = 10000;
    client->setSettings(settings);
    ApiClient::OpportunityFilter filter;
    filter.pageSize = 1;
    client->listOpportunities(filter, [this, client](const ApiError &error,
                                                     const ApiClient::OpportunityPage &page) {
        if (error.ok())
            m_result->setText(page.totalCount ? tr("Connected: %n opportunity(ies) on the server.",
                                                   nullptr, static_cast<int>(*page.totalCount))
                                              : tr("Connected."));
        else if (error.kind == ApiError::Kind::Unauthorized)
            m_result->setText(tr("The server refused the key: %1").arg(error.message));
        else
            m_result->setText(tr("No connection: %1").arg(error.message));
        client->deleteLater();
    });
}
