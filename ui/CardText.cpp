#include "CardText.h"

#include "ItemRoles.h"
#include "Opportunity.h"
#include "OpportunityListModel.h"

#include <QAbstractProxyModel>
#include <QRegularExpression>

CardText CardText::of(const QModelIndex &index)
{
    const Opportunity o = index.data(ItemRoles::OpportunityRole).value<Opportunity>();
    // The source model knows the people, so the card names them as the list does.
    QModelIndex source = index;
    while (const auto *proxy = qobject_cast<const QAbstractProxyModel *>(source.model()))
        source = proxy->mapToSource(source);
    const auto *model = qobject_cast<const OpportunityListModel *>(source.model());
    static const PeopleBook nobody;
    const PeopleBook &people = model ? model->people() : nobody;
    CardText text;
    text.title = titleOf(o.name, o.accountName);
    text.account = o.accountName;
    text.ownerId = o.ownerId;
    text.owner = people.displayName(o.ownerId);
    text.ownerInitials = people.initials(o.ownerId);
    text.ownerInFull = people.nameWithId(o.ownerId);
    if (index.data(ItemRoles::StaleRole).toBool())
        text.staleDays = index.data(ItemRoles::DaysWithoutChangeRole).toInt();
    return text;
}

QString CardText::titleOf(const QString &name, const QString &accountName)
{
    if (accountName.isEmpty())
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
