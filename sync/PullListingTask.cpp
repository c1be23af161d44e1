#include "PullListingTask.h"

#include "RequestGate.h"
#include "SyncJournal.h"

#include <QHash>
#include <utility>

namespace {

// Pages asked for ahead of the one the pass waits for before a full batch is stored: meanwhile
// (a quarter of a second at 10,000 records) the server lists a dozen pages, where with one ahead
// it idled; at 100,000 records that made the first sync a quarter faster.
constexpr int maxPagesAhead = 16;

} // namespace

PullListingTask::PullListingTask(SyncJournal &journal, ApiClient &client, QObject *parent)
    : SyncTask(journal, client, parent)
{}

void PullListingTask::start()
{
    const std::optional<PullProgress> saved = m_journal.pullProgress();
    std::optional<ListingPass> pass;
    if (saved && saved->source == PullProgress::Source::Listing)
        pass = ListingPass::fromJson(saved->resumeAt, m_pageSize);
    if (pass && !pass->isDone()) {
        m_pass = *pass;
        m_pass.resume();
        m_startedAt = saved->startedAt;
    } else {
        // A new pass: what an earlier one (or the change feed's bootstrap) had seen is forgotten.
        m_pass = ListingPass(m_pageSize);
        m_startedAt = QDateTime::currentDateTimeUtc();
        m_liveListedHere = true;
        if (const Status discarded = m_journal.discardPass(); !discarded)
            return finish(storeFailure(discarded));
        if (!saveProgress())
            return;
    }
    pullPage();
}

void PullListingTask::pullPage()
{
    const ListingPass::Request request = m_pass.next();
    // A page asked ahead is this one, or a guess that missed (its answer is dropped).
    std::shared_ptr<Asked> asked;
    for (const std::shared_ptr<Asked> &ahead : std::as_const(m_ahead)) {
        if (ahead->request == request)
            asked = ahead;
    }
    if (!asked)
        asked = ask(request);
    m_current = asked;
    askAhead(request, 1);
    if (asked->answered)
        pageAnswered(asked);
}

void PullListingTask::askAhead(const ListingPass::Request &request, int depth)
{
    QList<std::shared_ptr<Asked>> ahead;
    // `request` itself stays under way when it was asked ahead (before a batch is stored).
    for (const std::shared_ptr<Asked> &earlier : std::as_const(m_ahead)) {
        if (earlier->request == request && earlier != m_current)
            ahead.append(earlier);
    }
    if (mayAskAhead()) {
        const QList<ListingPass::Request> likely = m_pass.likelyAhead(request, maxPagesAhead);
        for (qsizetype i = 0; i < likely.size(); ++i) {
            std::shared_ptr<Asked> found;
            for (const std::shared_ptr<Asked> &earlier : std::as_const(m_ahead)) {
                if (earlier->request == likely.at(i))
                    found = earlier;
            }
            // Those asked deeper before (ahead of a batch stored) stay under way.
            if (!found && i >= depth)
                break;
            ahead.append(found ? found : ask(likely.at(i)));
        }
    }
    m_ahead = ahead;
}

std::shared_ptr<PullListingTask::Asked> PullListingTask::ask(const ListingPass::Request &request)
{
    auto asked = std::make_shared<Asked>();
    asked->request = request;
    OpportunityFilter filter;
    filter.archived = request.archived;
    m_client.listOpportunities(
        filter, {request.page, request.pageSize},
        whenAnswered<ApiClient::OpportunityPage>(
            [this, weak = std::weak_ptr<Asked>(asked)](const ApiError &error,
                                                       const ApiClient::OpportunityPage &result) {
                const std::shared_ptr<Asked> answered = weak.lock();
                if (!answered)
                    return; // a guess that missed
                answered->answered = true;
                answered->error = error;
                answered->result = result;
                if (answered == m_current)
                    pageAnswered(answered);
            }));
    return asked;
}

bool PullListingTask::mayAskAhead() const
{
    RequestGate *gate = m_client.requestGate();
    if (!gate)
        return true;
    const Result<RequestGate::Usage> usage = gate->usage();
    return usage && usage->requestsLeft() < 0;
}

void PullListingTask::pageAnswered(const std::shared_ptr<Asked> &asked)
{
    m_current.reset();
    ApiError error = asked->error;
    if (!error.ok() && asked->result.unreadable.isEmpty()) {
        // What it kept stays, and so does where the pass stands: the next sync goes on from
        // there. Records found unreadable so far are still worth telling.
        if (!flush())
            return;
        if (!m_unreadable.isEmpty())
            error.message += QLatin1Char(' ') + ApiClient::unreadableMessage(m_unreadable);
        return finish(SyncTaskOutcome::failed(error));
    }
    keepPage(asked->request, asked->result);
}

void PullListingTask::keepPage(const ListingPass::Request &asked,
                               const ApiClient::OpportunityPage &result)
{
    // Records it cannot read are left out, named, and kept here as they were; the others of the
    // page are taken.
    QStringList unreadableIds;
    for (const ApiClient::UnreadableRecord &record : result.unreadable) {
        if (record.id.isEmpty())
            m_pass.setDoubtful(); // it may be any record: none is taken for deleted
        else
            unreadableIds.append(record.id);
        m_unreadable.append(record);
    }
    QList<Opportunity> items = result.items;
    if (asked.archived) {
        // Listed live already and not saying it is archived: the server ignores isArchived (it
        // lists everything twice), and the record is not archived. When the live listing came in
        // an earlier sync, this one cannot tell: such a record is kept as it was.
        items.removeIf([&](const Opportunity &item) {
            if (!result.archivedByFilter.contains(item.id))
                return false;
            if (m_pulledIds.contains(item.id))
                return true;
            if (m_liveListedHere)
                return false;
            unreadableIds.append(item.id);
            return true;
        });
    }
    m_heldUnreadable += unreadableIds;
    m_heldItems += items;
    m_heldEtags.insert(result.etags);

    QHash<QString, QDateTime> created;
    created.reserve(result.items.size());
    for (const Opportunity &item : result.items) {
        m_pulledIds.insert(item.id);
        created.insert(item.id, item.createdAt);
    }
    for (const QString &id : std::as_const(unreadableIds))
        m_pulledIds.insert(id);
    QList<ListingPass::Listed> listed;
    listed.reserve(result.received());
    if (result.order.size() == result.received()) {
        for (const QString &id : result.order)
            listed.append({id, created.value(id)});
    } else {
        for (const Opportunity &item : result.items)
            listed.append({item.id, item.createdAt});
    }

    qint64 listingTotal = -1;
    if (result.totalCount && asked.page == 1 && m_pass.stage() != ListingPass::Stage::Head &&
        !m_listedTotals.contains(asked.archived)) {
        listingTotal = *result.totalCount;
        m_listedTotals.insert(asked.archived, listingTotal);
    }
    m_pass.tookFeedCursor(result.feedCursor);
    m_pass.took(asked, listed, result.totalCount);
    // Kept in batches: each commit rewrites much of the cache's index (the ids are random), and
    // a commit per page of 500 made a pull of 100,000 records three times slower than one at the
    // end; batches of 10,000 cost no more than that. The first page goes at once (the user sees
    // records), then every 10,000 records or two seconds.
    const bool fullBatch = m_heldItems.size() >= 10000;
    if (!m_sinceFlush.isValid() || m_sinceFlush.hasExpired(2000) || fullBatch || m_pass.isDone()) {
        // Storing a full batch takes a quarter of a second at 100,000 records: the server lists
        // the next pages meanwhile rather than idle (only a pull of more than 10,000 records
        // asks further than one page ahead; under a request budget none asks ahead).
        if (fullBatch && !m_pass.isDone()) {
            const ListingPass::Request upcoming = m_pass.next();
            bool underWay = false;
            for (const std::shared_ptr<Asked> &ahead : std::as_const(m_ahead))
                underWay = underWay || ahead->request == upcoming;
            if (underWay)
                askAhead(upcoming, maxPagesAhead);
        }
        if (!flush())
            return;
    }
    emit pageStored(static_cast<int>(items.size()), listingTotal);
    if (!isActive())
        return; // aborted by whoever heard of the page
    if (m_pass.isDone())
        return endPass();
    pullPage();
}

bool PullListingTask::flush()
{
    m_sinceFlush.start();
    const Status kept = m_journal.keepUnreadableInPass(m_heldUnreadable);
    if (!kept) {
        finish(storeFailure(kept));
        return false;
    }
    if (const Status merged = m_journal.keepPulledPage(m_heldItems, m_heldEtags); !merged) {
        finish(storeFailure(merged));
        return false;
    }
    m_heldUnreadable.clear();
    m_heldItems.clear();
    m_heldEtags.clear();
    // Where the pass stands only once what it took is kept.
    return saveProgress();
}

bool PullListingTask::saveProgress()
{
    PullProgress progress;
    progress.source = PullProgress::Source::Listing;
    progress.startedAt = m_startedAt;
    progress.recordsSeen = m_pass.recordsSeen();
    progress.recordsTotal = m_pass.recordsTotal();
    progress.resumeAt = m_pass.toJson();
    if (const Status saved = m_journal.setPullProgress(progress); !saved) {
        finish(storeFailure(saved));
        return false;
    }
    return true;
}

void PullListingTask::endPass()
{
    bool complete = m_pass.isComplete();
    // Within one sync the counts tell too: fewer records than listed means some moved unseen.
    qint64 listedTotal = -1;
    for (const qint64 total : std::as_const(m_listedTotals))
        listedTotal = std::max<qint64>(0, listedTotal) + total;
    if (!m_pass.wasResumed() && listedTotal >= 0 && m_pulledIds.size() < listedTotal)
        complete = false;
    // The progress goes first: a pass that outlived its end would next take for deleted all it
    // had not seen since.
    if (const Status cleared = m_journal.setPullProgress(std::nullopt); !cleared)
        return finish(storeFailure(cleared));
    if (const Status ended = complete ? m_journal.completePass() : m_journal.discardPass(); !ended)
        return finish(storeFailure(ended));
    // Everything readable is in the cache; the records it could not read stay as they were, and
    // the app and kashew say which fields stood in the way.
    m_unreadableError = describeUnreadable(m_unreadable);
    if (complete)
        m_feedCursor = m_pass.feedCursor();
    finish(SyncTaskOutcome::done());
}
