#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <optional>

// How far an unfinished full pass over the server's records has got: a plain listing pulled
// page by page (which may take several budget windows on the hosted API) or a change feed's
// bootstrap. Kept in the cache's settings while the pass runs, so that the next window, the next
// start or `kashew` resumes it; absent when no pass is under way.
struct PullProgress
{
    enum class Source
    {
        // GET /opportunities, live then archived, page by page.
        Listing,
        // GET /changes from cursor 0 (kashew-server).
        Feed,
    };

    Source source = Source::Listing;
    QDateTime startedAt;
    // Records seen so far in this pass (the pull_seen table holds their ids).
    qint64 recordsSeen = 0;
    // What the server said the pass holds (-1: it did not say).
    qint64 recordsTotal = -1;
    // Where the pass goes on: for a listing the pass's own position (the task's JSON), for the
    // feed the cursor to ask from.
    QByteArray resumeAt;

    QByteArray toJson() const;
    // Nothing for text that is empty or not a progress (an older or damaged value: the pass
    // starts over, which costs requests but loses nothing).
    static std::optional<PullProgress> fromJson(const QByteArray &json);

    friend bool operator==(const PullProgress &a, const PullProgress &b)
    {
        return a.source == b.source && a.startedAt == b.startedAt &&
               a.recordsSeen == b.recordsSeen && a.recordsTotal == b.recordsTotal &&
               a.resumeAt == b.resumeAt;
    }
};
