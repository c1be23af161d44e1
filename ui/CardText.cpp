#include "CardText.h"

#include "ItemRoles.h"
#include "Opportunity.h"
#include "OpportunityListModel.h"

#include <QAbstractProxyModel>
#include <QCoreApplication>
#include <QRegularExpression>

CardText CardText::of(const QModelIndex &index)
{
    const Opportunity o = index.data(ItemRoles::OpportunityRole).value<Opportunity>();
    // The owner as the list shows it: the source model knows the names.
    QModelIndex source = index;
    while (const auto *proxy = qobject_cast<const QAbstractProxyModel *>(source.model()))
        source = proxy->mapToSource(source);
    const QString ownerName = source.siblingAtColumn(OpportunityListModel::Owner).data().toString();
    CardText text;
    text.title = titleOf(o.name, o.accountName);
    text.account = o.accountName;
    text.owner = ownerOf(o.ownerId, ownerName);
    if (!o.ownerId.isEmpty())
        text.ownerInFull =
            ownerName.isEmpty() || ownerName == o.ownerId
                ? o.ownerId
                : QCoreApplication::translate("CardText", "%1 (%2)").arg(ownerName, o.ownerId);
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

QString CardText::ownerOf(const QString &ownerId, const QString &ownerName)
{
    if (!ownerName.isEmpty() && ownerName != ownerId)
        return ownerName;
    // "auth0|5f1c9a7e2b": the provider says nothing to a rep, the rest tells owners apart.
    QString shown = ownerId.mid(ownerId.lastIndexOf(QLatin1Char('|')) + 1);
    if (shown.isEmpty())
        shown = ownerId;
    constexpr int kept = 8;
    if (shown.size() > kept + 1)
        shown = shown.left(kept) + QChar(0x2026);
    return shown;
}
