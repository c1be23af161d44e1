// kashew-server's files on disk: the database, its -wal and -shm files and the folders the
// server creates for them are its owner's alone, whatever the umask.
#include "ServerProcess.h"
#include "TestHttp.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

namespace {

constexpr QFileDevice::Permissions groupOrOthers =
    QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
    QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;

QString describe(const QString &path)
{
    return QStringLiteral("%1: %2").arg(path).arg(static_cast<int>(QFileInfo(path).permissions()),
                                                  0, 16);
}

} // namespace

class TestServerFiles final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // The usual umask, which leaves new files readable by everyone.
        ::umask(022);
    }

    void aFreshDatabaseIsReadableByItsOwnerOnly()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString folder = dir.filePath(QStringLiteral("new/nested"));
        const QString database = folder + QStringLiteral("/server.sqlite");
        ServerProcess server;
        QVERIFY(server.startWithOnly({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                      QStringLiteral("--database"), database,
                                      QStringLiteral("--api-key"),
                                      QString::fromLatin1(ServerProcess::writeKey)}));
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        QCOMPARE(http.post(QStringLiteral("/opportunities"),
                           {{QStringLiteral("name"), QStringLiteral("Private")}})
                     .status,
                 201);

        for (const QString &file : QStringList{database, database + QStringLiteral("-wal"),
                                               database + QStringLiteral("-shm")}) {
            QVERIFY2(QFileInfo::exists(file), qPrintable(file));
            const QFileDevice::Permissions permissions = QFileInfo(file).permissions();
            QVERIFY2((permissions & groupOrOthers) == 0, qPrintable(describe(file)));
            QVERIFY2(permissions.testFlags(QFileDevice::ReadOwner | QFileDevice::WriteOwner),
                     qPrintable(describe(file)));
        }
        for (const QString &created : QStringList{dir.filePath(QStringLiteral("new")), folder}) {
            const QFileDevice::Permissions permissions = QFileInfo(created).permissions();
            QVERIFY2((permissions & groupOrOthers) == 0, qPrintable(describe(created)));
            QVERIFY2(permissions.testFlags(QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                           QFileDevice::ExeOwner),
                     qPrintable(describe(created)));
        }
        // The folder that was already there is left as it was.
        QVERIFY(QFileInfo(dir.path()).permissions().testFlag(QFileDevice::ExeOwner));
        QCOMPARE(server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestServerFiles)
#include "tst_serverfiles.moc"
