#include "FoldedNameSearch.h"

#include <algorithm>
#include <limits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// Eight characters a step where SSE2 is there. Two characters at once: one alone ("m") is found
// in many names, where the scan would stop.
qsizetype FoldedNameSearch::findLead(const char16_t *text, qsizetype from, qsizetype end,
                                     const char16_t *search, qsizetype length)
{
    const char16_t first = search[0];
    const char16_t second = length > 1 ? search[1] : 0;
#if defined(__SSE2__)
    const __m128i firsts = _mm_set1_epi16(static_cast<short>(first));
    const __m128i seconds = _mm_set1_epi16(static_cast<short>(second));
    // The second load reaches text[from + 8]: from + 8 <= end keeps it within the text.
    for (; from + 8 <= end; from += 8) {
        const __m128i here = _mm_loadu_si128(reinterpret_cast<const __m128i *>(text + from));
        __m128i hits = _mm_cmpeq_epi16(here, firsts);
        if (length > 1) {
            const __m128i next =
                _mm_loadu_si128(reinterpret_cast<const __m128i *>(text + from + 1));
            hits = _mm_and_si128(hits, _mm_cmpeq_epi16(next, seconds));
        }
        if (const int mask = _mm_movemask_epi8(hits))
            return from + (__builtin_ctz(static_cast<unsigned>(mask)) >> 1);
    }
#endif
    for (; from < end; ++from) {
        if (text[from] == first && (length < 2 || text[from + 1] == second))
            return from;
    }
    return -1;
}

void FoldedNameSearch::clear()
{
    m_valid = false;
    m_search.clear();
    m_matches.clear();
    m_byStart.clear();
    m_indexed = false;
    m_inRowOrder = true;
    m_removed.clear();
}

void FoldedNameSearch::rowChanged(int row, qint32 oldStart, qint32 oldLength, qint32 start,
                                  qint32 length, bool matches)
{
    if (m_valid)
        m_matches[static_cast<size_t>(row)] = matches ? 1 : 0;
    if (start == oldStart && length == oldLength)
        return;           // the same name, where it was
    m_inRowOrder = false; // its name went to the end of the buffer
    if (!m_indexed)
        return;
    applyRemovals();
    if (oldLength > 0) {
        const auto old =
            std::lower_bound(m_byStart.begin(), m_byStart.end(), oldStart,
                             [](const Entry &entry, qint32 at) { return entry.start < at; });
        if (old != m_byStart.end() && old->start == oldStart)
            old->length = 0; // its text is waste now
    }
    if (!m_byStart.empty() && start <= m_byStart.back().start && length > 0)
        m_indexed = false; // not appended after the others: laid out anew on the next scan
    else
        add(start, length, row);
}

void FoldedNameSearch::rowAppended(int row, qint32 start, qint32 length, bool matches)
{
    if (m_valid) {
        if (m_matches.size() == static_cast<size_t>(row))
            m_matches.push_back(matches ? 1 : 0);
        else
            m_valid = false;
    }
    if (!m_indexed)
        return;
    applyRemovals();
    if (!m_byStart.empty() && start <= m_byStart.back().start && length > 0)
        m_indexed = false;
    else
        add(start, length, row);
}

void FoldedNameSearch::rowRemoved(int row)
{
    if (m_valid)
        m_matches.erase(m_matches.begin() + row);
    if (!m_indexed)
        return;
    // Pending removals are kept in one numbering: from the last row up.
    if (!m_removed.isEmpty() && row >= m_removed.constLast())
        applyRemovals();
    m_removed.append(row);
}

void FoldedNameSearch::applyRemovals()
{
    if (m_removed.isEmpty())
        return;
    std::sort(m_removed.begin(), m_removed.end());
    // One pass: a removed row's entry goes, the others move up by the removed rows before them.
    auto kept = m_byStart.begin();
    for (const Entry &entry : m_byStart) {
        const auto before = std::lower_bound(m_removed.cbegin(), m_removed.cend(), entry.row);
        if (before != m_removed.cend() && *before == entry.row)
            continue;
        *kept = entry;
        kept->row -= static_cast<qint32>(before - m_removed.cbegin());
        ++kept;
    }
    m_byStart.erase(kept, m_byStart.end());
    m_removed.clear();
}

void FoldedNameSearch::sortIndex()
{
    m_indexed = true;
    // Names are laid out in row order after a load or a compaction: usually nothing to do.
    const auto byStart = [](const Entry &a, const Entry &b) {
        return a.start < b.start;
    };
    if (std::is_sorted(m_byStart.cbegin(), m_byStart.cend(), byStart))
        return;
    // A changed row's name went to the end of the buffer; the others are still in order. Those
    // starting after some later row's name are taken out (from the back: kept while not after
    // the lowest kept after them), sorted alone and merged back in from the end: a sort of the
    // changed rows, not of every name (at a million rows, 100 ms against a few).
    std::vector<Entry> moved;
    auto kept = m_byStart.end();
    qint32 lowest = std::numeric_limits<qint32>::max();
    for (auto entry = m_byStart.end(); entry != m_byStart.begin();) {
        --entry;
        if (entry->start <= lowest) {
            lowest = entry->start;
            *--kept = *entry;
        } else {
            moved.push_back(*entry);
        }
    }
    std::sort(moved.begin(), moved.end(), byStart);
    const auto keptCount = m_byStart.end() - kept;
    std::move(kept, m_byStart.end(), m_byStart.begin());
    // Both runs sorted: merged from the largest down into the whole vector.
    auto from = m_byStart.begin() + keptCount;
    auto other = moved.end();
    for (auto to = m_byStart.end(); other != moved.begin();) {
        if (from != m_byStart.begin() && (other - 1)->start < (from - 1)->start)
            *--to = *--from;
        else
            *--to = *--other;
    }
}

void FoldedNameSearch::begin(const QString &search, qsizetype rowCount)
{
    m_search = search;
    m_valid = true;
    m_matches.assign(static_cast<size_t>(rowCount), 0);
}
