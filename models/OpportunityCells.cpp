#include "OpportunityCells.h"

#include "Money.h"
#include "MoneySortKey.h"
#include "OpportunityListModel.h"

#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

QVariant OpportunityCells::display(int row, int column) const
{
    const Opportunity &o = m_model.rowAt(row).opportunity;
    switch (column) {
    case OpportunityListModel::Name:
        return o.name;
    case OpportunityListModel::Account:
        return o.accountName;
    case OpportunityListModel::StageColumn:
        return Stages::label(o.stage);
    case OpportunityListModel::Value:
        return formatMoney(o.value, o.currency);
    case OpportunityListModel::Probability:
        return QString(QLocale().toString(o.probability) + QLatin1Char('%'));
    case OpportunityListModel::Weighted:
        return formatMoney(o.weightedValue(), o.currency);
    case OpportunityListModel::CloseDate:
        return o.expectedCloseDate.isValid()
                   ? QLocale().toString(o.expectedCloseDate, QLocale::ShortFormat)
                   : QString();
    case OpportunityListModel::Owner:
        return m_model.ownerName(o.ownerId);
    case OpportunityListModel::Updated:
        return o.updatedAt.isValid()
                   ? QLocale().toString(o.updatedAt.toLocalTime(), QLocale::ShortFormat)
                   : QString();
    case OpportunityListModel::StaleColumn:
        if (!m_model.isStaleAt(row))
            return QString();
        return OpportunityListModel::tr("%n day(s)", nullptr,
                                        m_model.daysWithoutChange(row).value_or(0));
    }
    return {};
}

QVariant OpportunityCells::toolTip(int row, int column) const
{
    const OpportunityRow &record = m_model.rowAt(row);
    const Opportunity &o = record.opportunity;
    switch (column) {
    case OpportunityListModel::Name:
        // Tool tips render markup: server text goes in escaped, to be shown as it is. A sync
        // message matters more than staleness, so it wins.
        if (record.state != SyncState::Synced)
            return QString(QStringLiteral("<p>") +
                           (record.syncError.isEmpty()
                                ? OpportunityListModel::tr("Waiting to be sent to the server")
                                : record.syncError.toHtmlEscaped()) +
                           QStringLiteral("</p>"));
        [[fallthrough]];
    case OpportunityListModel::StaleColumn:
        if (m_model.isStaleAt(row))
            return noChangeFor(m_model.daysWithoutChange(row).value_or(0));
        return {};
    case OpportunityListModel::CloseDate:
        if (m_model.isOverdue(o))
            return OpportunityListModel::tr("Overdue: the expected close date has passed");
        return {};
    case OpportunityListModel::Owner:
        // The cell may show a shortened id or a name two people share: the full id tells them.
        if (!o.ownerId.isEmpty())
            return QString(QStringLiteral("<p>") +
                           m_model.people().nameWithId(o.ownerId).toHtmlEscaped() +
                           QStringLiteral("</p>"));
        return {};
    }
    return {};
}

QVariant OpportunityCells::foreground(int row, int column) const
{
    if (column == OpportunityListModel::CloseDate &&
        m_model.isOverdue(m_model.rowAt(row).opportunity))
        return QColor(0xc6, 0x28, 0x28);
    if (column == OpportunityListModel::StaleColumn && m_model.isStaleAt(row))
        return staleColour();
    return {};
}

QVariant OpportunityCells::decoration(int row, int column) const
{
    // A sync marker before the name: amber pending, red failed, violet conflict.
    if (column != OpportunityListModel::Name)
        return {};
    switch (m_model.rowAt(row).state) {
    case SyncState::Synced:
        return {};
    case SyncState::Pending:
        return QColor(0xf5, 0x9e, 0x0b);
    case SyncState::Failed:
        return QColor(0xdc, 0x26, 0x26);
    case SyncState::Conflict:
        return QColor(0x7c, 0x3a, 0xed);
    }
    return {};
}

QVariant OpportunityCells::alignment(int column)
{
    if (column == OpportunityListModel::Value || column == OpportunityListModel::Probability ||
        column == OpportunityListModel::Weighted)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant OpportunityCells::sortKey(int row, int column) const
{
    const Opportunity &o = m_model.rowAt(row).opportunity;
    switch (column) {
    case OpportunityListModel::Name:
        return m_model.foldedNameAt(row).toString();
    case OpportunityListModel::Account:
        return o.accountName.toCaseFolded();
    case OpportunityListModel::StageColumn:
        return static_cast<int>(o.stage);
    case OpportunityListModel::Value:
        // Converted by the user's rates (ratesChanged tells when they change).
        return QVariant::fromValue(MoneySortKey::of(o.value, o.currency, m_model.rates()));
    case OpportunityListModel::Probability:
        return o.probability;
    case OpportunityListModel::Weighted:
        return QVariant::fromValue(
            MoneySortKey::of(o.weightedValue(), o.currency, m_model.rates()));
    case OpportunityListModel::CloseDate:
        // No date sorts after every date.
        return o.expectedCloseDate.isValid() ? o.expectedCloseDate.toJulianDay()
                                             : std::numeric_limits<qint64>::max();
    case OpportunityListModel::Owner:
        return m_model.ownerName(o.ownerId).toCaseFolded();
    case OpportunityListModel::Updated:
        return o.updatedAt.toMSecsSinceEpoch();
    case OpportunityListModel::StaleColumn:
        // Stale deals by their days without a change; the others before them, as none.
        return m_model.isStaleAt(row) ? m_model.daysWithoutChange(row).value_or(0) : -1;
    }
    return {};
}

QString OpportunityCells::noChangeFor(int days)
{
    return OpportunityListModel::tr("No change for %n day(s)", nullptr, days);
}

QColor OpportunityCells::staleColour()
{
    // The model has no widget to ask: the application's palette says whether text sits on a
    // dark base (none without a GUI application: the light one).
    const auto *app = qobject_cast<QGuiApplication *>(QCoreApplication::instance());
    return staleColourOn(app ? QGuiApplication::palette().color(QPalette::Base)
                             : QColor(Qt::white));
}

QColor OpportunityCells::staleColourOn(const QColor &background)
{
    return background.lightnessF() < 0.5 ? QColor(0xff, 0xb3, 0x40) : QColor(0x9a, 0x52, 0x00);
}
