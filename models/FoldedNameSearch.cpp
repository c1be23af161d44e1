#include "FoldedNameSearch.h"

#include <algorithm>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace {

// The first offset in [from, end) where the search's first character occurs followed by its
// second (if it has one), eight characters a step where SSE2 is there; -1 if none. `end` is one
// past the last offset the whole search fits at, so text[end + length - 2] is the last read.
// Two characters at once: one alone ("m") is found in most names, where the scan would stop.
qsizetype findLead(const char16_t *text, qsizetype from, qsizetype end, const char16_t *search,
                   qsizetype length)
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

} // namespace

void FoldedNameSearch::clear()
{
    m_valid = false;
    m_search.clear();
    m_matches.clear();
    m_byStart.clear();
    m_indexed = false;
    m_removed.clear();
}

void FoldedNameSearch::rowChanged(int row, qint32 oldStart, qint32 oldLength, qint32 start,
                                  qint32 length, bool matches)
{
    if (m_valid)
        m_matches[static_cast<size_t>(row)] = matches ? 1 : 0;
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
    // Names are laid out in row order after a load or a compaction: usually nothing to do.
    const auto byStart = [](const Entry &a, const Entry &b) {
        return a.start < b.start;
    };
    if (!std::is_sorted(m_byStart.cbegin(), m_byStart.cend(), byStart))
        std::sort(m_byStart.begin(), m_byStart.end(), byStart);
    m_indexed = true;
}

void FoldedNameSearch::scan(const QString &search, QStringView names, qsizetype rowCount)
{
    m_search = search;
    m_valid = true;
    m_matches.assign(static_cast<size_t>(rowCount), 0);
    const qsizetype length = search.size();
    const qsizetype last = names.size() - length; // the last offset a hit may start at
    if (m_byStart.empty() || length == 0 || last < 0)
        return;
    const auto *text = reinterpret_cast<const char16_t *>(names.data());
    const auto *wanted = reinterpret_cast<const char16_t *>(search.constData());
    const Entry *entry = m_byStart.data();
    const Entry *const lastEntry = entry + m_byStart.size() - 1;
    // Every place the search's first two characters occur together, from the first name on;
    // the rest compared there. After a hit inside a name, on from that name's end.
    qsizetype from = entry->start;
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
        // The name starting last at or before the hit: the only one it can lie in.
        while (entry != lastEntry && (entry + 1)->start <= at)
            ++entry;
        const qsizetype end = qsizetype(entry->start) + entry->length;
        if (entry->start <= at && at + length <= end) {
            m_matches[static_cast<size_t>(entry->row)] = 1;
            from = end; // the rest of this name cannot add anything
        } else {
            from = at + 1; // in text left by an old name, or spanning into the next name
        }
    }
}
