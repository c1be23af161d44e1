#include "ListingPass.h"

#include "Timestamp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <tuple>

namespace {

// How many of the last records taken mark the position: a few, so that one of them deleted
// meanwhile does not hide it.
constexpr qsizetype anchorCount = 3;
// How far before the position an overlapping page may start (records fetched twice, not pages).
constexpr qint64 maxOverlap = 64;
// Pages asked for in one sync to find the position before the listing starts over from its top.
constexpr int maxVerifyTries = 20;

// Whether `a` is listed before `b` (created later); none when created_at cannot tell them apart.
std::optional<bool> newer(const QDateTime &a, const QDateTime &b)
{
    if (!a.isValid() || !b.isValid() || a == b)
        return std::nullopt;
    return a > b;
}

QJsonArray toJson(const QList<ListingPass::Listed> &records)
{
    QJsonArray array;
    for (const ListingPass::Listed &record : records)
        array.append(
            QJsonObject{{QStringLiteral("id"), record.id},
                        {QStringLiteral("createdAt"), Timestamp::toText(record.createdAt)}});
    return array;
}

QList<ListingPass::Listed> listedFromJson(const QJsonValue &value)
{
    QList<ListingPass::Listed> records;
    for (const QJsonValue &item : value.toArray())
        records.append({item[QStringLiteral("id")].toString(),
                        Timestamp::fromText(item[QStringLiteral("createdAt")].toString())});
    return records;
}

const QStringList &stageNames()
{
    static const QStringList names{QStringLiteral("live"), QStringLiteral("archived"),
                                   QStringLiteral("head"), QStringLiteral("done")};
    return names;
}

} // namespace

ListingPass::ListingPass(int pageSize)
    : m_maxPageSize(std::max(1, pageSize))
    , m_pageSize(m_maxPageSize)
{}

std::optional<ListingPass> ListingPass::fromJson(const QByteArray &json, int pageSize)
{
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    const qsizetype stage = stageNames().indexOf(object.value(QStringLiteral("stage")).toString());
    ListingPass pass(pageSize);
    pass.m_offset = object.value(QStringLiteral("offset")).toInteger(-1);
    const qint64 saved = object.value(QStringLiteral("pageSize")).toInteger(0);
    const qint64 savedMax = object.value(QStringLiteral("maxPageSize")).toInteger(0);
    if (stage < 0 || pass.m_offset < 0 || saved < 1 || savedMax < saved)
        return std::nullopt;
    pass.m_stage = static_cast<Stage>(stage);
    // A server that clamped pages keeps doing so; a smaller size asked for now is asked for.
    pass.m_maxPageSize = static_cast<int>(std::min<qint64>(savedMax, pass.m_maxPageSize));
    pass.m_pageSize = static_cast<int>(std::min<qint64>(saved, pass.m_maxPageSize));
    pass.m_verify =
        object.value(QStringLiteral("verify")).toBool() || pass.m_offset % pass.m_pageSize != 0;
    pass.m_honoursSize = object.value(QStringLiteral("honoursSize")).toBool(true);
    pass.m_anchors = listedFromJson(object.value(QStringLiteral("anchors")));
    pass.m_head = listedFromJson(object.value(QStringLiteral("head")));
    pass.m_lastTotal = object.value(QStringLiteral("lastTotal")).toInteger(-1);
    pass.m_liveTotal = object.value(QStringLiteral("liveTotal")).toInteger(-1);
    pass.m_archivedTotal = object.value(QStringLiteral("archivedTotal")).toInteger(-1);
    pass.m_recordsSeen = object.value(QStringLiteral("seen")).toInteger(0);
    pass.m_doubtful = object.value(QStringLiteral("doubtful")).toBool();
    pass.m_resumed = object.value(QStringLiteral("resumed")).toBool();
    pass.m_feedCursor = object.value(QStringLiteral("feedCursor")).toInteger(-1);
    // Saved without the key: its earlier pages' cursors are unknown.
    pass.m_feedCursorLost = object.value(QStringLiteral("feedCursorLost")).toBool(true);
    return pass;
}

QByteArray ListingPass::toJson() const
{
    return QJsonDocument(
               QJsonObject{{QStringLiteral("stage"), stageNames().at(static_cast<int>(m_stage))},
                           {QStringLiteral("offset"), m_offset},
                           {QStringLiteral("pageSize"), m_pageSize},
                           {QStringLiteral("maxPageSize"), m_maxPageSize},
                           {QStringLiteral("verify"), m_verify},
                           {QStringLiteral("honoursSize"), m_honoursSize},
                           {QStringLiteral("anchors"), ::toJson(m_anchors)},
                           {QStringLiteral("head"), ::toJson(m_head)},
                           {QStringLiteral("lastTotal"), m_lastTotal},
                           {QStringLiteral("liveTotal"), m_liveTotal},
                           {QStringLiteral("archivedTotal"), m_archivedTotal},
                           {QStringLiteral("seen"), m_recordsSeen},
                           {QStringLiteral("doubtful"), m_doubtful},
                           {QStringLiteral("resumed"), m_resumed},
                           {QStringLiteral("feedCursor"), m_feedCursor},
                           {QStringLiteral("feedCursorLost"), m_feedCursorLost}})
        .toJson(QJsonDocument::Compact);
}

qint64 ListingPass::recordsTotal() const
{
    if (m_liveTotal < 0 && m_archivedTotal < 0)
        return -1;
    return std::max<qint64>(0, m_liveTotal) + std::max<qint64>(0, m_archivedTotal);
}

void ListingPass::tookFeedCursor(std::optional<qint64> cursor)
{
    if (!cursor || *cursor < 0)
        m_feedCursorLost = true;
    else if (m_feedCursor < 0 || *cursor < m_feedCursor)
        m_feedCursor = *cursor;
}

std::optional<qint64> ListingPass::feedCursor() const
{
    if (m_feedCursorLost || m_feedCursor < 0)
        return std::nullopt;
    return m_feedCursor;
}

void ListingPass::resume()
{
    m_resumed = true;
    m_verifyTries = 0;
    if (m_stage == Stage::Head)
        return restartListing(); // what was created meanwhile is on top again
    if (m_offset == 0)
        return;
    if (!m_honoursSize)
        return restartListing(); // its pages cannot be made to overlap: from the top, then
    m_verify = true;
}

ListingPass::Request ListingPass::next() const
{
    const bool archived = m_stage == Stage::Archived;
    if (m_verify && m_honoursSize && m_offset > 0)
        return overlapping(archived);
    return {archived, static_cast<int>(m_offset / m_pageSize) + 1, m_pageSize};
}

std::optional<ListingPass::Request> ListingPass::likelyAfter(const Request &asked) const
{
    if (m_stage == Stage::Head || m_stage == Stage::Done || m_verify || !m_honoursSize ||
        m_lastTotal < 0 || asked.pageSize != m_pageSize || !(asked == next()))
        return std::nullopt;
    if (qint64(asked.page) * asked.pageSize >= m_lastTotal)
        return std::nullopt;
    return Request{asked.archived, asked.page + 1, asked.pageSize};
}

QList<ListingPass::Request> ListingPass::likelyAhead(const Request &asked, int count) const
{
    QList<Request> ahead;
    std::optional<Request> after = likelyAfter(asked);
    while (after && ahead.size() < count) {
        ahead.append(*after);
        // Further pages follow as this one did, while the total says there are more.
        if (qint64(after->page) * after->pageSize >= m_lastTotal)
            break;
        after = Request{after->archived, after->page + 1, after->pageSize};
    }
    return ahead;
}

ListingPass::Request ListingPass::overlapping(bool archived) const
{
    // From the top is always possible (and the only choice this close to it). Preferred: a page
    // nearly as large as the largest, since pages of its size go on from it; then the one that
    // brings the most new records. One that ends right at the position brings none but confirms
    // it.
    const auto score = [this](qint64 start, qint64 size) {
        return std::make_tuple(size >= m_maxPageSize - m_maxPageSize / 10, start + size - m_offset,
                               size);
    };
    Request best{archived, 1, m_maxPageSize};
    auto bestScore = score(0, m_maxPageSize);
    for (qint64 start = m_offset - 1; start > 0 && start >= m_offset - maxOverlap; --start) {
        // The largest page size that starts a page here.
        for (qint64 size = std::min<qint64>(m_maxPageSize, start); size > 0; --size) {
            if (start % size != 0)
                continue;
            if (start + size >= m_offset && score(start, size) > bestScore) {
                best = {archived, static_cast<int>(start / size) + 1, static_cast<int>(size)};
                bestScore = score(start, size);
            }
            break;
        }
    }
    return best;
}

ListingPass::Check ListingPass::check(const QList<Listed> &page, qsizetype *firstNew) const
{
    for (qsizetype i = page.size() - 1; i >= 0; --i) {
        for (const Listed &anchor : m_anchors) {
            if (!anchor.id.isEmpty() && page.at(i).id == anchor.id) {
                *firstNew = i + 1;
                return Check::Covered;
            }
        }
    }
    // The anchors are gone (deleted, archived): their creation times still say where they were.
    if (page.isEmpty() || m_anchors.isEmpty())
        return Check::StepBack;
    const QDateTime &position = m_anchors.constLast().createdAt;
    if (newer(page.constLast().createdAt, position) == true)
        return Check::Before;
    if (newer(page.constFirst().createdAt, position) != true)
        return Check::StepBack;
    *firstNew = 0;
    while (*firstNew < page.size() && newer(page.at(*firstNew).createdAt, position) == true)
        ++*firstNew;
    return Check::Covered;
}

void ListingPass::took(const Request &asked, const QList<Listed> &page, std::optional<qint64> total)
{
    const qint64 start = qint64(asked.page - 1) * asked.pageSize;
    const qsizetype received = page.size();
    const bool shortPage = received < asked.pageSize;
    if (received > asked.pageSize) {
        // The server pages its own way: positions are its pages, whatever was asked.
        m_honoursSize = false;
        m_maxPageSize = m_pageSize = static_cast<int>(received);
        if (start > 0)
            return restartListing(); // this page's records are kept; where it lies is unknown
    }
    if (m_stage == Stage::Head)
        return tookHead(page, shortPage);
    if (total)
        (m_stage == Stage::Live ? m_liveTotal : m_archivedTotal) = *total;
    if (m_stage == Stage::Live && start == 0 && m_head.isEmpty())
        m_head = page.mid(0, anchorCount);
    qsizetype firstNew = 0;
    if (m_verify && start > 0) {
        if (++m_verifyTries > maxVerifyTries)
            return restartListing();
        const Check found = check(page, &firstNew);
        if (found == Check::StepBack) {
            m_offset = std::max<qint64>(0, start - std::max(1, asked.pageSize / 2));
            if (m_offset == 0)
                m_pageSize = m_maxPageSize;
            return;
        }
        if (found == Check::Before && !shortPage) {
            // Everything here is new or seen already; the position lies further down.
            m_recordsSeen += received;
            m_offset = std::max(m_offset, start + received);
            return;
        }
        // Found: pages go on from here at this size, unless it is far below the largest.
        m_verifyTries = 0;
        m_pageSize = asked.pageSize;
        m_verify = m_pageSize < m_maxPageSize - m_maxPageSize / 10;
    } else if (start > 0 && total && m_lastTotal > *total) {
        // Records went away since the last page: those after them moved up, and one may have
        // crossed the boundary this page starts at. Its records are kept; the next page overlaps
        // the position again to tell.
        m_lastTotal = *total;
        if (m_honoursSize) {
            m_verify = true;
            return;
        }
        m_doubtful = true;
    } else if (start == 0) {
        m_verify = false;
    }
    m_lastTotal = total.value_or(-1);
    m_recordsSeen += received - firstNew;
    if (received > 0)
        m_anchors = page.mid(std::max<qsizetype>(0, received - anchorCount));
    m_offset = start + received;
    if (received == 0 || (total && m_offset >= *total))
        return endListing();
    if (!shortPage)
        return;
    const bool more = total ? m_offset < *total : start == 0;
    if (more && !m_honoursSize)
        m_doubtful = true; // its pages cannot be made to overlap to find what is missing
    if (!more || !m_honoursSize)
        return endListing();
    // A page shorter than asked for that is not the last: the server's largest page.
    m_maxPageSize = m_pageSize = static_cast<int>(received);
    m_verify = m_offset % m_pageSize != 0;
}

void ListingPass::tookHead(const QList<Listed> &page, bool shortPage)
{
    m_recordsSeen += page.size();
    m_offset += page.size();
    bool reached = shortPage || page.isEmpty() || m_head.isEmpty() ||
                   newer(page.constLast().createdAt, m_head.constFirst().createdAt) != true;
    for (const Listed &record : page) {
        for (const Listed &head : std::as_const(m_head))
            reached = reached || (!head.id.isEmpty() && record.id == head.id);
    }
    if (reached)
        endListing();
}

void ListingPass::restartListing()
{
    m_offset = 0;
    m_pageSize = m_maxPageSize;
    m_verify = false;
    m_anchors.clear();
    m_lastTotal = -1;
    m_verifyTries = 0;
}

void ListingPass::endListing()
{
    switch (m_stage) {
    case Stage::Live:
        m_stage = Stage::Archived;
        break;
    case Stage::Archived:
        m_stage = m_resumed && !m_head.isEmpty() ? Stage::Head : Stage::Done;
        break;
    case Stage::Head:
    case Stage::Done:
        m_stage = Stage::Done;
        break;
    }
    restartListing();
}
