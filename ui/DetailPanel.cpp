#include "DetailPanel.h"

#include "Money.h"
#include "PersonAvatar.h"
#include "ServerText.h"
#include "Stage.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace {

// The Owner row's place among the fields (see the labels in the constructor).
constexpr int ownerRow = 6;

QLabel *plainLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText); // server data is never rich text
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

DetailPanel::DetailPanel(QWidget *parent)
    : QWidget(parent)
    , m_title(plainLabel(this))
    , m_status(plainLabel(this))
    , m_fields(new QFormLayout)
    , m_ownerAvatar(new QLabel(this))
    , m_history(new QScrollArea(this))
    , m_entries(new QVBoxLayout)
    , m_resolve(new QPushButton(tr("Resolve conflict…"), this))
    , m_discard(new QPushButton(tr("Discard my unsent changes"), this))
    , m_retry(new QPushButton(tr("Send again"), this))
{
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    const QStringList labels{tr("Account:"),     tr("Stage:"),    tr("Value:"),
                             tr("Probability:"), tr("Weighted:"), tr("Expected close:"),
                             tr("Owner:"),       tr("Archived:"), tr("Description:"),
                             tr("Created:"),     tr("Updated:")};
    m_ownerAvatar->setObjectName(QStringLiteral("ownerAvatar"));
    for (const QString &label : labels) {
        QLabel *value = plainLabel(this);
        if (m_values.size() == ownerRow) {
            auto *owner = new QHBoxLayout;
            owner->addWidget(m_ownerAvatar);
            owner->addWidget(value, 1);
            m_fields->addRow(label, owner);
        } else {
            m_fields->addRow(label, value);
        }
        m_values.append(value);
    }
    // One entry per update, when and who above what changed, wrapped to the panel's width (which
    // is narrow: a table's columns would leave the changes little room) and selectable for copying.
    auto *entries = new QWidget(m_history);
    m_entries->setContentsMargins(4, 4, 4, 4);
    m_entries->setSpacing(8);
    entries->setLayout(m_entries);
    m_history->setWidget(entries);
    m_history->setWidgetResizable(true);
    m_history->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_resolve->hide();
    connect(m_resolve, &QPushButton::clicked, this, &DetailPanel::resolveRequested);
    m_discard->hide();
    m_retry->hide();
    connect(m_retry, &QPushButton::clicked, this, &DetailPanel::retryRequested);
    connect(m_discard, &QPushButton::clicked, this, &DetailPanel::discardRequested);
    auto *edit = new QPushButton(tr("&Edit…"), this);
    connect(edit, &QPushButton::clicked, this, &DetailPanel::editRequested);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_status);
    auto *ways = new QHBoxLayout;
    ways->addWidget(m_resolve);
    ways->addWidget(m_retry);
    ways->addWidget(m_discard);
    ways->addStretch();
    layout->addLayout(ways);
    layout->addLayout(m_fields);
    layout->addWidget(edit, 0, Qt::AlignLeft);
    auto *historyTitle = new QLabel(tr("History"), this);
    QFont bold = historyTitle->font();
    bold.setBold(true);
    historyTitle->setFont(bold);
    layout->addWidget(historyTitle);
    layout->addWidget(m_history, 1);
    showRecord(std::nullopt, std::nullopt, PeopleBook());
}

void DetailPanel::showRecord(const std::optional<CachedOpportunity> &record,
                             const std::optional<QList<OpportunityUpdate>> &history,
                             const PeopleBook &people, const HistoryFormatter &names)
{
    while (QLayoutItem *item = m_entries->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const auto addEntry = [this](const QString &text) {
        QLabel *entry = plainLabel(m_history->widget());
        entry->setText(text);
        m_entries->addWidget(entry);
    };
    setEnabled(record.has_value());
    if (!record) {
        m_id.clear();
        m_title->setText(tr("No opportunity selected"));
        m_status->clear();
        for (QLabel *value : std::as_const(m_values))
            value->clear();
        m_values.at(ownerRow)->setToolTip(QString());
        m_ownerAvatar->clear();
        m_ownerAvatar->hide();
        m_resolve->hide();
        m_discard->hide();
        m_retry->hide();
        return;
    }
    const Opportunity &o = record->opportunity;
    m_id = o.id;
    const QString ownerName = people.displayName(o.ownerId);
    m_title->setText(o.name);
    switch (record->state) {
    case SyncState::Synced:
        m_status->setText(tr("Saved on the server."));
        break;
    case SyncState::Pending:
        m_status->setText(tr("Saved here; waiting to be sent to the server."));
        break;
    case SyncState::Failed:
        m_status->setText(
            tr("Not accepted by the server: %1").arg(ServerText::isolated(record->syncError)));
        break;
    case SyncState::Conflict:
        m_status->setText(tr("Conflict: %1").arg(ServerText::isolated(record->syncError)));
        break;
    }
    m_resolve->setVisible(record->state == SyncState::Conflict);
    m_discard->setVisible(record->state != SyncState::Synced);
    m_retry->setVisible(record->state == SyncState::Failed);
    const QStringList values{
        o.accountName.isEmpty() ? tr("—") : o.accountName,
        Stages::label(o.stage) + QStringLiteral(" — ") + Stages::description(o.stage),
        formatMoney(o.value, o.currency),
        QLocale().toString(o.probability) + QLatin1Char('%'),
        formatMoney(o.weightedValue(), o.currency),
        o.expectedCloseDate.isValid() ? QLocale().toString(o.expectedCloseDate, QLocale::LongFormat)
                                      : tr("None"),
        ownerName.isEmpty() ? tr("—") : ownerName,
        o.isArchived ? tr("Yes") : tr("No"),
        o.description.isEmpty() ? tr("—") : o.description,
        o.createdAt.isValid() ? QLocale().toString(o.createdAt.toLocalTime(), QLocale::ShortFormat)
                              : tr("—"),
        o.updatedAt.isValid() ? QLocale().toString(o.updatedAt.toLocalTime(), QLocale::ShortFormat)
                              : tr("—"),
    };
    for (int i = 0; i < m_values.size(); ++i)
        m_values.at(i)->setText(values.at(i));
    // The name may be shortened or shared: the full id on hover, as text (tooltips render markup).
    m_values.at(ownerRow)->setToolTip(
        o.ownerId.isEmpty() ? QString()
                            : QStringLiteral("<p>") + people.nameWithId(o.ownerId).toHtmlEscaped() +
                                  QStringLiteral("</p>"));
    const int side = fontMetrics().height() + 4;
    m_ownerAvatar->setPixmap(
        PersonAvatar::icon(people, o.ownerId, side).pixmap(QSize(side, side), devicePixelRatioF()));
    m_ownerAvatar->setVisible(!o.ownerId.isEmpty());
    if (!history) {
        addEntry(tr("History not fetched yet: it is fetched when you open a record online, then "
                    "kept for offline reading."));
        m_entries->addStretch();
        return;
    }
    if (history->isEmpty())
        addEntry(tr("No changes since it was created."));
    for (const QString &entry : names.entries(*history, o.currency))
        addEntry(entry);
    m_entries->addStretch();
}

QStringList DetailPanel::shownTexts() const
{
    QStringList texts{m_title->text(), m_status->text()};
    for (const QLabel *value : m_values)
        texts.append(value->text());
    for (const QLabel *entry : m_history->widget()->findChildren<QLabel *>())
        texts.append(entry->text());
    return texts;
}

QStringList DetailPanel::historyTexts() const
{
    QStringList texts;
    for (int i = 0; i < m_entries->count(); ++i) {
        if (const auto *entry = qobject_cast<QLabel *>(m_entries->itemAt(i)->widget()))
            texts.append(entry->text());
    }
    return texts;
}
