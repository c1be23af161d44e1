#include "OpportunityDiff.h"
#include "OpportunityJson.h"
#include "TestHttp.h"
#include "bench_faults_support.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMultiHash>

namespace {

Opportunity expectedOf(const QJsonObject &fields, OpportunityFields *present)
{
    const OpportunityJson::Reading reading =
        OpportunityJson::read(fields, OpportunityJson::ReadMode::Request);
    *present = reading.present;
    return reading.opportunity;
}

QString differences(const Opportunity &expected, const Opportunity &found, OpportunityFields among)
{
    QStringList parts;
    for (OpportunityField field : OpportunityFieldNames::all()) {
        if (!OpportunityDiff::changedFields(expected, found, among & field))
            continue;
        const auto text = [field](const Opportunity &o) {
            const QJsonValue value = OpportunityJson::fieldValue(o, field);
            return value.isString()
                       ? value.toString()
                       : QString::fromUtf8(
                             QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact))
                             .mid(1)
                             .chopped(1);
        };
        parts.append(
            QStringLiteral("%1 expected %2, server has %3")
                .arg(OpportunityFieldNames::camelCase(field), text(expected), text(found)));
    }
    return parts.join(QStringLiteral("; "));
}

} // namespace

Comparison compareWithServer(const FaultModel &model, const QUrl &server, const QByteArray &key)
{
    Comparison c;
    TestHttp http(server, key);
    QMultiHash<QString, Opportunity> onServer;
    for (const bool archived : {false, true}) {
        for (int page = 1, fetched = 0;; ++page) {
            const TestHttp::Reply reply =
                http.get(QStringLiteral("/opportunities?pageSize=500&page=%1&isArchived=%2")
                             .arg(page)
                             .arg(archived ? QStringLiteral("true") : QStringLiteral("false")));
            if (reply.status != 200) {
                c.error = QStringLiteral("GET page %1 answered %2").arg(page).arg(reply.status);
                return c;
            }
            const QJsonArray items = reply.json().value(QStringLiteral("opportunities")).toArray();
            for (const QJsonValue &item : items) {
                const Opportunity o =
                    OpportunityJson::read(item.toObject(), OpportunityJson::ReadMode::Response)
                        .opportunity;
                onServer.insert(o.name, o);
                ++(archived ? c.archived : c.live);
            }
            fetched += static_cast<int>(items.size());
            if (items.isEmpty() ||
                fetched >= reply.json().value(QStringLiteral("totalCount")).toInt())
                break;
        }
    }
    for (auto it = model.records.begin(); it != model.records.end(); ++it) {
        const QList<Opportunity> copies = onServer.values(it.key());
        if (it->deleted) {
            for (const Opportunity &o : copies) {
                ++c.unexpected;
                c.problems.append(
                    QStringLiteral("UNEXPECTED %1 (id %2): deleted, but on the server")
                        .arg(it.key(), o.id));
            }
            continue;
        }
        ++c.expected;
        if (copies.size() > 1) {
            QStringList ids;
            for (const Opportunity &o : copies)
                ids.append(o.id);
            ++c.doubled;
            c.problems.append(QStringLiteral("DOUBLED %1: %2 copies on the server (ids %3)")
                                  .arg(it.key())
                                  .arg(copies.size())
                                  .arg(ids.join(QStringLiteral(", "))));
        }
        OpportunityFields present;
        const Opportunity expected = expectedOf(it->fields, &present);
        const QString profileIds =
            QString::fromUtf8(QJsonDocument(it->ids).toJson(QJsonDocument::Compact));
        if (copies.isEmpty()) {
            ++c.lost;
            c.problems.append(QStringLiteral("LOST %1 (ids by profile %2): not on the server")
                                  .arg(it.key(), profileIds));
            continue;
        }
        bool same = false;
        for (const Opportunity &o : copies)
            same = same || !OpportunityDiff::changedFields(expected, o, present);
        if (same) {
            ++c.matched;
            continue;
        }
        ++c.lost;
        c.problems.append(QStringLiteral("LOST %1 (id %2, ids by profile %3): %4")
                              .arg(it.key(), copies.first().id, profileIds,
                                   differences(expected, copies.first(), present)));
    }
    for (auto it = onServer.begin(); it != onServer.end(); ++it) {
        if (!model.records.contains(it.key())) {
            ++c.unexpected;
            c.problems.append(QStringLiteral("UNEXPECTED %1 (id %2): never created by the bench")
                                  .arg(it.key(), it.value().id));
        }
    }
    return c;
}

QStringList settleProfile(const Cli &cli, const QString &label)
{
    QStringList problems;
    CliResult synced;
    for (int i = 0; i < 5 && (synced = cli.run({QStringLiteral("sync")})).exitCode != 0; ++i) {
    }
    if (synced.exitCode != 0)
        problems.append(QStringLiteral("%1: sync exit %2: %3")
                            .arg(label)
                            .arg(synced.exitCode)
                            .arg(synced.err.trimmed()));
    for (const QStringList &list :
         {QStringList{QStringLiteral("list"), QStringLiteral("--json")},
          QStringList{QStringLiteral("list"), QStringLiteral("--archived"),
                      QStringLiteral("--json")}}) {
        for (const QJsonValue &item : QJsonDocument::fromJson(cli.run(list).out.toUtf8()).array()) {
            if (item[QStringLiteral("sync_state")].toString() != QLatin1String("synced"))
                problems.append(QStringLiteral("%1: %2 (id %3) is %4: %5")
                                    .arg(label, item[QStringLiteral("name")].toString(),
                                         item[QStringLiteral("id")].toString(),
                                         item[QStringLiteral("sync_state")].toString(),
                                         item[QStringLiteral("sync_error")].toString()));
        }
    }
    const QString pending = cli.run({QStringLiteral("pending")}).out.trimmed();
    if (!pending.isEmpty())
        problems.append(QStringLiteral("%1: still pending:\n%2").arg(label, pending));
    return problems;
}
