#include "CacheSeed.h"

#include <QTest>

namespace CacheSeed {

Opportunity serverRecord(const QString &id, const QString &name)
{
    Opportunity o;
    o.id = id;
    o.name = name;
    o.value = 1000;
    o.stage = Stage::Proposal;
    o.probability = 50;
    o.createdAt = o.updatedAt = QDateTime(QDate(2026, 1, 1), QTime(10, 0), Qt::UTC);
    return o;
}

void seed(LocalStore &store, const QList<Opportunity> &records, const char *file, int line)
{
    if (!store.beginPull() || !store.stagePulled(records) || !store.commitPull(true))
        QTest::qFail("seeding the cache as a pull failed", file, line);
}

} // namespace CacheSeed
