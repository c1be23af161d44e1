#include "ChangeNotifier.h"

#include "ServerStore.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QVariant>

namespace {

const QString channel = QStringLiteral("kashew_changes");
// Bursts of commits are told at most this often (and never later than this).
constexpr int coalesceMs = 50;

} // namespace

ChangeNotifier::ChangeNotifier(ServerStore &store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    m_flush.setSingleShot(true);
    connect(&m_flush, &QTimer::timeout, this, &ChangeNotifier::flush);
}

ChangeNotifier::~ChangeNotifier()
{
    m_store.setChangeListener({});
    if (m_listenConnection.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_listenConnection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_listenConnection);
}

Status ChangeNotifier::start()
{
    m_store.setChangeListener([this](qint64 cursor) { note(cursor); });
    if (m_store.backend() != DatabaseLocation::Backend::Postgres || !m_listenConnection.isEmpty())
        return {};
    // A connection of its own: the store's is busy in transactions, and a listening session
    // hears nothing while it is in one.
    const QString name = m_store.connectionName() + QStringLiteral("-listen");
    {
        QSqlDatabase db = QSqlDatabase::cloneDatabase(m_store.connectionName(), name);
        if (!db.open() || !db.driver()->subscribeToNotification(channel)) {
            const QString error = db.lastError().text();
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return Failure{QStringLiteral("cannot listen for other processes' changes: ") + error};
        }
        // The payload is the cursor. This process's own NOTIFYs come back too: harmless, a
        // cursor only ever moves on.
        connect(db.driver(), &QSqlDriver::notification, this,
                [this](const QString &notified, QSqlDriver::NotificationSource,
                       const QVariant &payload) {
                    bool ok = false;
                    const qint64 cursor = payload.toString().toLongLong(&ok);
                    if (notified == channel && ok)
                        note(cursor);
                });
    }
    m_listenConnection = name;
    return {};
}

void ChangeNotifier::note(qint64 cursor)
{
    if (cursor <= m_pending)
        return;
    m_pending = cursor;
    if (m_flush.isActive())
        return;
    // Never from inside the write that announced it: its response goes out first.
    const qint64 wait = m_sinceFlush.isValid() ? coalesceMs - m_sinceFlush.elapsed() : 0;
    m_flush.start(static_cast<int>(qBound<qint64>(0, wait, qint64(coalesceMs))));
}

void ChangeNotifier::flush()
{
    m_sinceFlush.start();
    if (m_pending <= m_emitted)
        return;
    m_emitted = m_pending;
    emit advanced(m_emitted);
}
