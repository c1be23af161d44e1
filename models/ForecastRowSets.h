#pragma once

#include <QString>
#include <QtAlgorithms>
#include <QtGlobal>
#include <vector>

// The rows a chain of searches kept, one bit per row, for the forecast's keystrokes: "m", "mü",
// "mül" typed (each search containing the one before) and erased again. A longer search keeps a
// subset of a shorter one's rows (a name holding "mül" holds "mü"), so only those are tested
// again; a search erased back to one of the chain takes its rows as they are, tested already.
// Bits cost 12.5 KB per search at 100,000 rows, where a list of rows cost up to 400 KB.
//
// The sets are those of the rows as they were: the owner forgets them on any change of the rows.
class ForecastRowSets final
{
public:
    using Bits = std::vector<quint64>;

    // What the chain knows of `search`: the rows of the longest search of the chain that it
    // contains (none: every row is to be tested), and whether that is `search` itself.
    struct Found
    {
        const Bits *rows = nullptr;
        bool exact = false;
    };
    Found find(const QString &search) const;
    // `rows` are those `search` keeps: it joins the chain after the searches it contains,
    // before those that contain it; the others go (a search typed over a different one).
    void keep(const QString &search, Bits rows);
    void forget() { m_chain.clear(); }

    // Bits for `rowCount` rows, none set.
    static Bits none(int rowCount) { return Bits((static_cast<size_t>(rowCount) + 63) / 64, 0); }
    static void set(Bits &bits, int row)
    {
        bits[static_cast<size_t>(row) >> 6] |= quint64(1) << (row & 63);
    }
    static qsizetype count(const Bits &bits);
    // Calls `visit(row)` for every row set, in row order (the order sums are made in).
    template <typename Visit> static void forEach(const Bits &bits, Visit visit)
    {
        for (size_t word = 0; word < bits.size(); ++word) {
            for (quint64 left = bits[word]; left != 0; left &= left - 1)
                visit(static_cast<int>(word * 64 + qCountTrailingZeroBits(left)));
        }
    }

private:
    struct Level
    {
        QString search;
        Bits rows;
    };
    // Each search contains the one before; kept short, as a search rarely grows longer.
    static constexpr size_t mostLevels = 24;
    std::vector<Level> m_chain;
};
