// A record as a server sent it may hold values kashew would refuse from a user: a lead id that is
// no UUID, an account id of another form, an over-long name, a probability over 100. Such a record
// stays editable from the `kashew` command: only the fields an edit sets are validated, and only
// they are queued for the server.
#include "LocalStore.h"
#include "OpportunityJson.h"
#include "Profile.h"

#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QUrl server(QStringLiteral("http://127.0.0.1:9/api/v1"));
const QString recordId = QStringLiteral("9854b730-41aa-4152-9296-c896c1ff00c0");

// The record as another server's response spelled it, read as every pulled record is.
Opportunity oddServerRecord()
{
    const QJsonObject json{
        {QStringLiteral("id"), recordId},
        {QStringLiteral("name"), QString(300, QLatin1Char('n'))},
        {QStringLiteral("account_id"), QStringLiteral("acct-7")},
        {QStringLiteral("account_name"), QStringLiteral("Acme Corp")},
        {QStringLiteral("lead_id"), QStringLiteral("L-42")},
        {QStringLiteral("value"), 5000},
        {QStringLiteral("currency"), QStringLiteral("usd")},
        {QStringLiteral("stage"), QStringLiteral("proposal")},
        {QStringLiteral("probability"), 150},
        {QStringLiteral("expected_close_date"), QStringLiteral("2026-07-15")},
        {QStringLiteral("owner_id"), QStringLiteral("ana")},
        {QStringLiteral("is_archived"), false},
        {QStringLiteral("created_at"), QStringLiteral("2026-05-20T10:30:00Z")},
        {QStringLiteral("updated_at"), QStringLiteral("2026-05-21T08:00:00Z")},
    };
    const OpportunityJson::Reading reading =
        OpportunityJson::read(json, OpportunityJson::ReadMode::Response);
    return reading.opportunity;
}

struct CliRun
{
    int exitCode = -1;
    QString err;
};

CliRun runCli(const QString &profile, const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("KASHEW_API_KEY"), QStringLiteral("kshw_test"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(KASHEW_CLI_PATH),
                  QStringList{QStringLiteral("--profile"), profile, QStringLiteral("--server"),
                              server.toString()} +
                      arguments);
    if (!process.waitForFinished(60000))
        process.kill();
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardError())};
}

} // namespace

class TestUntouchedFields final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_profile.isValid());
        LocalStore store;
        QVERIFY(store.open(Profile(m_profile.path()).cachePath(server)).ok);
        QVERIFY(store.beginPull());
        QVERIFY(store.stagePulled({oddServerRecord()}));
        QVERIFY(store.commitPull(false));
        QVERIFY(store.outbox()->isEmpty());
    }
    void cleanup() { QVERIFY(m_profile.remove()); }

    void cliSetsOneFieldOfAnOddRecord_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<OpportunityFields>("queued");
        QTest::newRow("name") << QStringList{QStringLiteral("set"), recordId,
                                             QStringLiteral("name=Acme — Pilot")}
                              << OpportunityFields(OpportunityField::Name);
        QTest::newRow("stage") << QStringList{QStringLiteral("set"), recordId,
                                              QStringLiteral("stage=negotiation")}
                               << OpportunityFields(OpportunityField::Stage);
        QTest::newRow("move to won")
            << QStringList{QStringLiteral("move"), recordId, QStringLiteral("closed_won")}
            << (OpportunityField::Stage | OpportunityField::Probability);
    }
    void cliSetsOneFieldOfAnOddRecord()
    {
        QFETCH(QStringList, command);
        QFETCH(OpportunityFields, queued);
        const CliRun run = runCli(m_profile.path(), command);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));

        LocalStore store;
        QVERIFY(store.open(Profile(m_profile.path()).cachePath(server)).ok);
        const QList<OutboxEntry> outbox = store.outbox().value();
        QCOMPARE(outbox.size(), 1);
        QCOMPARE(outbox.first().operation, OutboxEntry::Operation::Update);
        QCOMPARE(outbox.first().fields, queued);
        // What the edit did not touch stays as the server sent it.
        const auto record = store.opportunity(recordId);
        QVERIFY(record);
        QCOMPARE(record->opportunity.leadId, QStringLiteral("L-42"));
        QCOMPARE(record->opportunity.accountId, QStringLiteral("acct-7"));
        QCOMPARE(record->opportunity.currency, QStringLiteral("usd"));
    }

    // A field the command sets is still validated.
    void cliRefusesABadValueItSets()
    {
        const CliRun run = runCli(m_profile.path(), {QStringLiteral("set"), recordId,
                                                     QStringLiteral("leadId=also-not-a-uuid")});
        QCOMPARE(run.exitCode, 6);
        QVERIFY2(run.err.contains(QStringLiteral("leadId: Lead must be a UUID or empty.")),
                 qPrintable(run.err));
        LocalStore store;
        QVERIFY(store.open(Profile(m_profile.path()).cachePath(server)).ok);
        QVERIFY(store.outbox()->isEmpty());
    }

private:
    QTemporaryDir m_profile;
};

QTEST_MAIN(TestUntouchedFields)
#include "tst_untouchedfields.moc"
