#pragma once

#include "OpportunityUpdate.h"

#include <QCoreApplication>
#include <QStringList>
#include <functional>

// An updates history in the rep's words: account and owner names instead of ids, amounts and
// dates as the list shows them, stage labels, and the creation as one sentence. Everything the
// server sent is bidi-isolated (ServerText), to be shown as plain text.
class HistoryFormatter final
{
    Q_DECLARE_TR_FUNCTIONS(HistoryFormatter)

public:
    // A name for an id; empty when not known (the id is shown then).
    using Lookup = std::function<QString(const QString &id)>;

    explicit HistoryFormatter(Lookup accountName = {}, Lookup ownerName = {});

    // One text per update, in the order given (newest first): when and who, then a line per
    // change. `currency` is the record's currency now: amounts are told in the currency they had
    // then, found by going back through the currency changes from it.
    QStringList entries(const QList<OpportunityUpdate> &history, const QString &currency) const;

private:
    QString entry(const OpportunityUpdate &update, const QString &currencyBefore,
                  const QString &currencyAfter) const;
    QString creation(const OpportunityUpdate &update, const QString &currency) const;
    QString changeLine(const OpportunityUpdate &update, const FieldChange &change,
                       const QString &currencyBefore, const QString &currencyAfter) const;
    QString value(const QString &field, const QJsonValue &json, const QString &currency) const;
    QString account(const QString &id) const;
    QString owner(const QString &id) const;

    Lookup m_accountName;
    Lookup m_ownerName;
};
