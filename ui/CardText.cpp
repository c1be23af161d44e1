#include "CardText.h"

#include "ItemRoles.h"
#include "LocalDays.h"
#include "Money.h"
#include "Opportunity.h"
#include "OpportunityListModel.h"

#include <QAbstractProxyModel>
#include <QLocale>
#include <QRegularExpression>
#include <algorithm>

namespace {

// The words of `o` that need no model to work out.
void fillFrom(const Opportunity &o, CardText &text)
{
    text.title = CardText::titleOf(o.name, o.accountName);
    text.account = o.accountName;
    text.ownerId = o.ownerId;
    text.amount = formatMoney(o.value, o.currency);
    text.probability = QLocale().toString(o.probability) + QLatin1Char('%');
    text.closeDate = o.expectedCloseDate;
}

} // namespace

CardText CardText::of(const QModelIndex &index)
{
    return of(index, true);
}

CardText CardText::forPainting(const QModelIndex &index)
{
    return of(index, false);
}

CardText CardText::of(const QModelIndex &index, bool withToolTip)
{
    // The source model knows the people, so the card names them as the list does.
    QModelIndex source = index;
    while (const auto *proxy = qobject_cast<const QAbstractProxyModel *>(source.model()))
        source = proxy->mapToSource(source);
    const auto *model = qobject_cast<const OpportunityListModel *>(source.model());
    CardText text;
    if (!model || !source.isValid()) {
        // Not over the opportunity model: what the index says, with no one named.
        static const PeopleBook nobody;
        const Opportunity o = index.data(ItemRoles::OpportunityRole).value<Opportunity>();
        fillFrom(o, text);
        text.owner = nobody.displayName(o.ownerId);
        text.ownerInitials = nobody.initials(o.ownerId);
        if (withToolTip)
            text.ownerInFull = nobody.nameWithId(o.ownerId);
        text.overdue = index.data(ItemRoles::OverdueRole).toBool();
        if (index.data(ItemRoles::StaleRole).toBool())
            text.staleDays = index.data(ItemRoles::DaysWithoutChangeRole).toInt();
        return text;
    }
    // The row itself, not a copy of the record in a QVariant per field.
    const int row = source.row();
    const Opportunity &o = model->rowAt(row).opportunity;
    const PeopleBook &people = model->people();
    fillFrom(o, text);
    text.owner = people.displayName(o.ownerId);
    text.ownerInitials = people.initials(o.ownerId);
    if (withToolTip)
        text.ownerInFull = people.nameWithId(o.ownerId);
    text.overdue = model->isOverdue(o);
    if (model->isStaleAt(row)) {
        // The model's DaysWithoutChangeRole, from the day remembered rather than converted.
        text.staleDays =
            LocalDays::shared().daysTo(model->updatedMsAt(row), model->today()).value_or(0);
    }
    return text;
}

QString CardText::titleOf(const QString &name, const QString &accountName)
{
    if (accountName.isEmpty())
        return name;
    // The leading part can only be the account's if their first letters agree (as startsWith
    // folds them below): most names end here, before the pattern runs for every card painted.
    const auto first =
        std::find_if(name.cbegin(), name.cend(), [](QChar c) { return !c.isSpace(); });
    if (first == name.cend())
        return name;
    const QChar lead0 = *first;
    const QChar account0 = accountName.front();
    if (!lead0.isSurrogate() && !account0.isSurrogate() &&
        lead0.toCaseFolded() != account0.toCaseFolded())
        return name;
    // A dash between words: em, en, figure dash, bar or minus sign; a hyphen only with spaces
    // around it ("Coca-Cola" is one word).
    static const QRegularExpression dash(
        QStringLiteral("\\s*[\\x{2012}-\\x{2015}\\x{2212}]\\s*|\\s+-\\s+"));
    const QRegularExpressionMatch match = dash.match(name);
    if (!match.hasMatch())
        return name;
    const QString lead = name.left(match.capturedStart()).trimmed();
    const QString rest = name.mid(match.capturedEnd()).trimmed();
    if (lead.isEmpty() || rest.isEmpty() || !accountName.startsWith(lead, Qt::CaseInsensitive))
        return name;
    // Whole words: "Acme" leads "Acme Corp", not "Acmeco".
    if (accountName.size() > lead.size() && accountName.at(lead.size()).isLetterOrNumber())
        return name;
    return rest;
}
