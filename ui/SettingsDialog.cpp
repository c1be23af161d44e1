#include "SettingsDialog.h"

#include "ApiClient.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

SettingsDialog::SettingsDialog(const Values &values, QWidget *parent)
    : QDialog(parent)
    , m_url(new QLineEdit(values.serverUrl.toString(), this))
    , m_key(new QLineEdit(values.apiKey, this))
    , m_minutes(new QSpinBox(this))
    , m_result(new QLabel(this))
    , m_pages(new QTabWidget(this))
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

    auto *connection = new QWidget(this);
    auto *form = new QFormLayout(connection);
    form->addRow(tr("&Server:"), m_url);
    form->addRow(tr("API &key:"), m_key);
    form->addRow(tr("S&ync every:"), m_minutes);
    form->addRow(test, m_result);
    // What a deal's probability becomes as it enters each open stage (the closed stages set
    // 100 % and 0 % by rule).
    auto *stagesPage = new QWidget(this);
    auto *stages = new QGroupBox(tr("Probability proposed for each stage"), stagesPage);
    auto *stageForm = new QFormLayout(stages);
    for (Stage stage : Stages::all()) {
        if (StageProbabilities::implied(stage))
            continue;
        auto *field = new QSpinBox(stages);
        field->setRange(0, 100);
        field->setSuffix(QStringLiteral(" %"));
        field->setValue(values.stageProbabilities.proposed(stage));
        field->setToolTip(Stages::description(stage));
        m_probabilities.insert(stage, field);
        auto *label = new QLabel(Stages::label(stage) + QLatin1Char(':'), stages);
        label->setTextFormat(Qt::PlainText);
        label->setBuddy(field);
        stageForm->addRow(label, field);
    }
    auto *closed = new QLabel(tr("Closed won sets 100 %, closed lost 0 %."), stages);
    closed->setTextFormat(Qt::PlainText);
    stageForm->addRow(closed);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *stagesLayout = new QVBoxLayout(stagesPage);
    stagesLayout->addWidget(stages);
    stagesLayout->addStretch();
    m_pages->addTab(connection, tr("Co&nnection"));
    m_pages->addTab(stagesPage, tr("S&tages"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
    layout->addWidget(buttons);
}

SettingsDialog::Values SettingsDialog::values() const
{
    Values values{QUrl(m_url->text().trimmed()), m_key->text().trimmed(), m_minutes->value(), {}};
    for (auto it = m_probabilities.cbegin(); it != m_probabilities.cend(); ++it)
        values.stageProbabilities.setProposed(it.key(), it.value()->value());
    return values;
}

void SettingsDialog::addPage(QWidget *page, const QString &title, std::function<bool()> acceptable)
{
    page->setParent(m_pages);
    m_pages->addTab(page, title);
    if (acceptable)
        m_acceptable.append({page, std::move(acceptable)});
}

void SettingsDialog::accept()
{
    for (const auto &[page, acceptable] : std::as_const(m_acceptable)) {
        if (!acceptable()) {
            m_pages->setCurrentWidget(page);
            return;
        }
    }
    QDialog::accept();
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
    client->listOpportunities(
        {}, {1, 1}, [this, client](const ApiError &error, const ApiClient::OpportunityPage &page) {
            if (error.ok())
                m_result->setText(page.totalCount
                                      ? tr("Connected: %n opportunity(ies) on the server.", nullptr,
                                           static_cast<int>(*page.totalCount))
                                      : tr("Connected."));
            else if (error.kind == ApiError::Kind::Unauthorized)
                m_result->setText(tr("The server refused the key: %1").arg(error.message));
            else
                m_result->setText(tr("No connection: %1").arg(error.message));
            client->deleteLater();
        });
}
