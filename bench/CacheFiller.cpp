#include "CacheFiller.h"

#include "LocalStore.h"

#include <QRandomGenerator>
#include <cstdio>

namespace {

// Pages this size keep the staging table small and the transactions few: a million records fill
// in a hundred commits.
constexpr int pageSize = 10000;

bool failed(const QString &what, const QString &why)
{
    std::fprintf(stderr, "bench_ui: %s: %s\n", qPrintable(what), qPrintable(why));
    return false;
}

} // namespace

bool CacheFiller::fill(const QString &path, int count)
{
    LocalStore store;
    const LocalStore::OpenResult opened = store.open(path);
    if (!opened.ok)
        return failed(QStringLiteral("opening %1").arg(path), opened.error);
    QRandomGenerator random(7);
    const QStringList words{QStringLiteral("Müller"),  QStringLiteral("Acme"),
                            QStringLiteral("Globex"),  QStringLiteral("Søndergaard"),
                            QStringLiteral("Initech"), QStringLiteral("Kraków"),
                            QStringLiteral("Zürich"),  QStringLiteral("Nakamura")};
    const QStringList products{QStringLiteral("Renewal"), QStringLiteral("Pilot"),
                               QStringLiteral("Expansion"), QStringLiteral("License")};
    const QDateTime start(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);
    QList<Opportunity> page;
    page.reserve(pageSize);
    for (int i = 0; i < count; ++i) {
        Opportunity o;
        o.id = QStringLiteral("00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
        o.name = words.at(random.bounded(words.size())) + QStringLiteral(" %1 — ").arg(i) +
                 products.at(random.bounded(products.size()));
        o.accountId = QStringLiteral("acct-%1").arg(random.bounded(5000));
        o.accountName = QStringLiteral("Account %1").arg(o.accountId.mid(5));
        o.stage = static_cast<Stage>(random.bounded(100) < 70 ? 4 + random.bounded(2)
                                                              : random.bounded(4)); // mostly closed
        o.value = random.bounded(1000, 5000000);
        o.currency = random.bounded(4) ? QStringLiteral("USD") : QStringLiteral("EUR");
        o.probability = random.bounded(101);
        o.expectedCloseDate = QDate(2026, 1, 1).addDays(random.bounded(-400, 400));
        o.ownerId = QStringLiteral("owner-%1").arg(random.bounded(6));
        o.isArchived = random.bounded(100) < 8;
        o.createdAt = o.updatedAt = start.addSecs(qint64(i) * 60);
        page.append(o);
        if (page.size() == pageSize || i == count - 1) {
            if (const Status kept = store.keepPulledPage(page); !kept)
                return failed(QStringLiteral("keeping a page"), kept.error());
            page.clear();
        }
    }
    if (const Status completed = store.completePass(); !completed)
        return failed(QStringLiteral("completing the pass"), completed.error());
    return true;
}
