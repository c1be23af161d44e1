// Desktop integration as packaged: the desktop entry and the AppStream metainfo pass their
// validators, and the names that tie them together agree (desktop id, launchable, icon, window
// class, the desktop file name the running app announces), so menus, software centres and
// Wayland docks find the app and its icon.
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
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

Run run(const QString &program, const QStringList &arguments,
        const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
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
        // The names as the built kashew-desktop holds them once set up: its --version says them
        // (and answers without a display).
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const QString &name : {QStringLiteral("DISPLAY"), QStringLiteral("WAYLAND_DISPLAY"),
                                    QStringLiteral("QT_QPA_PLATFORM")})
            environment.remove(name);
        const Run version =
            run(QStringLiteral(KASHEW_DESKTOP_PATH), {QStringLiteral("--version")}, environment);
        QCOMPARE(version.exitCode, 0);
        const QStringList lines = version.output.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(lines.size() == 2, qPrintable(version.output));
        const QString applicationName = lines.at(0).section(QLatin1Char(' '), 0, 0);
        const QString prefix = QStringLiteral("desktop file name: ");
        QVERIFY2(lines.at(1).startsWith(prefix), qPrintable(version.output));
        const QString desktopFileName = lines.at(1).mid(prefix.size());

        QSettings entry(desktopFile, QSettings::IniFormat);
        entry.beginGroup(QStringLiteral("Desktop Entry"));
        QCOMPARE(entry.value(QStringLiteral("Exec")).toString(), QStringLiteral("kashew-desktop"));
        QCOMPARE(entry.value(QStringLiteral("Icon")).toString(), QStringLiteral("kashew-desktop"));
        QVERIFY(QFile::exists(root + QStringLiteral("/resources/icons/kashew-desktop.svg")));
        // X11 matches windows by class: the application name the app sets.
        QCOMPARE(applicationName, QStringLiteral("kashew-desktop"));
        QCOMPARE(entry.value(QStringLiteral("StartupWMClass")).toString(), applicationName);
        // Wayland matches windows by the desktop file name the app announces: the installed
        // entry's name without .desktop, which the metainfo names as its id and launchable.
        QCOMPARE(desktopFileName + QStringLiteral(".desktop"),
                 desktopFile.section(QLatin1Char('/'), -1));
        const QString metainfoText = readAll(metainfo);
        QVERIFY(metainfoText.contains(QStringLiteral("<id>") + desktopFileName +
                                      QStringLiteral("</id>")));
        QVERIFY(metainfoText.contains(QStringLiteral("<launchable type=\"desktop-id\">") +
                                      desktopFileName + QStringLiteral(".desktop</launchable>")));
    }
};

QTEST_GUILESS_MAIN(TestDesktopIntegration)
#include "tst_desktopintegration.moc"
