#include "SyncNotices.h"

#include "NotificationBanner.h"
#include "SyncStatusBar.h"

SyncNotices::SyncNotices(SyncEngine &engine, NotificationBanner &banner, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_banner(banner)
{
    connect(&engine, &SyncEngine::stateChanged, this, &SyncNotices::stateChanged);
    connect(&engine, &SyncEngine::rateLimited, this, [this](const QDateTime &retryAt) {
        if (!m_localOnly)
            m_banner.showMessage(SyncStatusBar::rateLimitSentence(retryAt), false, false);
    });
    connect(&engine, &SyncEngine::readOnlyDetected, this, [this] {
        m_banner.showMessage(
            tr("This API key may only read: editing is not allowed. Your unsent edits are kept; "
               "enter a key with write access in the settings to send them."),
            false, true);
    });
    stateChanged(engine.state());
}

void SyncNotices::setLocalOnly(bool localOnly)
{
    m_localOnly = localOnly;
    if (localOnly) {
        m_banner.showMessage(
            tr("Not connected to a server: everything is kept on this computer. Open the settings "
               "(File ▸ Settings) to enter your server and API key; your work is sent then."),
            false, true);
    }
}

void SyncNotices::stateChanged(SyncEngine::State state)
{
    if (m_localOnly)
        return;
    const ApiError &error = m_engine.lastError();
    switch (state) {
    case SyncEngine::State::Idle:
    case SyncEngine::State::Syncing:
        break;
    case SyncEngine::State::UpToDate:
        // A sync that went through clears the problems of the last one, not a read-only key: a
        // refused write does not stop the sync, so it ends "up to date" right after saying so.
        if (const ApiError &unreadable = m_engine.unreadableError(); !unreadable.ok())
            m_banner.showMessage(unreadable.message, false, false);
        else if (!m_engine.isReadOnly())
            m_banner.hide();
        break;
    case SyncEngine::State::Offline:
        m_banner.showMessage(
            tr("Offline: %1 Your edits are kept here and sent when the server can be reached.")
                .arg(error.message),
            true, false);
        break;
    case SyncEngine::State::Error:
        if (error.kind == ApiError::Kind::Unauthorized)
            m_banner.showMessage(
                tr("The server refused the API key (%1). Enter a valid key in the settings.")
                    .arg(error.message),
                false, true);
        else if (error.kind == ApiError::Kind::RateLimited)
            m_banner.showMessage(SyncStatusBar::rateLimitSentence(m_engine.rateLimitedUntil()),
                                 false, false);
        else if (error.kind == ApiError::Kind::Insecure)
            m_banner.showMessage(error.message, false, true);
        else if (error.kind == ApiError::Kind::OverBudget)
            m_banner.hide(); // no problem to act on: the status bar says when it goes on
        else
            m_banner.showMessage(tr("Sync failed: %1").arg(error.message), true, true);
        break;
    }
}
