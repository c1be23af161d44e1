#pragma once

#include <QList>
#include <QString>
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
        applyRemovals();
        if (!m_indexed) {
            m_byStart.clear();
            m_byStart.reserve(static_cast<size_t>(rows.size()));
            for (qsizetype row = 0; row < rows.size(); ++row)
                add(rows.at(row).nameStart, rows.at(row).nameLength, static_cast<qint32>(row));
            sortIndex();
        }
        scan(search, names, rows.size());
    }

    // The model's changes, each told before it is announced (a proxy may ask at once).
    // Every row replaced, or the names laid out anew (compaction): the flags or the index go.
    void clear();
    void namesMoved() { m_indexed = false; }
    // Row `row` changed: its name, formerly at `oldStart`, was appended to the buffer at
    // `start`; `matches`: whether it contains search() now (when isValid()).
    void rowChanged(int row, qint32 oldStart, qint32 oldLength, qint32 start, qint32 length,
                    bool matches);
    // Row `row` was added at the end, its name appended to the buffer at `start`.
    void rowAppended(int row, qint32 start, qint32 length, bool matches);
    // Row `row` was removed (rows after it move up one).
    void rowRemoved(int row);

private:
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
    void scan(const QString &search, QStringView names, qsizetype rowCount);

    QString m_search;
    bool m_valid = false;
    std::vector<char> m_matches;
    // Every non-empty name by its start in the buffer: a hit's offset maps to its row.
    std::vector<Entry> m_byStart;
    bool m_indexed = false;
    // Rows removed since the index was last renumbered, as removed (each in the numbering before
    // the removals, as the model removes from the last row up).
    QList<int> m_removed;
};
