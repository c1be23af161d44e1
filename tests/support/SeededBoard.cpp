#include "SeededBoard.h"

#include "BoardView.h"
#include "ItemRoles.h"
#include "SampleRows.h"
#include "ServerProcess.h"
#include "StageColumnProxy.h"

#include <QAction>
#include <QCoreApplication>
#include <QListView>
#include <QMimeData>
#include <QTabWidget>
#include <QTest>

void SeededBoard::setUpBoard()
{
    m_seeded = std::make_unique<SeededWindow>();
    QVERIFY(m_seeded->ok);
    m_window = m_seeded->window.get();
    m_board = m_window->board();
    m_window->views()->setCurrentWidget(m_board);
    m_window->show(); // the columns follow the model while the board shows
    for (Stage stage : Stages::all())
        m_testers.emplace_back(std::make_unique<QAbstractItemModelTester>(
            m_board->columnProxy(stage), QAbstractItemModelTester::FailureReportingMode::QtTest));
    QCoreApplication::processEvents(); // headers count once per event loop pass
}

void SeededBoard::tearDownBoard()
{
    m_testers.clear();
    m_seeded.reset();
}

void SeededBoard::recordCloseConfirmations()
{
    m_asked.clear();
    m_answer = true;
    m_board->setCloseConfirmation([this](const QStringList &names, Stage stage) {
        m_asked.append({names, stage});
        return m_answer;
    });
}

QStringList SeededBoard::column(Stage stage) const
{
    QStringList ids;
    const QAbstractItemModel *model = m_board->columnView(stage)->model();
    for (int row = 0; row < model->rowCount(); ++row)
        ids.append(model->index(row, 0).data(ItemRoles::Id).toString());
    return ids;
}

bool SeededBoard::drop(const QString &opportunityId, Stage stage)
{
    const QModelIndex source = m_seeded->model.index(m_seeded->model.rowOf(opportunityId), 0);
    std::unique_ptr<QMimeData> mime(m_seeded->model.mimeData({source}));
    if (!source.isValid() || !mime->hasFormat(QString::fromLatin1(OpportunityListModel::mimeType)))
        return false;
    StageColumnProxy *target = m_board->columnProxy(stage);
    if (!target->canDropMimeData(mime.get(), Qt::MoveAction, -1, -1, {}))
        return false;
    target->dropMimeData(mime.get(), Qt::MoveAction, -1, -1, {});
    return true;
}

void SeededBoard::addDeal(int n, Stage stage, const QDate &close, bool check, const QString &owner)
{
    Opportunity o;
    o.id = SampleRows::id(n);
    o.name = QStringLiteral("Deal %1").arg(n);
    o.stage = stage;
    o.accountId = QStringLiteral("acct-a");
    o.accountName = QStringLiteral("Account A");
    o.ownerId = owner;
    o.value = 1000;
    o.currency = QStringLiteral("EUR");
    o.probability = 50;
    o.expectedCloseDate = close;
    o.createdAt = o.updatedAt = QDateTime(QDate(2026, 2, 1), QTime(9, 0), Qt::UTC);
    QVERIFY(m_seeded->store.mergeServerRecord(o, QByteArray()));
    if (check)
        QVERIFY(column(stage).contains(o.id));
}

QString SeededBoard::undoActionText() const
{
    for (QAction *action : m_window->findChildren<QAction *>()) {
        if (action->shortcut() == QKeySequence(QKeySequence::Undo))
            return action->text().remove(QLatin1Char('&'));
    }
    return QString();
}

void SeededBoard::connectReadOnly(const QUrl &server)
{
    ApiClient::Settings settings;
    settings.baseUrl = server;
    settings.apiKey = QString::fromLatin1(ServerProcess::readKey);
    settings.transferTimeoutMs = 5000;
    settings.maxRetries = 1;
    settings.backoffBaseMs = 20;
    settings.backoffMaxMs = 200;
    m_seeded->client.setSettings(settings);
    m_window->setLocalOnly(false);
}
