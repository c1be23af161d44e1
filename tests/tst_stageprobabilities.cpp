// The probability each stage proposes: closed stages by rule, open ones as the user set them in
// the settings, kept per profile and read back by the next deal's dialog.
#include "LocalStore.h"
#include "MainWindow.h"
#include "MemoryCredentialStore.h"
#include "OpportunityDialog.h"
#include "OpportunityListModel.h"
#include "Profile.h"
#include "SettingsDialog.h"
#include "StageProbabilities.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLocale>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

class TestStageProbabilities final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void closedStagesByRuleOpenOnesAsSet()
    {
        StageProbabilities probabilities;
        QCOMPARE(StageProbabilities::implied(Stage::ClosedWon), std::optional<int>(100));
        QCOMPARE(StageProbabilities::implied(Stage::ClosedLost), std::optional<int>(0));
        QCOMPARE(StageProbabilities::implied(Stage::Proposal), std::nullopt);
        probabilities.setProposed(Stage::Proposal, 40);
        probabilities.setProposed(Stage::Negotiation, 140);
        probabilities.setProposed(Stage::ClosedWon, 20);
        QCOMPARE(probabilities.proposed(Stage::Prospecting), 10);
        QCOMPARE(probabilities.proposed(Stage::Qualification), 25);
        QCOMPARE(probabilities.proposed(Stage::Proposal), 40);
        QCOMPARE(probabilities.proposed(Stage::Negotiation), 100);
        QCOMPARE(probabilities.proposed(Stage::ClosedWon), 100);
        QCOMPARE(probabilities.proposed(Stage::ClosedLost), 0);
    }

    // Written and read back through a settings file; what cannot be read is built in.
    void keptInTheProfileSettings()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("settings.ini"));
        StageProbabilities mine;
        mine.setProposed(Stage::Qualification, 30);
        {
            QSettings settings(path, QSettings::IniFormat);
            mine.write(settings);
            settings.setValue(QStringLiteral("stageProbability/negotiation"),
                              QStringLiteral("lots"));
            settings.setValue(QStringLiteral("stageProbability/proposal"), 101);
        }
        const StageProbabilities read =
            StageProbabilities::read(QSettings(path, QSettings::IniFormat));
        QCOMPARE(read.proposed(Stage::Qualification), 30);
        QCOMPARE(read.proposed(Stage::Proposal), 50);
        QCOMPARE(read.proposed(Stage::Negotiation), 75);
    }

    // The settings set each open stage's figure for this profile, and the next deal's dialog
    // proposes it; another profile keeps the built-in figures.
    void stageFiguresFromTheSettingsAreProposed()
    {
        QTemporaryDir dir;
        LocalStore store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("cache.sqlite"))).ok);
        OpportunityListModel model;
        ApiClient client;
        SyncEngine engine(store, client);
        Profile profile(dir.filePath(QStringLiteral("profile")));
        MemoryCredentialStore credentials;
        MainWindow window({store, model, engine, client, profile, credentials});
        window.setLocalOnly(true);
        QAction *settingsAction = nullptr;
        for (QAction *action : window.findChildren<QAction *>()) {
            if (action->text() == QStringLiteral("Se&ttings…"))
                settingsAction = action;
        }
        QVERIFY(settingsAction);

        // Read in the dialogs, checked once they are closed: a failed check must not leave a
        // modal dialog waiting.
        QList<int> shown;
        QTimer::singleShot(0, this, [&shown] {
            auto *dialog = qobject_cast<SettingsDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            for (Stage stage : Stages::all()) {
                QSpinBox *field = dialog->probabilityField(stage);
                shown.append(field ? field->value() : -1);
            }
            dialog->probabilityField(Stage::Prospecting)->setValue(5);
            dialog->probabilityField(Stage::Proposal)->setValue(45);
            dialog->accept();
        });
        settingsAction->trigger();
        QCOMPARE(shown, (QList<int>{10, 25, 50, 75, -1, -1}));

        shown.clear();
        QTimer::singleShot(0, this, [&shown] {
            auto *dialog = qobject_cast<OpportunityDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            shown.append(dialog->probabilityField()->value());
            for (Stage stage : {Stage::Proposal, Stage::Qualification}) {
                dialog->stageField()->setCurrentIndex(int(stage));
                shown.append(dialog->probabilityField()->value());
            }
            dialog->reject();
        });
        window.newAction()->trigger();
        QCOMPARE(shown, (QList<int>{5, 45, 25}));

        const QSettings mine(profile.settingsPath(), QSettings::IniFormat);
        QCOMPARE(StageProbabilities::read(mine).proposed(Stage::Proposal), 45);
        const Profile other(dir.filePath(QStringLiteral("other")));
        const QSettings theirs(other.settingsPath(), QSettings::IniFormat);
        QCOMPARE(StageProbabilities::read(theirs).proposed(Stage::Proposal), 50);
    }
};

QTEST_MAIN(TestStageProbabilities)
#include "tst_stageprobabilities.moc"
