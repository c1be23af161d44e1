#include "FollowChangesTask.h"

#include "ChangeFeedSettings.h"
#include "SyncJournal.h"

#include <QCoreApplication>

FollowChangesTask::FollowChangesTask(SyncJournal &journal, ApiClient &client, QObject *parent)
    : SyncTask(journal, client, parent)
{}

void FollowChangesTask::start()
{
    const std::optional<PullProgress> progress = m_journal.pullProgress();
    const std::optional<qint64> cursor = ChangeFeedSettings(m_journal).cursor();
    Status ready;
    if (progress && progress->source == PullProgress::Source::Feed) {
        bool readable = false;
        const qint64 resumeAt = progress->resumeAt.toLongLong(&readable);
        if (cursor) {
            // A bootstrap read to its end, cut before it was known to be complete (a crash):
            // its records are all here; on that doubt none is taken for deleted.
            ready = m_journal.discardPass();
            if (ready)
                ready = m_journal.setPullProgress(std::nullopt);
            m_cursor = *cursor;
        } else if (readable && resumeAt >= 0) {
            m_pass = progress;
            m_cursor = resumeAt;
            m_bootstrapped = true;
        } else {
            ready = beginBootstrap();
        }
    } else if (cursor) {
        // A listing's pass left unfinished is moot while the feed is followed.
        if (progress) {
            ready = m_journal.discardPass();
            if (ready)
                ready = m_journal.setPullProgress(std::nullopt);
        }
        m_cursor = *cursor;
    } else {
        ready = beginBootstrap();
    }
    if (!ready)
        return finish(storeFailure(ready));
    readPage();
}

Status FollowChangesTask::beginBootstrap()
{
    // Ids a pass or the following marked seen before must not count for this pass.
    Status begun = m_journal.discardPass();
    if (begun)
        begun = ChangeFeedSettings(m_journal).setCursor(std::nullopt);
    PullProgress pass;
    pass.source = PullProgress::Source::Feed;
    pass.startedAt = QDateTime::currentDateTimeUtc();
    pass.resumeAt = QByteArrayLiteral("0");
    if (begun)
        begun = m_journal.setPullProgress(pass);
    m_pass = pass;
    m_cursor = 0;
    m_bootstrapped = true;
    m_passTrustworthy = true;
    return begun;
}

void FollowChangesTask::readPage()
{
    ChangesRequests(m_client).read(
        m_cursor, ChangesRequests::maxLimit,
        whenAnswered<ChangesRequests::Page>(
            [this](const ApiError &error, const ChangesRequests::Page &page) {
                pageRead(error, page);
            }));
}

void FollowChangesTask::pageRead(const ApiError &error, const ChangesRequests::Page &page)
{
    if (!error.ok() && page.unreadable.isEmpty()) {
        if (ChangesRequests::isGone(error) && !m_restarted) {
            // Deletions after the cursor were forgotten: read everything again. Records deleted
            // meanwhile go when the bootstrap completes.
            m_restarted = true;
            if (Status begun = beginBootstrap(); !begun)
                return finish(storeFailure(begun));
            return readPage();
        }
        if (ChangesRequests::isNoSuchResource(error))
            return finish(SyncTaskOutcome::refused(error));
        // What was kept stays, and so does the bootstrap's position: the next sync goes on.
        ApiError failed = error;
        if (!m_unreadable.isEmpty())
            failed.message += QLatin1Char(' ') + ApiClient::unreadableMessage(m_unreadable);
        return finish(SyncTaskOutcome::failed(failed));
    }
    for (const ApiClient::UnreadableRecord &record : page.unreadable) {
        if (record.id.isEmpty())
            m_passTrustworthy = false;
        m_unreadable.append(record);
    }
    if (page.hasMore && page.cursor <= m_cursor) {
        ApiError stuck;
        stuck.kind = ApiError::Kind::BadResponse;
        stuck.mayHaveLanded = false;
        stuck.message = QCoreApplication::translate(
            "SyncEngine", "The server's change feed says there is more but does not move on.");
        return finish(SyncTaskOutcome::failed(stuck));
    }
    if (Status kept = keep(page); !kept)
        return finish(storeFailure(kept));
    emit pageStored(static_cast<int>(page.upserted.size()), m_pass ? page.total : -1);
    if (!isActive())
        return; // aborted by whoever heard of the page
    m_cursor = page.cursor;
    if (page.hasMore)
        return readPage();
    if (m_pass) {
        if (Status completed = completeBootstrap(); !completed)
            return finish(storeFailure(completed));
    }
    m_unreadableError = describeUnreadable(m_unreadable);
    finish(SyncTaskOutcome::done());
}

Status FollowChangesTask::keep(const ChangesRequests::Page &page)
{
    QStringList unreadableIds;
    for (const ApiClient::UnreadableRecord &record : page.unreadable) {
        if (!record.id.isEmpty())
            unreadableIds.append(record.id);
    }
    Status kept;
    // In a bootstrap even an empty page is kept: it sets up what completing the pass reads.
    if (m_pass || !page.upserted.isEmpty())
        kept = m_journal.keepPulledPage(page.upserted, page.etags);
    // Seen but not read: a bootstrap must not take them for deleted.
    if (kept && m_pass)
        kept = m_journal.keepUnreadableInPass(unreadableIds);
    if (kept && !page.deleted.isEmpty())
        kept = m_journal.applyServerDeletions(page.deleted);
    if (kept && (!page.accounts.isEmpty() || !page.deletedAccounts.isEmpty()))
        kept = m_journal.mergeAccounts(page.accounts, page.deletedAccounts);
    if (!kept)
        return kept;
    if (!m_pass) {
        // No pass is under way: nothing stays marked seen for the next one.
        if (!page.upserted.isEmpty())
            kept = m_journal.discardPass();
        if (kept && page.cursor != m_cursor)
            kept = ChangeFeedSettings(m_journal).setCursor(page.cursor);
        return kept;
    }
    m_pass->recordsSeen += page.received();
    if (page.total >= 0)
        m_pass->recordsTotal = page.total;
    m_pass->resumeAt = QByteArray::number(page.cursor);
    return page.hasMore ? m_journal.setPullProgress(m_pass) : kept;
}

Status FollowChangesTask::completeBootstrap()
{
    // The cursor before the completion: a cut between them leaves a pass read to its end, which
    // the next sync closes without deleting anything, rather than one that reads on with the
    // records it saw forgotten (and would take them all for deleted).
    Status completed = m_journal.setPullProgress(m_pass);
    if (completed)
        completed = ChangeFeedSettings(m_journal).setCursor(m_cursor);
    if (completed)
        completed = m_passTrustworthy ? m_journal.completePass() : m_journal.discardPass();
    if (completed)
        completed = m_journal.setPullProgress(std::nullopt);
    m_pass.reset();
    return completed;
}
