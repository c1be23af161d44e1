#pragma once

#include <QList>
#include <QString>
#include <algorithm>
#include <vector>

// Which rows' folded names contain one search, found by one scan of the buffer that holds every
// name (OpportunityListModel's m_foldedNames) instead of one search per row: a keystroke at
// 100,000 rows then costs a vectorised pass over the text and one flag read per row.
//
// Kept current through the model's changes (a changed, added or removed row updates its own
// flag), so a card move does not send the next keystroke back to a whole scan. A hit counts only
// when it lies wholly inside one live name: names sit side by side in the buffer, and old
// names' text is left there until compaction.
class FoldedNameSearch final
{
public:
    // Whether the flags are for this search (flags are kept for one search at a time).
    bool isFor(const QString &search) const { return m_valid && sameText(search, m_search); }
    // a == b, asked once per row: the same shared text is the common case (a filter is copied
    // from proxy to proxy), told by its address without comparing characters.
    static bool sameText(const QString &a, const QString &b)
    {
        return a.size() == b.size() && (a.constData() == b.constData() || a == b);
    }
    // Whether row `row`'s name contains the search the flags are for (see isFor).
    bool matches(int row) const { return m_matches[static_cast<size_t>(row)] != 0; }
    // Flags are kept (for search()): a changed row's own flag is then due.
    bool isValid() const { return m_valid; }
    const QString &search() const { return m_search; }

    // Works the flags out for the non-empty `search` over the rows of `rows` (anything with
    // nameStart and nameLength into `names`, as OpportunityListModel::Facts).
    template <typename Rows> void match(const QString &search, QStringView names, const Rows &rows)
    {
        if (narrows(search, rows.size())) {
            narrow(search, names, rows);
            return;
        }
        applyRemovals();
        begin(search, rows.size());
        if (search.isEmpty() || rows.isEmpty())
            return;
        if (m_inRowOrder) {
            // The rows' own places, no index: the name a hit lies in is found on from the last
            // one (hits come in order), O(log gap) rows read per hit.
            const auto *row = rows.constData();
            const qsizetype count = rows.size();
            qsizetype at = 0;
            scan(search, names, row->nameStart, [&](qsizetype offset) {
                // The next few rows one by one (the common gap, read in order), then galloping.
                for (int near = 0; near < 16; ++near) {
                    if (at + 1 == count || row[at + 1].nameStart > offset)
                        return Entry{row[at].nameStart, row[at].nameLength,
                                     static_cast<qint32>(at)};
                    ++at;
                }
                if (at + 1 < count && row[at + 1].nameStart <= offset) {
                    qsizetype low = at + 1; // starts at or before the hit
                    qsizetype step = 1;
                    while (low + step < count && row[low + step].nameStart <= offset) {
                        low += step;
                        step *= 2;
                    }
                    qsizetype high = std::min(low + step, count); // starts after it, or the end
                    while (high - low > 1) {
                        const qsizetype middle = low + (high - low) / 2;
                        (row[middle].nameStart <= offset ? low : high) = middle;
                    }
                    at = low;
                }
                return Entry{row[at].nameStart, row[at].nameLength, static_cast<qint32>(at)};
            });
            return;
        }
        if (!m_indexed) {
            m_byStart.clear();
            m_byStart.reserve(static_cast<size_t>(rows.size()));
            for (qsizetype row = 0; row < rows.size(); ++row)
                add(rows.at(row).nameStart, rows.at(row).nameLength, static_cast<qint32>(row));
            sortIndex();
        }
        if (m_byStart.empty())
            return;
        const Entry *entry = m_byStart.data();
        const Entry *const lastEntry = entry + m_byStart.size() - 1;
        scan(search, names, entry->start, [&](qsizetype offset) {
            while (entry != lastEntry && (entry + 1)->start <= offset)
                ++entry;
            return *entry;
        });
    }

    // The model's changes, each told before it is announced (a proxy may ask at once).
    // Every row replaced, or the names laid out anew (compaction): the flags or the index go.
    void clear();
    void namesMoved()
    {
        m_indexed = false;
        m_inRowOrder = true; // laid out again in row order
    }
    // Row `row` changed: its name, formerly at `oldStart`, was appended to the buffer at
    // `start` (or stayed where it was, the same name); `matches`: whether it contains search()
    // now (when isValid()).
    void rowChanged(int row, qint32 oldStart, qint32 oldLength, qint32 start, qint32 length,
                    bool matches);
    // Row `row` was added at the end, its name appended to the buffer at `start`.
    void rowAppended(int row, qint32 start, qint32 length, bool matches);
    // Row `row` was removed (rows after it move up one).
    void rowRemoved(int row);

private:
    // Whether the flags kept are for a shorter search that `search` contains (typing on: "m",
    // "mü", "mül"), and few enough that searching their names one by one beats the scan: a
    // name on its own costs about ten names' worth of the scan.
    bool narrows(const QString &search, qsizetype rowCount) const
    {
        return m_valid && !m_search.isEmpty() && search.size() > m_search.size() &&
               m_matches.size() == static_cast<size_t>(rowCount) && search.contains(m_search) &&
               std::count(m_matches.cbegin(), m_matches.cend(), 1) * 10 < rowCount;
    }
    // The flagged names searched again for `search`: only a name holding the shorter search can
    // hold it.
    template <typename Rows> void narrow(const QString &search, QStringView names, const Rows &rows)
    {
        m_search = search;
        const auto *row = rows.constData();
        char *flag = m_matches.data();
        for (size_t at = 0; at < m_matches.size(); ++at) {
            if (flag[at])
                flag[at] = names.sliced(row[at].nameStart, row[at].nameLength).contains(search);
        }
    }

    // One name's place in the buffer; length 0 for a name no longer there.
    struct Entry
    {
        qint32 start = 0;
        qint32 length = 0;
        qint32 row = 0;
    };

    void add(qint32 start, qint32 length, qint32 row)
    {
        if (length > 0) // an empty name contains no search, and would share its start
            m_byStart.push_back({start, length, row});
    }
    void sortIndex();
    // Renumbers the index for the rows removed since the last time.
    void applyRemovals();
    // The flags for `search`, none set yet.
    void begin(const QString &search, qsizetype rowCount);
    // Every place the search's first two characters occur together in `names` from `from` on,
    // the rest compared there; `locate(offset)` gives the name starting last at or before a hit
    // (asked with offsets in increasing order), whose row is flagged when the hit lies inside it.
    template <typename Locate>
    void scan(const QString &search, QStringView names, qsizetype from, Locate locate)
    {
        const qsizetype length = search.size();
        const qsizetype last = names.size() - length; // the last offset a hit may start at
        const auto *text = reinterpret_cast<const char16_t *>(names.data());
        const auto *wanted = reinterpret_cast<const char16_t *>(search.constData());
        while (from <= last) {
            const qsizetype at = findLead(text, from, last + 1, wanted, length);
            if (at < 0)
                break;
            qsizetype same = 2;
            while (same < length && text[at + same] == wanted[same])
                ++same;
            if (same < length) {
                from = at + 1;
                continue;
            }
            const Entry name = locate(at);
            const qsizetype end = qsizetype(name.start) + name.length;
            if (name.start <= at && at + length <= end) {
                m_matches[static_cast<size_t>(name.row)] = 1;
                from = end; // the rest of this name cannot add anything
            } else {
                from = at + 1; // in text left by an old name, or spanning into the next name
            }
        }
    }
    // The first offset in [from, end) where the search's first character occurs followed by its
    // second (if it has one); -1 if none. text[end + length - 2] is the last read.
    static qsizetype findLead(const char16_t *text, qsizetype from, qsizetype end,
                              const char16_t *search, qsizetype length);

    QString m_search;
    bool m_valid = false;
    std::vector<char> m_matches;
    // Every non-empty name by its start in the buffer: a hit's offset maps to its row. Built only
    // once the names are out of row order (a renamed row's name goes to the buffer's end): in row
    // order the rows' own places serve, and the index's memory (12 bytes a row) is not spent.
    std::vector<Entry> m_byStart;
    bool m_indexed = false;
    // Whether the rows' names lie in the buffer in row order (after a load or a compaction, with
    // rows appended since): then the rows' own places map a hit to its row, no index needed.
    bool m_inRowOrder = true;
    // Rows removed since the index was last renumbered, as removed (each in the numbering before
    // the removals, as the model removes from the last row up).
    QList<int> m_removed;
};
