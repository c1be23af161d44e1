// Desktop integration as packaged: the desktop entry and the AppStream metainfo pass their
// validators, and the names that tie them together agree (desktop id, launchable, icon, window
// class, the app's own desktop file name), so menus, software centres and Wayland docks find
// the app and its icon.
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

namespace {

const QString root = QStringLiteral(KASHEW_SOURCE_DIR);
const QString desktopFile = root + QStringLiteral("/packaging/linux/ai.kashew.Desktop.desktop");
const QString metainfo = root + QStringLiteral("/packaging/linux/ai.kashew.Desktop.metainfo.xml");

struct Run
{
    int exitCode = -1;
    QString output;
};

Run run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(60000))
        return {};
    return {process.exitCode(), QString::fromUtf8(process.readAll())};
}

QString readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

class TestDesktopIntegration final : public QObject
{
    Q_OBJECT

private slots:
    void desktopEntryIsValid()
    {
        const QString validator =
            QStandardPaths::findExecutable(QStringLiteral("desktop-file-validate"));
        QVERIFY2(!validator.isEmpty(),
                 "desktop-file-validate is missing (packaging/install-deps.sh)");
        const Run result = run(validator, {desktopFile});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.output.trimmed(), QString()); // no warnings either
    }

    void metainfoIsValid()
    {
        const QString validator = QStandardPaths::findExecutable(QStringLiteral("appstreamcli"));
        QVERIFY2(!validator.isEmpty(), "appstreamcli is missing (packaging/install-deps.sh)");
        const Run result = run(validator, {QStringLiteral("validate"), QStringLiteral("--no-net"),
                                           QStringLiteral("--no-color"), metainfo});
        QVERIFY2(result.exitCode == 0, qPrintable(result.output));
        QVERIFY2(!result.output.contains(QRegularExpression(QStringLiteral("^[EW]:"),
                                                            QRegularExpression::MultilineOption)),
                 qPrintable(result.output));
    }

    void namesAgree()
    {
        QSettings entry(desktopFile, QSettings::IniFormat);
        entry.beginGroup(QStringLiteral("Desktop Entry"));
        QCOMPARE(entry.value(QStringLiteral("Exec")).toString(), QStringLiteral("kashew-desktop"));
        QCOMPARE(entry.value(QStringLiteral("Icon")).toString(), QStringLiteral("kashew-desktop"));
        QVERIFY(QFile::exists(root + QStringLiteral("/resources/icons/kashew-desktop.svg")));
        // X11 matches windows by class: the application name the app sets.
        QCOMPARE(entry.value(QStringLiteral("StartupWMClass")).toString(),
                 QStringLiteral("kashew-desktop"));
        QVERIFY(readAll(metainfo).contains(QStringLiteral(
            "<launchable type=\"desktop-id\">ai.kashew.Desktop.desktop</launchable>")));
        // Wayland matches windows by the desktop file name the app announces.
        QVERIFY(readAll(root + QStringLiteral("/app/main.cpp"))
                    .contains(QStringLiteral(
                        "setDesktopFileName(QStringLiteral(\"ai.kashew.Desktop\"))")));
    }
};

QTEST_GUILESS_MAIN(TestDesktopIntegration)
#include "tst_desktopintegration.moc"
