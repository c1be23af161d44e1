// How kashew-desktop reaches its server (ConnectionSetup), against a real kashew-server: at
// start the key comes from KASHEW_API_KEY, else from the keychain, and the app syncs with it;
// without a key it runs local-only and syncs nothing; a keychain that cannot be read says so with
// the way on. A key entered in the settings is kept in the keychain and used at once; another
// server asks for a restart and leaves the key in use alone.
#include "ApiClient.h"
#include "ConnectionSetup.h"
#include "LocalStore.h"
#include "MemoryCredentialStore.h"
#include "Profile.h"
#include "ServerProcess.h"
#include "SyncEngine.h"
#include "TestData.h"
#include "TestHttp.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace {

const QString writeKey = QString::fromLatin1(ServerProcess::writeKey);

// A keychain that cannot be used, as on a desktop without a secret service.
class UnusableKeychain final : public CredentialStore
{
public:
    static inline const QString error = QStringLiteral("no secret service");

    void read(const QString &, ReadCallback done) override { done(std::nullopt, error); }
    void write(const QString &, const QString &, WriteCallback done) override { done(error); }
    void remove(const QString &, WriteCallback done) override { done(error); }
};

// What the app holds on start: a cache, a client, an engine, a profile pointed at `server`, a
// keychain. Members are declared in the order they depend on each other.
struct Desk
{
    explicit Desk(const QUrl &server, CredentialStore *keychain = nullptr)
        : credentials(keychain ? *keychain : memory)
    {
        ok = store.open(dir.filePath(QStringLiteral("cache.sqlite"))).ok;
        engine = std::make_unique<SyncEngine>(store, client);
        profile.setServerUrl(server);
        setup = std::make_unique<ConnectionSetup>(client, *engine, store, profile, credentials);
    }

    // The key the keychain holds for this profile and `server` (empty: none).
    QString storedKey(const QUrl &server)
    {
        QString key;
        credentials.read(profile.credentialAccount(server),
                         [&key](const std::optional<QString> &stored, const QString &) {
                             key = stored.value_or(QString());
                         });
        return key;
    }

    bool ok = false;
    QTemporaryDir dir;
    LocalStore store;
    ApiClient client;
    std::unique_ptr<SyncEngine> engine;
    Profile profile{dir.filePath(QStringLiteral("profile"))};
    MemoryCredentialStore memory;
    CredentialStore &credentials;
    std::unique_ptr<ConnectionSetup> setup;
};

} // namespace

class TestConnectionSetup final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_server.start()); }

    void init() { qunsetenv("KASHEW_API_KEY"); }
    void cleanup() { qunsetenv("KASHEW_API_KEY"); }

    void keyFromTheKeychainSyncsAtStart()
    {
        TestHttp http(m_server.baseUrl(), ServerProcess::writeKey);
        const QString id = TestData::createDeal(http, QStringLiteral("From the keychain"));
        Desk desk(m_server.baseUrl());
        QVERIFY(desk.ok);
        desk.memory.write(desk.profile.credentialAccount(m_server.baseUrl()), writeKey,
                          [](const QString &) {});
        QSignalSpy localOnly(desk.setup.get(), &ConnectionSetup::localOnlyChanged);
        QSignalSpy finished(desk.engine.get(), &SyncEngine::finished);

        desk.setup->connectAtStart();
        QCOMPARE(localOnly.size(), 1);
        QCOMPARE(localOnly.at(0).at(0).toBool(), false);
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        // The profile's server, the keychain's key: the server's deal is in the cache.
        QVERIFY(desk.store.opportunity(id));
        QCOMPARE(desk.setup->apiKey(), writeKey);
    }

    void environmentKeyComesFirst()
    {
        Desk desk(m_server.baseUrl());
        QVERIFY(desk.ok);
        desk.memory.write(desk.profile.credentialAccount(m_server.baseUrl()),
                          QStringLiteral("kshw_not_a_key_of_this_server"), [](const QString &) {});
        qputenv("KASHEW_API_KEY", ServerProcess::writeKey);
        QSignalSpy finished(desk.engine.get(), &SyncEngine::finished);

        desk.setup->connectAtStart();
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QCOMPARE(desk.setup->apiKey(), writeKey);
    }

    void noKeyRunsLocalOnly()
    {
        Desk desk(m_server.baseUrl());
        QVERIFY(desk.ok);
        QSignalSpy localOnly(desk.setup.get(), &ConnectionSetup::localOnlyChanged);
        QSignalSpy problems(desk.setup.get(), &ConnectionSetup::problem);

        desk.setup->connectAtStart();
        QCOMPARE(localOnly.size(), 1);
        QCOMPARE(localOnly.at(0).at(0).toBool(), true);
        QVERIFY(problems.isEmpty());
        // Nothing is sent without a key: the engine was not started.
        QCOMPARE(desk.engine->state(), SyncEngine::State::Idle);
        QVERIFY(desk.setup->apiKey().isEmpty());
    }

    void unreadableKeychainSaysSo()
    {
        UnusableKeychain keychain;
        Desk desk(m_server.baseUrl(), &keychain);
        QVERIFY(desk.ok);
        QSignalSpy localOnly(desk.setup.get(), &ConnectionSetup::localOnlyChanged);
        QSignalSpy problems(desk.setup.get(), &ConnectionSetup::problem);

        desk.setup->connectAtStart();
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.at(0).at(0).toString().contains(UnusableKeychain::error),
                 qPrintable(problems.at(0).at(0).toString()));
        QVERIFY(problems.at(0).at(0).toString().contains(QStringLiteral("KASHEW_API_KEY")));
        // The way on: the settings, where a key can be entered for this session.
        QCOMPARE(problems.at(0).at(1).toBool(), true);
        QCOMPARE(localOnly.size(), 1);
        QCOMPARE(localOnly.at(0).at(0).toBool(), true);
        QCOMPARE(desk.engine->state(), SyncEngine::State::Idle);
    }

    void keyFromTheSettingsIsKeptAndUsed()
    {
        TestHttp http(m_server.baseUrl(), ServerProcess::writeKey);
        const QString id = TestData::createDeal(http, QStringLiteral("From the settings"));
        Desk desk(m_server.baseUrl());
        QVERIFY(desk.ok);
        desk.setup->connectAtStart();
        QCOMPARE(desk.engine->state(), SyncEngine::State::Idle);
        QSignalSpy localOnly(desk.setup.get(), &ConnectionSetup::localOnlyChanged);
        QSignalSpy replaced(desk.setup.get(), &ConnectionSetup::keyReplaced);
        QSignalSpy finished(desk.engine.get(), &SyncEngine::finished);

        desk.setup->change(m_server.baseUrl(), writeKey, 30);
        QCOMPARE(replaced.size(), 1);
        QCOMPARE(localOnly.size(), 1);
        QCOMPARE(localOnly.at(0).at(0).toBool(), false);
        QCOMPARE(desk.storedKey(m_server.baseUrl()), writeKey);
        QCOMPARE(desk.setup->syncMinutes(), 30);
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QVERIFY(desk.store.opportunity(id));
    }

    void anotherServerAsksForARestart()
    {
        Desk desk(m_server.baseUrl());
        QVERIFY(desk.ok);
        qputenv("KASHEW_API_KEY", ServerProcess::writeKey);
        QSignalSpy finished(desk.engine.get(), &SyncEngine::finished);
        desk.setup->connectAtStart();
        QVERIFY(finished.wait(30000));
        QSignalSpy problems(desk.setup.get(), &ConnectionSetup::problem);
        QSignalSpy replaced(desk.setup.get(), &ConnectionSetup::keyReplaced);

        const QUrl other(QStringLiteral("https://elsewhere.example/api/v1"));
        desk.setup->change(other, QStringLiteral("kshw_for_elsewhere"), 15);
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.at(0).at(0).toString().contains(QStringLiteral("restart")),
                 qPrintable(problems.at(0).at(0).toString()));
        QCOMPARE(problems.at(0).at(1).toBool(), false);
        // The server is remembered for the next start; this session keeps its key and server.
        QCOMPARE(desk.profile.serverUrl(), other);
        QVERIFY(replaced.isEmpty());
        QCOMPARE(desk.setup->apiKey(), writeKey);
        QVERIFY(desk.storedKey(other).isEmpty());
    }

private:
    ServerProcess m_server;
};

QTEST_GUILESS_MAIN(TestConnectionSetup)
#include "tst_connectionsetup.moc"
