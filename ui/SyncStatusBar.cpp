#include "SyncStatusBar.h"

#include "BudgetText.h"
#include "LocalStore.h"
#include "RequestGate.h"

#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QStatusBar>

SyncStatusBar::SyncStatusBar(LocalStore &store, SyncEngine &engine, QStatusBar &bar,
                             QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_engine(engine)
    , m_connection(new QLabel(&bar))
    , m_progress(new QProgressBar(&bar))
    , m_pending(new QLabel(&bar))
    , m_budget(new QLabel(&bar))
    , m_lastSync(new QLabel(&bar))
{
    m_connection->setObjectName(QStringLiteral("syncConnection"));
    m_pending->setObjectName(QStringLiteral("syncPending"));
    m_budget->setObjectName(QStringLiteral("syncBudget"));
    m_progress->setMaximumWidth(180);
    m_progress->setTextVisible(true);
    m_progress->hide();
    for (QLabel *label : {m_connection, m_pending, m_budget, m_lastSync})
        label->setTextFormat(Qt::PlainText);
    bar.addWidget(m_connection);
    bar.addWidget(m_progress);
    bar.addPermanentWidget(m_pending);
    bar.addPermanentWidget(m_budget);
    bar.addPermanentWidget(m_lastSync);

    m_retryEnds.setSingleShot(true);
    connect(&m_retryEnds, &QTimer::timeout, this, &SyncStatusBar::refresh);
    connect(&engine, &SyncEngine::stateChanged, this, [this](SyncEngine::State state) {
        m_unreachable = false;
        if (state == SyncEngine::State::UpToDate)
            m_retryAt = QDateTime();
        refresh();
    });
    connect(
        &engine, &SyncEngine::progressChanged, this, [this](const SyncEngine::Progress &progress) {
            m_progress->setMaximum(
                progress.recordsTotal > 0 ? static_cast<int>(progress.recordsTotal) : 0);
            m_progress->setValue(progress.recordsDone);
            m_progress->setFormat(tr("%1 of %2")
                                      .arg(progress.recordsDone)
                                      .arg(progress.recordsTotal > 0 ? progress.recordsTotal : 0));
        });
    connect(&engine, &SyncEngine::rateLimited, this, [this](const QDateTime &retryAt) {
        m_retryAt = retryAt;
        m_retryEnds.start(
            static_cast<int>(std::max<qint64>(0, QDateTime::currentDateTime().msecsTo(retryAt))));
        refresh();
    });
    // The history of a record is fetched outside a sync: its failure says the server is gone too.
    connect(&engine, &SyncEngine::detailFetched, this, [this](const QString &, const ApiError &e) {
        if (e.kind == ApiError::Kind::Network || e.kind == ApiError::Kind::Timeout) {
            m_unreachable = true;
            refresh();
        }
    });
    connect(&store, &LocalStore::outboxChanged, this, [this](int pending) {
        m_pendingCount = pending;
        refresh();
    });
    // A sync that ends in the same state (the budget spent again) has new figures all the same.
    connect(&engine, &SyncEngine::finished, this, &SyncStatusBar::refresh);
    if (RequestGate *gate = engine.requestGate())
        connect(gate, &RequestGate::changed, this, &SyncStatusBar::refresh);
    m_budgetTick.setInterval(std::chrono::seconds(30));
    connect(&m_budgetTick, &QTimer::timeout, this, &SyncStatusBar::refresh);
    m_budgetTick.start();
    m_pendingCount = store.pendingCount();
    refresh();
}

void SyncStatusBar::setLocalOnly(bool localOnly)
{
    m_localOnly = localOnly;
    refresh();
}

QString SyncStatusBar::text() const
{
    return m_connection->text();
}

QString SyncStatusBar::pendingText() const
{
    return m_pending->text();
}

QString SyncStatusBar::timeOfDay(const QDateTime &when)
{
    return QLocale().toString(when.time(), QLocale::ShortFormat);
}

QString SyncStatusBar::rateLimitSentence(const QDateTime &retryAt)
{
    if (!retryAt.isValid())
        return tr("Rate limit reached: kashew tries again by itself. Your edits are kept here.");
    const qint64 seconds =
        std::max<qint64>(1, (QDateTime::currentDateTime().msecsTo(retryAt) + 999) / 1000);
    const QString wait = seconds < 120 ? tr("in %1 seconds").arg(seconds)
                                       : tr("in %1 minutes").arg((seconds + 59) / 60);
    return tr("Rate limit reached: kashew tries again at %1 (%2). Your edits are kept here and "
              "sent then.")
        .arg(timeOfDay(retryAt), wait);
}

void SyncStatusBar::refresh()
{
    const SyncEngine::State state = m_engine.state();
    m_progress->setVisible(!m_localOnly && state == SyncEngine::State::Syncing);
    const QDateTime last = m_engine.lastSuccess();
    m_lastSync->setText(
        last.isValid()
            ? tr("Last sync %1").arg(QLocale().toString(last.toLocalTime(), QLocale::ShortFormat))
            : tr("Never synced"));
    m_pending->setText(m_pendingCount == 0 ? tr("All changes saved")
                       : m_pendingCount == 1
                           ? tr("1 edit waiting to be sent")
                           : tr("%1 edits waiting to be sent").arg(m_pendingCount));
    QStringList problems;
    for (const ApiError *problem : {&m_engine.unreadableError(), &m_engine.accountsError()}) {
        if (!problem->ok())
            problems.append(problem->message);
    }
    m_connection->setToolTip(problems.join(QLatin1Char('\n')));
    m_connection->setText(connectionText());
    const QString budget = m_localOnly ? QString() : budgetText();
    m_budget->setText(budget);
    m_budget->setVisible(!budget.isEmpty());
}

QDateTime SyncStatusBar::goesOnAt() const
{
    QDateTime at = m_engine.nextSyncAt();
    if (RequestGate *gate = m_engine.requestGate()) {
        const QDateTime room = gate->readFitsAt();
        if (room.isValid() && (!at.isValid() || room > at))
            at = room;
    }
    return at;
}

QString SyncStatusBar::budgetText() const
{
    QStringList parts;
    if (RequestGate *gate = m_engine.requestGate()) {
        if (const Result<RequestGate::Usage> usage = gate->usage())
            parts.append(BudgetText::left(*usage));
    }
    // Said by the connection's text while the budget holds the sync back.
    const bool overBudget = m_engine.state() == SyncEngine::State::Error &&
                            m_engine.lastError().kind == ApiError::Kind::OverBudget;
    if (!overBudget && m_engine.state() != SyncEngine::State::Syncing)
        parts.append(BudgetText::nextSync(m_engine.nextSyncAt()));
    parts.removeAll(QString());
    return parts.join(QStringLiteral(" · "));
}

QString SyncStatusBar::connectionText() const
{
    if (m_localOnly)
        return tr("Local only");
    if (m_retryAt.isValid() && m_retryAt > QDateTime::currentDateTime())
        return tr("Rate limit reached: kashew tries again at %1").arg(timeOfDay(m_retryAt));
    const SyncEngine::State state = m_engine.state();
    if (m_unreachable && state != SyncEngine::State::Syncing)
        return tr("Offline");
    switch (state) {
    case SyncEngine::State::Syncing:
        return tr("Syncing…");
    case SyncEngine::State::Offline:
        return tr("Offline");
    case SyncEngine::State::Error:
        // The budget's wait is no problem to act on: the sync goes on by itself.
        if (m_engine.lastError().kind == ApiError::Kind::OverBudget) {
            if (const std::optional<PullProgress> pull = m_store.pullProgress())
                return BudgetText::pull(*pull, goesOnAt());
            return tr("Request budget spent · %1").arg(BudgetText::nextSync(goesOnAt()));
        }
        return tr("Sync problem");
    case SyncEngine::State::Idle:
    case SyncEngine::State::UpToDate:
        break;
    }
    // Up to date only with nothing left to send: edits made since the last sync wait for the next.
    if (m_pendingCount == 1)
        return tr("Online · 1 edit waiting");
    if (m_pendingCount > 1)
        return tr("Online · %1 edits waiting").arg(m_pendingCount);
    if (state == SyncEngine::State::Idle)
        return tr("Online");
    if (!m_engine.unreadableError().ok())
        return tr("Online · up to date · some records could not be read");
    const ApiError &accounts = m_engine.accountsError();
    if (accounts.ok())
        return tr("Online · up to date");
    return accounts.kind == ApiError::Kind::NotFound
               ? tr("Online · up to date · account names unavailable from this server")
               : tr("Online · up to date · account names could not be fetched");
}
