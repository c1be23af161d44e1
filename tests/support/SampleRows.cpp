#include "SampleRows.h"

namespace SampleRows {

QDate today()
{
    return QDate(2026, 6, 1);
}

QString id(int n)
{
    return QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0'));
}

QList<OpportunityRow> make()
{
    struct Spec
    {
        const char *id;
        const char *name;
        Stage stage;
        const char *account;
        const char *owner;
        double value;
        const char *currency;
        int probability;
        QDate close;
        bool archived;
    };
    const Spec specs[] = {
        {"00000000-0000-4000-8000-000000000001", "Müller — Enterprise License", Stage::Proposal,
         "acct-a", "ana", 50000, "EUR", 60, QDate(2026, 7, 15), false},
        {"00000000-0000-4000-8000-000000000002", "MÜLLER — Renewal", Stage::Negotiation, "acct-a",
         "ben", 12000, "EUR", 80, QDate(2026, 5, 1), false},
        {"00000000-0000-4000-8000-000000000003", "Acme — Pilot", Stage::Prospecting, "acct-b",
         "ana", 900, "USD", 10, QDate(2026, 5, 20), false},
        {"00000000-0000-4000-8000-000000000004", "Acme — Expansion", Stage::ClosedWon, "acct-b",
         "ben", 250000, "USD", 100, QDate(2026, 4, 1), false},
        {"00000000-0000-4000-8000-000000000005", "Globex — Data Migration", Stage::ClosedLost,
         "acct-c", "cy", 30000, "USD", 0, QDate(), false},
        {"00000000-0000-4000-8000-000000000006", "Globex — Old deal", Stage::Qualification,
         "acct-c", "ana", 7000, "USD", 25, QDate(2025, 1, 1), true},
        {"00000000-0000-4000-8000-000000000007", "Øresund — Proof of Concept", Stage::Qualification,
         "acct-b", "cy", 1500000, "JPY", 30, QDate(2026, 9, 30), false},
    };
    QList<OpportunityRow> rows;
    int minute = 0;
    for (const Spec &spec : specs) {
        OpportunityRow row;
        Opportunity &o = row.opportunity;
        o.id = QString::fromLatin1(spec.id);
        o.name = QString::fromUtf8(spec.name);
        o.stage = spec.stage;
        o.accountId = QString::fromLatin1(spec.account);
        o.accountName = QStringLiteral("Account ") + o.accountId.right(1).toUpper();
        o.ownerId = QString::fromLatin1(spec.owner);
        o.value = spec.value;
        o.currency = QString::fromLatin1(spec.currency);
        o.probability = spec.probability;
        o.expectedCloseDate = spec.close;
        o.isArchived = spec.archived;
        o.createdAt = o.updatedAt = QDateTime(QDate(2026, 1, 1), QTime(9, minute++), Qt::UTC);
        rows.append(row);
    }
    return rows;
}

} // namespace SampleRows
