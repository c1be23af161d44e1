// ApiKeyring: which keys kashew-server accepts, what each may do, and how a key is shown in logs
// without giving it away.
#include "ApiKeyring.h"

#include <QTest>

namespace {

const QString writeKey = QStringLiteral("kshw_live_0123456789abcdefab12");
const QString otherWriteKey = QStringLiteral("kshw_live_fedcba9876543210cd34");
const QString readKey = QStringLiteral("kshw_read_00112233445566778899");

QByteArray bearer(const QString &key)
{
    return QByteArrayLiteral("Bearer ") + key.toUtf8();
}

} // namespace

class TestApiKeyring final : public QObject
{
    Q_OBJECT

private slots:
    void writeKeyMayWrite()
    {
        const ApiKeyring keyring({writeKey, otherWriteKey}, {readKey});
        const auto caller = keyring.authenticate(bearer(writeKey));
        QVERIFY(caller);
        QVERIFY(caller->canWrite);
        QCOMPARE(caller->ownerId, ApiKeyring::ownerIdFor(writeKey));
        QVERIFY(keyring.authenticate(bearer(otherWriteKey))->canWrite);
    }

    void readOnlyKeyMayOnlyRead()
    {
        const ApiKeyring keyring({writeKey}, {readKey});
        const auto caller = keyring.authenticate(bearer(readKey));
        QVERIFY(caller);
        QVERIFY(!caller->canWrite);
        QCOMPARE(caller->ownerId, ApiKeyring::ownerIdFor(readKey));
    }

    void keysOfAUserWriteTheUsersId()
    {
        const QString user = QStringLiteral("auth0|5f1c");
        const ApiKeyring keyring({writeKey, otherWriteKey}, {readKey},
                                 {{writeKey, user}, {readKey, user}});
        const auto writer = keyring.authenticate(bearer(writeKey));
        QCOMPARE(writer->ownerId, user);
        QVERIFY(writer->canWrite);
        const auto reader = keyring.authenticate(bearer(readKey));
        QCOMPARE(reader->ownerId, user);
        QVERIFY(!reader->canWrite);
        // Each key still counts on its own (rate limits are per key), by an id that is not the key.
        QCOMPARE(writer->keyId, ApiKeyring::ownerIdFor(writeKey));
        QCOMPARE(reader->keyId, ApiKeyring::ownerIdFor(readKey));
        QCOMPARE(keyring.authenticate(bearer(otherWriteKey))->ownerId,
                 ApiKeyring::ownerIdFor(otherWriteKey));
        QStringList users = keyring.userIds();
        users.sort();
        QCOMPARE(users, (QStringList{user, ApiKeyring::ownerIdFor(otherWriteKey)}));
    }

    void keyGivenBothWaysMayWrite()
    {
        const ApiKeyring keyring({writeKey}, {writeKey});
        QVERIFY(keyring.authenticate(bearer(writeKey))->canWrite);
    }

    void unknownOrMalformedIsRefused_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::newRow("unknown key") << bearer(QStringLiteral("kshw_live_0000000000000000zz99"));
        QTest::newRow("prefix of a key") << bearer(writeKey.left(20));
        QTest::newRow("key with more") << bearer(writeKey + QLatin1Char('x'));
        QTest::newRow("other case") << bearer(writeKey.toUpper());
        QTest::newRow("no scheme") << writeKey.toUtf8();
        QTest::newRow("basic scheme") << QByteArray("Basic " + writeKey.toUtf8());
        QTest::newRow("bearer alone") << QByteArray("Bearer ");
        QTest::newRow("empty") << QByteArray();
    }
    void unknownOrMalformedIsRefused()
    {
        QFETCH(QByteArray, authorization);
        const ApiKeyring keyring({writeKey}, {readKey});
        QVERIFY(!keyring.authenticate(authorization));
    }

    void schemeIsCaseInsensitiveAndSpacesAreTrimmed()
    {
        const ApiKeyring keyring({writeKey}, {});
        QVERIFY(keyring.authenticate("bearer " + writeKey.toUtf8()));
        QVERIFY(keyring.authenticate("BEARER " + writeKey.toUtf8() + "  "));
    }

    void emptyKeyring()
    {
        QVERIFY(ApiKeyring().isEmpty());
        QVERIFY(!ApiKeyring().authenticate(bearer(writeKey)));
        QVERIFY(!ApiKeyring({}, {readKey}).isEmpty());
    }

    void ownerIdIsStableOpaqueAndPerKey()
    {
        const QString owner = ApiKeyring::ownerIdFor(writeKey);
        QCOMPARE(ApiKeyring::ownerIdFor(writeKey), owner);
        QVERIFY(owner != ApiKeyring::ownerIdFor(otherWriteKey));
        QVERIFY(owner.startsWith(QLatin1String("user_")));
        QCOMPARE(owner.size(), 5 + 16);
        // Nothing of the key shows through.
        QVERIFY(!owner.contains(writeKey.right(4)));
    }

    void maskedForLogs_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("shown");
        QTest::newRow("live key") << writeKey << QStringLiteral("kshw_…ab12");
        QTest::newRow("read key") << readKey << QStringLiteral("kshw_…8899");
        QTest::newRow("twelve characters")
            << QStringLiteral("abcdefghijkl") << QStringLiteral("abcde…ijkl");
        // Too short to show any part without giving most of it away.
        QTest::newRow("eleven characters") << QStringLiteral("abcdefghijk") << QStringLiteral("…");
        QTest::newRow("empty") << QString() << QStringLiteral("…");
    }
    void maskedForLogs()
    {
        QFETCH(QString, key);
        QFETCH(QString, shown);
        QCOMPARE(ApiKeyring::masked(key), shown);
    }
};

QTEST_APPLESS_MAIN(TestApiKeyring)
#include "tst_apikeyring.moc"
