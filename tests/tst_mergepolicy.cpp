// MergePolicy, the pull's three-way merge rule, without a cache: for each case of a server
// record against the cached one, its base and its outbox entry, what the cache keeps, which
// fields are in conflict and what is left to send. Derived from the rule LocalStore applied when
// the merge was still written inside it; the same cases through the cache: tst_localstore.
#include "MergePolicy.h"

#include <QJsonObject>
#include <QTest>

using EntryChange = MergePolicy::Decision::EntryChange;

namespace {

Opportunity deal()
{
    Opportunity o;
    o.id = QStringLiteral("a");
    o.name = QStringLiteral("Deal A");
    o.value = 1000;
    o.stage = Stage::Proposal;
    o.probability = 50;
    o.createdAt = o.updatedAt = QDateTime(QDate(2026, 1, 1), QTime(10, 0), Qt::UTC);
    return o;
}

Opportunity named(Opportunity o, const QString &name)
{
    o.name = name;
    return o;
}

Opportunity valued(Opportunity o, double value)
{
    o.value = value;
    return o;
}

Opportunity staged(Opportunity o, Stage stage)
{
    o.stage = stage;
    return o;
}

// A row as the cache holds it.
CachedOpportunity row(const Opportunity &current, const std::optional<Opportunity> &base,
                      SyncState state = SyncState::Pending, const QByteArray &etag = "\"1\"")
{
    CachedOpportunity record;
    record.opportunity = current;
    record.base = base;
    record.state = state;
    record.etag = etag;
    return record;
}

// The row after the server's state was merged into it: `base` is that state.
CachedOpportunity merged(CachedOpportunity record, const Opportunity &current,
                         const Opportunity &base, const QByteArray &etag)
{
    record.opportunity = current;
    record.base = base;
    record.etag = etag;
    return record;
}

CachedOpportunity conflict(CachedOpportunity record, const Opportunity &server,
                           OpportunityFields fields, const QString &why)
{
    record.state = SyncState::Conflict;
    record.serverState = server;
    record.conflictFields = fields;
    record.syncError = why;
    return record;
}

OutboxEntry entry(OutboxEntry::Operation operation, OpportunityFields fields = {})
{
    OutboxEntry e;
    e.sequence = 7;
    e.opportunityId = QStringLiteral("a");
    e.operation = operation;
    e.fields = fields;
    return e;
}

OutboxEntry update(OpportunityFields fields)
{
    return entry(OutboxEntry::Operation::Update, fields);
}

// An update whose send may have landed, carrying `body`.
OutboxEntry inDoubt(OutboxEntry e, const QJsonObject &body)
{
    e.attempts = 1;
    e.inDoubt = true;
    e.sentBody = body;
    return e;
}

const QString bothChanged = QStringLiteral("Changed here and on the server.");
const QString deletedHereChangedThere =
    QStringLiteral("Deleted here, but changed on the server since.");

QString describe(const Opportunity &o)
{
    return QStringLiteral("%1 | %2 | %3 | %4 | %5")
        .arg(o.id, o.name)
        .arg(o.value)
        .arg(Stages::id(o.stage))
        .arg(o.probability);
}

QString describe(const std::optional<Opportunity> &o)
{
    return o ? describe(*o) : QStringLiteral("(none)");
}

QString describe(const FieldErrors &errors)
{
    QStringList parts;
    for (const FieldError &error : errors)
        parts.append(error.field + QStringLiteral(": ") + error.message);
    return parts.join(QStringLiteral(" | "));
}

} // namespace

class TestMergePolicy final : public QObject
{
    Q_OBJECT

private slots:
    void merge_data()
    {
        QTest::addColumn<Opportunity>("server");
        QTest::addColumn<QByteArray>("etag");
        QTest::addColumn<std::optional<CachedOpportunity>>("cached");
        QTest::addColumn<std::optional<OutboxEntry>>("entry");
        QTest::addColumn<std::optional<CachedOpportunity>>("stored");
        QTest::addColumn<std::optional<QByteArray>>("etagOnly");
        QTest::addColumn<EntryChange>("entryChange");
        QTest::addColumn<OpportunityFields>("entryFields");

        const Opportunity a = deal();
        const Opportunity renamed = named(a, QStringLiteral("Deal A, renamed there"));
        const std::optional<OutboxEntry> none;
        const std::optional<QByteArray> noEtag;
        const std::optional<CachedOpportunity> nothing;

        QTest::newRow("new on the server")
            << a << QByteArray() << nothing << none
            << std::optional(row(a, a, SyncState::Synced, QByteArray())) << noEtag
            << EntryChange::Keep << OpportunityFields();
        QTest::newRow("new, fetched alone with its ETag")
            << a << QByteArray("\"5\"") << nothing << none
            << std::optional(row(a, a, SyncState::Synced, "\"5\"")) << noEtag << EntryChange::Keep
            << OpportunityFields();
        QTest::newRow("unchanged: nothing written")
            << a << QByteArray() << std::optional(row(a, a, SyncState::Synced)) << none << nothing
            << noEtag << EntryChange::Keep << OpportunityFields();
        // Lists carry no ETag: the one kept is valid only while the record is unchanged.
        QTest::newRow("changed on the server, nothing here: taken, its ETag unknown")
            << renamed << QByteArray() << std::optional(row(a, a, SyncState::Synced)) << none
            << std::optional(row(renamed, renamed, SyncState::Synced, QByteArray())) << noEtag
            << EntryChange::Keep << OpportunityFields();
        QTest::newRow("a row without its base is written again with one")
            << a << QByteArray() << std::optional(row(a, std::nullopt, SyncState::Synced)) << none
            << std::optional(row(a, a, SyncState::Synced, QByteArray())) << noEtag
            << EntryChange::Keep << OpportunityFields();

        const CachedOpportunity valueEdited = row(valued(a, 2000), a);
        QTest::newRow("changed here only: kept, still to send, ETag kept")
            << a << QByteArray() << std::optional(valueEdited)
            << std::optional(update(OpportunityField::Value))
            << std::optional(merged(valueEdited, valued(a, 2000), a, "\"1\"")) << noEtag
            << EntryChange::Update << OpportunityFields(OpportunityField::Value);
        QTest::newRow("changed both sides, other fields: both kept")
            << renamed << QByteArray() << std::optional(valueEdited)
            << std::optional(update(OpportunityField::Value))
            << std::optional(merged(valueEdited, valued(renamed, 2000), renamed, QByteArray()))
            << noEtag << EntryChange::Update << OpportunityFields(OpportunityField::Value);

        const CachedOpportunity stageEdited = row(staged(a, Stage::Negotiation), a);
        const Opportunity lost = staged(a, Stage::ClosedLost);
        CachedOpportunity stageConflict =
            conflict(stageEdited, lost, OpportunityField::Stage, bothChanged);
        stageConflict.etag.clear();
        QTest::newRow("changed both sides, same field: conflict, the edit kept")
            << lost << QByteArray() << std::optional(stageEdited)
            << std::optional(update(OpportunityField::Stage)) << std::optional(stageConflict)
            << noEtag << EntryChange::Keep << OpportunityFields();
        const Opportunity negotiation = staged(a, Stage::Negotiation);
        QTest::newRow("changed both sides to the same value: nothing left to send")
            << negotiation << QByteArray() << std::optional(stageEdited)
            << std::optional(update(OpportunityField::Stage))
            << std::optional(row(negotiation, negotiation, SyncState::Synced, QByteArray()))
            << noEtag << EntryChange::Remove << OpportunityFields();

        // Measured from what the server holds of a send that may have landed, a later edit of
        // the same field is no conflict; without the doubt it is one.
        const CachedOpportunity editedAgain = row(valued(a, 2500), a);
        const Opportunity landed = valued(a, 2000);
        const OutboxEntry sent =
            inDoubt(update(OpportunityField::Value), {{QStringLiteral("value"), 2000}});
        QTest::newRow("own send landed, edited again since: no conflict")
            << landed << QByteArray() << std::optional(editedAgain) << std::optional(sent)
            << std::optional(merged(editedAgain, valued(a, 2500), landed, QByteArray())) << noEtag
            << EntryChange::Update << OpportunityFields(OpportunityField::Value);
        CachedOpportunity valueConflict =
            conflict(editedAgain, landed, OpportunityField::Value, bothChanged);
        valueConflict.etag.clear();
        QTest::newRow("changed there, edited again here, no send in doubt: conflict")
            << landed << QByteArray() << std::optional(editedAgain)
            << std::optional(update(OpportunityField::Value)) << std::optional(valueConflict)
            << noEtag << EntryChange::Keep << OpportunityFields();

        // A row deleted here is hidden and read as pending.
        const CachedOpportunity deletedHere = row(a, a);
        const std::optional<OutboxEntry> deleting = entry(OutboxEntry::Operation::Delete);
        QTest::newRow("deleted here, unchanged there: the delete goes out against it")
            << a << QByteArray() << std::optional(deletedHere) << deleting << nothing
            << std::optional(QByteArray("\"1\"")) << EntryChange::Keep << OpportunityFields();
        QTest::newRow("deleted here, changed there: conflict, the delete withdrawn")
            << renamed << QByteArray() << std::optional(deletedHere) << deleting
            << std::optional(
                   conflict(deletedHere, renamed, OpportunityField::Name, deletedHereChangedThere))
            << noEtag << EntryChange::Remove << OpportunityFields();

        // Created here: the entry sends every writable field; what the server has already
        // needs no sending.
        const CachedOpportunity created =
            row(named(a, QStringLiteral("Mine")), std::nullopt, SyncState::Pending, QByteArray());
        const std::optional<OutboxEntry> creating =
            entry(OutboxEntry::Operation::Create, OpportunityFieldNames::writable());
        QTest::newRow("pending create the server has otherwise: what differs goes out")
            << a << QByteArray() << std::optional(created) << creating
            << std::optional(merged(created, named(a, QStringLiteral("Mine")), a, QByteArray()))
            << noEtag << EntryChange::Update << OpportunityFields(OpportunityField::Name);
        const Opportunity mine = named(a, QStringLiteral("Mine"));
        QTest::newRow("pending create the server has as sent: nothing left to send")
            << mine << QByteArray() << std::optional(created) << creating
            << std::optional(row(mine, mine, SyncState::Synced, QByteArray())) << noEtag
            << EntryChange::Remove << OpportunityFields();

        CachedOpportunity refused = valueEdited;
        refused.state = SyncState::Failed;
        refused.syncError = QStringLiteral("The server refused this edit: value");
        refused.syncFieldErrors = {{QStringLiteral("value"), QStringLiteral("too high")}};
        QTest::newRow("refused here, changed there: stays refused, both kept")
            << renamed << QByteArray() << std::optional(refused)
            << std::optional(update(OpportunityField::Value))
            << std::optional(merged(refused, valued(renamed, 2000), renamed, QByteArray()))
            << noEtag << EntryChange::Update << OpportunityFields(OpportunityField::Value);
        CachedOpportunity refusedConflict =
            conflict(refused, valued(a, 3000), OpportunityField::Value, bothChanged);
        refusedConflict.etag.clear();
        refusedConflict.syncFieldErrors.clear();
        QTest::newRow("refused here, same field changed there: a conflict, no field refused")
            << valued(a, 3000) << QByteArray() << std::optional(refused)
            << std::optional(update(OpportunityField::Value)) << std::optional(refusedConflict)
            << noEtag << EntryChange::Keep << OpportunityFields();

        // Conflicts wait for the user.
        const CachedOpportunity waiting =
            conflict(row(a, a), renamed, OpportunityField::Name, deletedHereChangedThere);
        const Opportunity again = named(a, QStringLiteral("Deal A, renamed again"));
        CachedOpportunity refreshed = merged(waiting, again, again, QByteArray());
        refreshed.serverState = again;
        QTest::newRow("conflict without an entry: still a conflict, the server's state new")
            << again << QByteArray() << std::optional(waiting) << none << std::optional(refreshed)
            << noEtag << EntryChange::Keep << OpportunityFields();
        const CachedOpportunity both =
            conflict(valueEdited, valued(a, 3000), OpportunityField::Value, bothChanged);
        QTest::newRow("conflict the server took back: pending again")
            << a << QByteArray() << std::optional(both)
            << std::optional(update(OpportunityField::Value)) << std::optional([&] {
                   CachedOpportunity pending = merged(both, valued(a, 2000), a, "\"1\"");
                   pending.state = SyncState::Pending;
                   return pending;
               }())
            << noEtag << EntryChange::Update << OpportunityFields(OpportunityField::Value);
        CachedOpportunity goneThere = row(valued(a, 2000), a, SyncState::Conflict);
        goneThere.serverDeleted = true;
        QTest::newRow("deleted there while edited here, listed again: still a conflict")
            << a << QByteArray() << std::optional(goneThere) << none
            << std::optional(merged(goneThere, valued(a, 2000), a, "\"1\"")) << noEtag
            << EntryChange::Keep << OpportunityFields();
    }

    void merge()
    {
        QFETCH(Opportunity, server);
        QFETCH(QByteArray, etag);
        QFETCH(std::optional<CachedOpportunity>, cached);
        QFETCH(std::optional<OutboxEntry>, entry);
        QFETCH(std::optional<CachedOpportunity>, stored);
        QFETCH(std::optional<QByteArray>, etagOnly);
        QFETCH(EntryChange, entryChange);
        QFETCH(OpportunityFields, entryFields);

        const MergePolicy::Decision decision = MergePolicy::merge(server, etag, cached, entry);
        compare(decision.record, stored);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(decision.etag, etagOnly);
        QCOMPARE(decision.entryChange, entryChange);
        QCOMPARE(decision.entryFields, entryFields);
    }

    void vanished_data()
    {
        QTest::addColumn<std::optional<OutboxEntry::Operation>>("operation");
        QTest::addColumn<SyncState>("state");
        QTest::addColumn<MergePolicy::Vanished>("expected");

        using Operation = OutboxEntry::Operation;
        using MergePolicy::Vanished;
        const std::optional<Operation> none;
        QTest::newRow("synced: removed") << none << SyncState::Synced << Vanished::Remove;
        QTest::newRow("deleted here too: removed")
            << std::optional(Operation::Delete) << SyncState::Pending << Vanished::Remove;
        QTest::newRow("created here, not sent yet: kept")
            << std::optional(Operation::Create) << SyncState::Pending << Vanished::Keep;
        QTest::newRow("edited here: conflict")
            << std::optional(Operation::Update) << SyncState::Pending << Vanished::Conflict;
        QTest::newRow("refused here: conflict")
            << std::optional(Operation::Update) << SyncState::Failed << Vanished::Conflict;
        QTest::newRow("a conflict without an entry: conflict")
            << none << SyncState::Conflict << Vanished::Conflict;
    }

    void vanished()
    {
        QFETCH(std::optional<OutboxEntry::Operation>, operation);
        QFETCH(SyncState, state);
        QFETCH(MergePolicy::Vanished, expected);
        QCOMPARE(MergePolicy::vanished(operation, state), expected);
    }

    void deletedOnServerKeepsTheEditsAsAConflict()
    {
        CachedOpportunity edited = row(valued(deal(), 2000), deal());
        edited.serverState = deal();
        const CachedOpportunity record = MergePolicy::deletedOnServer(edited);
        QCOMPARE(record.state, SyncState::Conflict);
        QVERIFY(record.serverDeleted);
        QVERIFY(!record.serverState);
        QCOMPARE(record.opportunity.value, 2000.0);
        QCOMPARE(describe(record.base), describe(deal()));
        QCOMPARE(record.syncError, QStringLiteral("Deleted on the server while edited here."));
    }

    // A refused edit the server then deleted: the conflict replaces the refusal, fields and all.
    void deletedOnServerDropsTheRefusedFields()
    {
        CachedOpportunity refused = row(valued(deal(), -1), deal(), SyncState::Failed);
        refused.syncError = QStringLiteral("The server refused this edit: value");
        refused.syncFieldErrors = {{QStringLiteral("value"), QStringLiteral("too low")}};
        const CachedOpportunity record = MergePolicy::deletedOnServer(refused);
        QCOMPARE(record.state, SyncState::Conflict);
        QCOMPARE(describe(record.syncFieldErrors), QString());
    }

private:
    static void compare(const std::optional<CachedOpportunity> &actual,
                        const std::optional<CachedOpportunity> &expected)
    {
        QCOMPARE(actual.has_value(), expected.has_value());
        if (!expected)
            return;
        QCOMPARE(describe(actual->opportunity), describe(expected->opportunity));
        QVERIFY(actual->opportunity == expected->opportunity);
        QCOMPARE(describe(actual->base), describe(expected->base));
        QVERIFY(actual->base == expected->base);
        QCOMPARE(actual->etag, expected->etag);
        QCOMPARE(actual->state, expected->state);
        QCOMPARE(actual->conflictFields, expected->conflictFields);
        QCOMPARE(describe(actual->serverState), describe(expected->serverState));
        QVERIFY(actual->serverState == expected->serverState);
        QCOMPARE(actual->serverDeleted, expected->serverDeleted);
        QCOMPARE(actual->syncError, expected->syncError);
        QCOMPARE(describe(actual->syncFieldErrors), describe(expected->syncFieldErrors));
    }
};

QTEST_GUILESS_MAIN(TestMergePolicy)
#include "tst_mergepolicy.moc"
