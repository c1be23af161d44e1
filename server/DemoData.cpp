#include "DemoData.h"

#include "OpportunityDiff.h"

#include <QRandomGenerator>
#include <QUuid>
#include <algorithm>
#include <cmath>

namespace {

// Names with letters from many languages, as a real customer list has.
const QStringList accountStems{QStringLiteral("Müller"),         QStringLiteral("Søndergaard"),
                               QStringLiteral("Łódź Textiles"),  QStringLiteral("Nakamura"),
                               QStringLiteral("Ørsted Marine"),  QStringLiteral("Château Lumière"),
                               QStringLiteral("Björk"),          QStringLiteral("Acme"),
                               QStringLiteral("Globex"),         QStringLiteral("Initech"),
                               QStringLiteral("Zürich Re"),      QStringLiteral("São Paulo Foods"),
                               QStringLiteral("Kraków Labs"),    QStringLiteral("Peña"),
                               QStringLiteral("Dvořák"),         QStringLiteral("Öztürk"),
                               QStringLiteral("Renée Bakery"),   QStringLiteral("Ñandú"),
                               QStringLiteral("Håkansson"),      QStringLiteral("Vertex"),
                               QStringLiteral("Northwind"),      QStringLiteral("Blue Harbor"),
                               QStringLiteral("Κρήτη Shipping"), QStringLiteral("Tōkyō Gas"),
                               QStringLiteral("Fabrikam"),       QStringLiteral("Contoso"),
                               QStringLiteral("Brightline"),     QStringLiteral("Summit Peak"),
                               QStringLiteral("Évora Wines"),    QStringLiteral("Íslandsbanki")};
const QStringList accountSuffixes{
    QStringLiteral("GmbH"),      QStringLiteral("AG"),       QStringLiteral("Ltd"),
    QStringLiteral("Inc."),      QStringLiteral("S.A."),     QStringLiteral("Oy"),
    QStringLiteral("AB"),        QStringLiteral("& Co"),     QStringLiteral("Holdings"),
    QStringLiteral("Logistics"), QStringLiteral("Software"), QStringLiteral("Energy"),
    QStringLiteral("Health"),    QStringLiteral("Retail"),   QStringLiteral("Group")};
const QStringList cities{QStringLiteral("Berlin"),  QStringLiteral("Lyon"),
                         QStringLiteral("Malmö"),   QStringLiteral("Osaka"),
                         QStringLiteral("Austin"),  QStringLiteral("Porto"),
                         QStringLiteral("Gdańsk"),  QStringLiteral("Bogotá"),
                         QStringLiteral("Toronto"), QStringLiteral("Zaragoza")};
const QStringList industries{QStringLiteral("Manufacturing"), QStringLiteral("Finance"),
                             QStringLiteral("Healthcare"),    QStringLiteral("Retail"),
                             QStringLiteral("Energy"),        QStringLiteral("Software"),
                             QStringLiteral("Logistics")};
const QStringList countries{QStringLiteral("DE"), QStringLiteral("FR"), QStringLiteral("SE"),
                            QStringLiteral("JP"), QStringLiteral("US"), QStringLiteral("PT"),
                            QStringLiteral("PL"), QStringLiteral("CO"), QStringLiteral("CA"),
                            QStringLiteral("ES")};
const QStringList products{QStringLiteral("Enterprise License"),
                           QStringLiteral("Platform Renewal"),
                           QStringLiteral("Pilot"),
                           QStringLiteral("Support Upgrade"),
                           QStringLiteral("Data Migration"),
                           QStringLiteral("Seat Expansion"),
                           QStringLiteral("Onboarding Package"),
                           QStringLiteral("Analytics Add-on"),
                           QStringLiteral("Multi-year Agreement"),
                           QStringLiteral("Security Review"),
                           QStringLiteral("Regional Rollout"),
                           QStringLiteral("Proof of Concept")};
const QStringList descriptions{
    QStringLiteral("Champion in procurement; legal review pending."),
    QStringLiteral("Budget confirmed for next quarter."),
    QStringLiteral("Competing with an incumbent vendor; price sensitive."),
    QStringLiteral("Needs SSO and EU data residency."),
    QStringLiteral("Expansion from the pilot team to the whole department."),
    QStringLiteral("Decision maker changed; re-qualify.")};

struct StageShape
{
    Stage stage;
    int weight;
    int probability;
};
// Share of each stage and its usual probability.
const StageShape stageShapes[] = {{Stage::Prospecting, 20, 10}, {Stage::Qualification, 15, 25},
                                  {Stage::Proposal, 12, 50},    {Stage::Negotiation, 8, 75},
                                  {Stage::ClosedWon, 25, 100},  {Stage::ClosedLost, 20, 0}};

struct CurrencyShape
{
    const char *code;
    int weight;
    double scale;
};
const CurrencyShape currencyShapes[] = {{"USD", 55, 1},  {"EUR", 20, 1}, {"GBP", 10, 1},
                                        {"JPY", 5, 100}, {"CHF", 5, 1},  {"SEK", 5, 10}};

QString uuidFrom(QRandomGenerator &random)
{
    QByteArray bytes(16, Qt::Uninitialized);
    random.fillRange(reinterpret_cast<quint32 *>(bytes.data()), 4);
    bytes[6] = static_cast<char>((bytes[6] & 0x0f) | 0x40); // version 4
    bytes[8] = static_cast<char>((bytes[8] & 0x3f) | 0x80); // RFC 4122 variant
    return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
}

template <typename T> const T &pick(QRandomGenerator &random, const QList<T> &list)
{
    return list.at(random.bounded(static_cast<int>(list.size())));
}

} // namespace

QList<Person> DemoData::owners()
{
    // Ids in the shapes identity providers give; names that need accent-free search.
    return {{QStringLiteral("auth0|5f1c9a7e2b"), QStringLiteral("Ana Souza"),
             QStringLiteral("ana.souza@example.com")},
            {QStringLiteral("auth0|63d2e8b410"), QStringLiteral("Jonas Weber"),
             QStringLiteral("jonas.weber@example.com")},
            {QStringLiteral("google-oauth2|1048"), QStringLiteral("Priya Raman"),
             QStringLiteral("priya.raman@example.com")},
            {QStringLiteral("auth0|7a9e01c3d5"), QStringLiteral("Łukasz Wróbel"),
             QStringLiteral("lukasz.wrobel@example.com")}};
}

DemoData DemoData::generate(int count, const QStringList &owners, const QDate &today, quint32 seed)
{
    Q_ASSERT(!owners.isEmpty());
    QRandomGenerator random(seed);
    DemoData data;
    // Midnight UTC starting `today`: every record lies in the past, and the data depends only on
    // the day and the seed.
    const QDateTime now(today, QTime(0, 0), Qt::UTC);
    const QDateTime start = now.addDays(-730);

    const int accountCount = std::max(1, count / 20);
    data.accounts.reserve(accountCount);
    for (int i = 0; i < accountCount; ++i) {
        Account account;
        account.id = uuidFrom(random);
        account.name =
            pick(random, accountStems) + QLatin1Char(' ') + pick(random, accountSuffixes);
        if (accountCount > 300)
            account.name += QStringLiteral(" (") + pick(random, cities) + QLatin1Char(')');
        account.type =
            random.bounded(4) == 0 ? QStringLiteral("Partner") : QStringLiteral("Customer");
        account.status =
            random.bounded(10) == 0 ? QStringLiteral("Inactive") : QStringLiteral("Active");
        account.industry = pick(random, industries);
        account.country = pick(random, countries);
        account.website = QStringLiteral("https://example.com/") + QString::number(i + 1);
        account.ownerId = pick(random, owners);
        account.createdAt = start.addSecs(-86400 + i);
        data.accounts.append(account);
    }

    data.opportunities.reserve(count);
    data.creations.reserve(count);
    const qint64 spanMs = start.msecsTo(now);
    for (int i = 0; i < count; ++i) {
        const Account &account = data.accounts.at(random.bounded(accountCount));
        Opportunity o;
        o.id = uuidFrom(random);
        o.accountId = account.id;
        o.accountName = account.name;
        const QString stem = account.name.section(QLatin1Char(' '), 0, 1);
        o.name = stem + QStringLiteral(" — ") + pick(random, products);

        int stageRoll = random.bounded(100);
        const StageShape *shape = &stageShapes[0];
        for (const StageShape &candidate : stageShapes) {
            shape = &candidate;
            if ((stageRoll -= candidate.weight) < 0)
                break;
        }
        o.stage = shape->stage;
        o.probability = Stages::isClosed(o.stage)
                            ? shape->probability
                            : std::clamp(shape->probability + random.bounded(-10, 11), 0, 100);

        int currencyRoll = random.bounded(100);
        const CurrencyShape *currency = &currencyShapes[0];
        for (const CurrencyShape &candidate : currencyShapes) {
            currency = &candidate;
            if ((currencyRoll -= candidate.weight) < 0)
                break;
        }
        o.currency = QString::fromLatin1(currency->code);
        // Log-uniform from 500 to 5,000,000: small renewals to the rare very large deal.
        const double magnitude = 500.0 * std::pow(10.0, random.generateDouble() * 4.0);
        o.value = std::round(magnitude * currency->scale / 100.0) * 100.0;

        if (random.bounded(20) != 0) {
            o.expectedCloseDate = Stages::isClosed(o.stage)
                                      ? today.addDays(-random.bounded(1, 720))
                                      : today.addDays(random.bounded(-60, 181));
        }
        if (random.bounded(3) == 0)
            o.description = pick(random, descriptions);
        if (random.bounded(10) == 0)
            o.leadId = uuidFrom(random);
        o.ownerId = pick(random, owners);
        o.isArchived = random.bounded(100) < 8;
        // Evenly spread, strictly increasing creation times: a stable list order.
        o.createdAt = start.addMSecs(spanMs * i / std::max(1, count) + 1);
        // A closed deal last changed within a month of its creation; an open one is being worked
        // on: changed in the last 15 days, so that only some of them have gone stale. One draw
        // either way: the rest of the data stays as it was.
        const int sinceChange = random.bounded(0, 30 * 86400);
        o.updatedAt = Stages::isClosed(o.stage)
                          ? std::min(now, o.createdAt.addSecs(sinceChange))
                          : std::max(o.createdAt, now.addSecs(-qint64(sinceChange) / 2));
        data.opportunities.append(o);

        OpportunityUpdate creation;
        creation.id = uuidFrom(random);
        creation.createdAt = o.createdAt;
        creation.ownerId = o.ownerId;
        creation.changes = OpportunityDiff::creation(o);
        data.creations.append(creation);
    }
    return data;
}
