// Undo and redo of field edits made in the main window's edit dialog (RecordEditCommand on the
// window's QUndoStack, through the Edit menu's actions), against a real kashew-server: each step
// goes out as a normal edit and the server ends with the values of the step the user is at. Also
// for a record created here while the server was away, edited, then synced (so that it got the
// server's id after the edit was made) and only then undone and redone.
#include "OpportunityDialog.h"
#include "OpportunityFilterProxy.h"
#include "TestData.h"
#include "TestHttp.h"
#include "WindowOnServer.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

namespace {

struct Values
{
    QString name;
    double value = 0;
    int probability = 0;
    QString description;
};

// Fills the open edit or create dialog with `values` and saves.
void fillAndSave(const Values &values)
{
    auto *dialog = qobject_cast<OpportunityDialog *>(QApplication::activeModalWidget());
    QVERIFY(dialog);
    auto closeOnFailure = qScopeGuard([dialog] {
        if (dialog->isVisible())
            dialog->reject();
    });
    dialog->nameField()->setText(values.name);
    dialog->valueField()->setText(QLocale().toString(values.value, 'f', 0));
    dialog->probabilityField()->setValue(values.probability);
    dialog->descriptionField()->setPlainText(values.description);
    QPushButton *save = dialog->buttons()->button(QDialogButtonBox::Save);
    QVERIFY(save->isEnabled());
    save->click();
}

} // namespace

class TestUndoEdits final : public QObject, private WindowOnServer
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void init()
    {
        setUpWindowOnServer();
        if (QTest::currentTestFailed())
            return;
        m_undo = action(QKeySequence::Undo);
        m_redo = action(QKeySequence::Redo);
        QVERIFY(m_undo && m_redo);
    }

    void cleanup() { tearDownWindowOnServer(); }

    void fieldEditsUndoAndRedoOnTheServer()
    {
        const Values created{QStringLiteral("Initech — Pilot"), 1000, 20, QStringLiteral("First")};
        const Values edited{QStringLiteral("Initech — Rollout"), 25000, 60,
                            QStringLiteral("Wider")};
        const Values again{QStringLiteral("Initech — Rollout"), 30000, 70, QStringLiteral("Wider")};
        const QString id = TestData::createOpportunity(*m_http, body(created))
                               .value(QStringLiteral("id"))
                               .toString();
        QVERIFY(!id.isEmpty());
        QVERIFY(m_app->sync());

        edit(id, edited);
        QVERIFY(m_app->settle());
        QCOMPARE(m_app->window->undoStack()->count(), 1);
        checkEverywhere(id, edited);
        if (QTest::currentTestFailed())
            return;
        if (QTest::currentTestFailed())
            return;
        edit(id, again);
        QVERIFY(m_app->settle());
        checkEverywhere(id, again);
        if (QTest::currentTestFailed())
            return;
        if (QTest::currentTestFailed())
            return;

        // Back one step, then to the start, then forward again: each sent as it happens.
        QVERIFY(m_undo->isEnabled());
        m_undo->trigger();
        QVERIFY(m_app->sync());
        checkEverywhere(id, edited);
        if (QTest::currentTestFailed())
            return;
        if (QTest::currentTestFailed())
            return;
        m_undo->trigger();
        QVERIFY(m_app->sync());
        checkEverywhere(id, created);
        if (QTest::currentTestFailed())
            return;
        if (QTest::currentTestFailed())
            return;
        QVERIFY(!m_undo->isEnabled());
        m_redo->trigger();
        QVERIFY(m_app->sync());
        checkEverywhere(id, edited);
        if (QTest::currentTestFailed())
            return;
        if (QTest::currentTestFailed())
            return;
        m_redo->trigger();
        QVERIFY(m_app->sync());
        checkEverywhere(id, again);
        if (QTest::currentTestFailed())
            return;
        if (QTest::currentTestFailed())
            return;
        QVERIFY(!m_redo->isEnabled());
        m_undo->trigger();
        QVERIFY(m_app->sync());
        checkEverywhere(id, edited);
        if (QTest::currentTestFailed())
            return;
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(serverCount(), 1);
    }

    void undoAndRedoReachARecordThatGotItsServerIdAfterTheEdit()
    {
        // Created and edited here while the server is away: the edit holds the local id.
        QCOMPARE(m_server->stop(), 0);
        const Values created{QStringLiteral("Umbrella — Trial"), 500, 10,
                             QStringLiteral("Made here")};
        const Values edited{QStringLiteral("Umbrella — Contract"), 8000, 50,
                            QStringLiteral("Edited offline")};
        QTimer::singleShot(0, this, [created] { fillAndSave(created); });
        m_app->window->newAction()->trigger();
        QVERIFY(!m_app->settle()); // offline: kept here
        const QList<CachedOpportunity> records = m_app->store.opportunities().value();
        QCOMPARE(records.size(), 1);
        const QString localId = records.first().opportunity.id;
        edit(localId, edited);
        QVERIFY(!m_app->settle());
        QCOMPARE(m_app->window->undoStack()->count(), 1);

        // Back online: one create goes out with the edited values; the record takes the
        // server's id.
        QVERIFY(m_server->start());
        QVERIFY(m_app->sync());
        QCOMPARE(serverCount(), 1);
        const QString serverId = m_http->get(QStringLiteral("/opportunities?pageSize=1"))
                                     .json()
                                     .value(QStringLiteral("opportunities"))
                                     .toArray()
                                     .first()
                                     .toObject()
                                     .value(QStringLiteral("id"))
                                     .toString();
        QVERIFY(!serverId.isEmpty());
        QVERIFY(serverId != localId);
        QVERIFY(!m_app->store.opportunity(localId));
        checkEverywhere(serverId, edited);
        if (QTest::currentTestFailed())
            return;
        if (QTest::currentTestFailed())
            return;

        // The edit made under the local id is undone and redone on the server's record.
        m_undo->trigger();
        QVERIFY(m_app->sync());
        checkEverywhere(serverId, created);
        if (QTest::currentTestFailed())
            return;
        if (QTest::currentTestFailed())
            return;
        m_redo->trigger();
        QVERIFY(m_app->sync());
        checkEverywhere(serverId, edited);
        if (QTest::currentTestFailed())
            return;
        if (QTest::currentTestFailed())
            return;
        m_undo->trigger();
        QVERIFY(m_app->sync());
        checkEverywhere(serverId, created);
        if (QTest::currentTestFailed())
            return;
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(serverCount(), 1);
        QCOMPARE(m_app->store.opportunities()->size(), 1);
    }

private:
    static QJsonObject body(const Values &values)
    {
        return {{QStringLiteral("name"), values.name},
                {QStringLiteral("value"), values.value},
                {QStringLiteral("probability"), values.probability},
                {QStringLiteral("description"), values.description}};
    }

    QAction *action(const QKeySequence &shortcut) const
    {
        for (QAction *candidate : m_app->window->findChildren<QAction *>()) {
            if (candidate->shortcuts().contains(shortcut))
                return candidate;
        }
        return nullptr;
    }

    // Edits `id` in the window's edit dialog.
    void edit(const QString &id, const Values &values)
    {
        QVERIFY(m_app->select(id));
        bool filled = false;
        QTimer::singleShot(0, this, [&filled, values] {
            fillAndSave(values);
            filled = !QTest::currentTestFailed();
        });
        m_app->window->editAction()->trigger();
        QVERIFY(filled);
    }

    int serverCount()
    {
        return m_http->get(QStringLiteral("/opportunities?pageSize=1"))
            .json()
            .value(QStringLiteral("totalCount"))
            .toInt();
    }

    // The record on the server (over HTTP) and in the cache has `values`, with nothing pending.
    void checkEverywhere(const QString &id, const Values &values)
    {
        const TestHttp::Reply reply = m_http->get(QStringLiteral("/opportunities/") + id);
        QCOMPARE(reply.status, 200);
        const QJsonObject there = reply.json();
        QCOMPARE(there.value(QStringLiteral("name")).toString(), values.name);
        QCOMPARE(there.value(QStringLiteral("value")).toDouble(), values.value);
        QCOMPARE(there.value(QStringLiteral("probability")).toInt(), values.probability);
        QCOMPARE(there.value(QStringLiteral("description")).toString(), values.description);
        const auto here = m_app->store.opportunity(id);
        QVERIFY(here);
        QCOMPARE(here->state, SyncState::Synced);
        QCOMPARE(here->opportunity.name, values.name);
        QCOMPARE(here->opportunity.value, values.value);
        QCOMPARE(here->opportunity.probability, values.probability);
        QCOMPARE(here->opportunity.description, values.description);
        QCOMPARE(m_app->store.pendingCount(), 0);
    }

    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
};

QTEST_MAIN(TestUndoEdits)
#include "tst_undoedits.moc"
