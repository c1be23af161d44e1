#pragma once

#include <QDate>
#include <QString>
#include <optional>

class QModelIndex;

// What a board card says in words, worked out apart from the painting so that it can be read
// (tests, the tooltip): the deal's own part of its name, the account, the owner as the people
// book names them.
struct CardText
{
    // The name, without the account's name leading it when the card shows the account anyway.
    QString title;
    // Empty when the deal has no account.
    QString account;
    // Empty when the deal has no owner.
    QString ownerId;
    // The owner's name, or a shortened id when no name is known (PeopleBook::displayName).
    QString owner;
    // The letters of the owner's avatar (PeopleBook::initials).
    QString ownerInitials;
    // The owner in full (name and id), for the tooltip; empty when there is no owner.
    QString ownerInFull;
    // Whole days without a change, when the deal has gone stale (StaleRule); none while it has
    // not, and never in a closed stage.
    std::optional<int> staleDays;
    // The value with its currency (formatMoney) and the probability ("40%").
    QString amount;
    QString probability;
    // Null when the deal has none.
    QDate closeDate;
    // An open deal whose expected close date has passed.
    bool overdue = false;

    // The card of a board column's index (a proxy over OpportunityListModel, whose people book
    // names the owner). Read from the source model's row as it is: a card paints this each time.
    static CardText of(const QModelIndex &index);
    // The same without the tooltip's words (ownerInFull stays empty): what a card paints, each
    // time it paints.
    static CardText forPainting(const QModelIndex &index);
    // "Acme Corp — Pilot" of the account "Acme Corp (Berlin)" is "Pilot": a leading part that
    // the account's name begins with (as whole words), with its dash, goes. Any other name stays.
    static QString titleOf(const QString &name, const QString &accountName);

private:
    static CardText of(const QModelIndex &index, bool withToolTip);
};
