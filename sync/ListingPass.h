#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

// Where a full pull over the plain listing stands (the live records, then the archived ones, page
// by page), so that a pull the budget or the network cut short goes on in the next window from
// there; kept as PullProgress::resumeAt. Pure bookkeeping: it says which page to ask for next and
// digests each answer; PullListingTask sends the requests and keeps the records.
//
// The listing is ordered newest first (created_at descending, then id). Records created
// meanwhile push the rest down (the next page repeats a few: harmless, they are merged again);
// records deleted above the position pull the rest up, and the record that crossed the page
// boundary would be skipped. So a page that may follow such a shift (a resumed pull; a total that
// dropped between two pages) is asked for so that it overlaps the last records taken (the
// anchors) by a few: a page q of size s starts at (q-1)*s, and s is chosen so that this lands
// just before the position. Where no anchor shows up, it steps back until one does (or the
// created_at of the records says nothing was skipped). A server that does not honour the page
// size asked for is paged as it pages, and a resumed pull of it starts its listing over.
class ListingPass final
{
public:
    enum class Stage
    {
        Live,
        Archived,
        // A pass that took several syncs: the records created meanwhile (the head of the live
        // listing, newest first) until it reaches what the pass started from.
        Head,
        Done,
    };
    struct Request
    {
        bool archived = false;
        int page = 1;
        int pageSize = 0;

        bool operator==(const Request &other) const
        {
            return archived == other.archived && page == other.page && pageSize == other.pageSize;
        }
    };
    // A listed record as the pass needs it: its id (empty when unreadable) and creation time.
    struct Listed
    {
        QString id;
        QDateTime createdAt;
    };

    // A new pass asking for pages of `pageSize` (the largest the API allows, unless a test says).
    explicit ListingPass(int pageSize);

    // The position saved by toJson(); none for text that is not one (the pass starts over).
    static std::optional<ListingPass> fromJson(const QByteArray &json, int pageSize);
    QByteArray toJson() const;

    // The pass goes on in a new sync: time has passed, the next page verifies where it stands.
    void resume();
    Request next() const;
    // The request likely to follow `asked` (what next() says now) when its answer is a full page
    // and nothing moved: the next page of the listing while its last total says there is more;
    // none where the answer decides (the first page, a position to verify, a listing's end). What
    // may be asked ahead while `asked` is under way; next() says what is needed.
    std::optional<Request> likelyAfter(const Request &asked) const;
    // Up to `count` requests likely to follow `asked`, in order (likelyAfter() of each): the pages
    // of the listing after it while its last total says there are more.
    QList<Request> likelyAhead(const Request &asked, int count) const;
    // The answer to `asked` (what next() said): every record of the page in order, and the
    // listing's total if the server said it.
    void took(const Request &asked, const QList<Listed> &page, std::optional<qint64> total);
    // A record the pass may have missed (an unreadable one without an id, say): it will not take
    // absent records for deleted.
    void setDoubtful() { m_doubtful = true; }
    // The change feed's cursor a page came with (kashew-server's Kashew-Cursor; none: the page
    // said none). Call for every page taken.
    void tookFeedCursor(std::optional<qint64> cursor);
    // Where the change feed may be followed from once the pass is complete: the earliest cursor,
    // read before the pass's first page; none unless every page of the pass said one.
    std::optional<qint64> feedCursor() const;

    Stage stage() const { return m_stage; }
    bool isDone() const { return m_stage == Stage::Done; }
    // Whether the pass saw every record the server has, as far as it can tell.
    bool isComplete() const { return isDone() && !m_doubtful; }
    // It spanned several syncs.
    bool wasResumed() const { return m_resumed; }
    // Records new to the pass so far, and the listings' totals (-1: not said).
    qint64 recordsSeen() const { return m_recordsSeen; }
    qint64 recordsTotal() const;

private:
    // What a page asked for to verify the position showed.
    enum class Check
    {
        // It holds the anchors, or records on both sides of them: nothing was skipped.
        Covered,
        // It lies wholly before the anchors (records created meanwhile pushed them down).
        Before,
        // It may start past records the pass has not seen: a page further up must tell.
        StepBack,
    };

    // The page to ask for when the next one must overlap the position m_offset: the largest
    // advance among the starts a little before it.
    Request overlapping(bool archived) const;
    // `firstNew`: where the records the pass had not reached start on the page.
    Check check(const QList<Listed> &page, qsizetype *firstNew) const;
    void tookHead(const QList<Listed> &page, bool shortPage);
    // The current listing from its first page again (always safe: nothing lies before it).
    void restartListing();
    void endListing();

    int m_maxPageSize;
    Stage m_stage = Stage::Live;
    // Records of the current listing the pass has passed, and the page size it goes on with (a
    // divisor of m_offset while it pages on without overlap).
    qint64 m_offset = 0;
    int m_pageSize;
    // The next page must overlap the position (m_offset, the anchors).
    bool m_verify = false;
    // The server gives the page sizes asked for (one that does not is paged as it pages).
    bool m_honoursSize = true;
    // The last records taken, in listing order, and the first of the live listing when the pass
    // began (where the head catch-up stops).
    QList<Listed> m_anchors;
    QList<Listed> m_head;
    // The current listing's total on its last page (-1: not said).
    qint64 m_lastTotal = -1;
    qint64 m_liveTotal = -1;
    qint64 m_archivedTotal = -1;
    qint64 m_recordsSeen = 0;
    bool m_doubtful = false;
    bool m_resumed = false;
    // The earliest feed cursor of the pass's pages (-1: none yet), and whether a page came
    // without one (or a pass saved before cursors were kept).
    qint64 m_feedCursor = -1;
    bool m_feedCursorLost = false;
    // Pages asked for in a row to find the position (not saved: a new sync tries afresh).
    int m_verifyTries = 0;
};
