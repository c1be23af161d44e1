#pragma once

#include "OpportunityRow.h"

#include <QList>
#include <QStringView>
#include <vector>

// Which row holds which id, for OpportunityListModel: built over 100,000 rows on every load, so
// a table of row numbers and hashes (eight bytes a row) that reads the ids from the rows
// themselves, instead of a QHash holding a copy of each id in a node of its own.
class RowIdIndex final
{
public:
    explicit RowIdIndex(const QList<OpportunityRow> &rows)
        : m_rows(rows)
    {}

    // Indexes every row anew.
    void rebuild();
    // The row with this id, or -1.
    int rowOf(QStringView id) const;
    // Row `row` (already in the list) holds its id now; a row indexed with the same id before
    // is forgotten.
    void insert(int row);
    // Forgets `id` (while its row still holds it).
    void remove(QStringView id);

private:
    struct Slot
    {
        quint32 hash = 0;
        // -1: an empty slot.
        qint32 row = -1;
    };

    static quint32 hashOf(QStringView id);
    bool holds(const Slot &slot, quint32 hash, QStringView id) const;
    // Where `id` is, or the empty slot where it would go.
    size_t find(quint32 hash, QStringView id) const;
    void resize(size_t slotCount);

    const QList<OpportunityRow> &m_rows;
    // Open addressing with linear probing, at most half full; a power of two in size.
    std::vector<Slot> m_slots;
    qsizetype m_count = 0;
};
