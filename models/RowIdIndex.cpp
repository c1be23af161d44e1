#include "RowIdIndex.h"

#include "ByteHash.h"

quint32 RowIdIndex::hashOf(QStringView id)
{
    const quint64 hash = ByteHash::of(reinterpret_cast<const char *>(id.data()),
                                      id.size() * qsizetype(sizeof(QChar)));
    return quint32(hash ^ (hash >> 32));
}

bool RowIdIndex::holds(const Slot &slot, quint32 hash, QStringView id) const
{
    // A row past the end: rows are being removed and the index is rebuilt after.
    return slot.hash == hash && slot.row < m_rows.size() &&
           QStringView(m_rows.at(slot.row).opportunity.id) == id;
}

size_t RowIdIndex::find(quint32 hash, QStringView id) const
{
    const size_t mask = m_slots.size() - 1;
    size_t at = hash & mask;
    while (m_slots[at].row >= 0 && !holds(m_slots[at], hash, id))
        at = (at + 1) & mask;
    return at;
}

void RowIdIndex::resize(size_t slotCount)
{
    std::vector<Slot> old = std::move(m_slots);
    m_slots.assign(slotCount, Slot());
    const size_t mask = slotCount - 1;
    for (const Slot &slot : old) {
        if (slot.row < 0)
            continue;
        size_t at = slot.hash & mask;
        while (m_slots[at].row >= 0)
            at = (at + 1) & mask;
        m_slots[at] = slot;
    }
}

void RowIdIndex::rebuild()
{
    size_t slotCount = 16;
    while (slotCount < size_t(m_rows.size()) * 2)
        slotCount *= 2;
    m_slots.assign(slotCount, Slot());
    m_count = 0;
    for (int row = 0; row < m_rows.size(); ++row)
        insert(row);
}

int RowIdIndex::rowOf(QStringView id) const
{
    if (m_slots.empty())
        return -1;
    return m_slots[find(hashOf(id), id)].row;
}

void RowIdIndex::insert(int row)
{
    if (m_slots.empty() || size_t(m_count + 1) * 2 > m_slots.size())
        resize(m_slots.empty() ? 16 : m_slots.size() * 2);
    const QStringView id = m_rows.at(row).opportunity.id;
    const quint32 hash = hashOf(id);
    Slot &slot = m_slots[find(hash, id)];
    if (slot.row < 0)
        ++m_count;
    slot = {hash, row};
}

void RowIdIndex::remove(QStringView id)
{
    if (m_slots.empty())
        return;
    const size_t mask = m_slots.size() - 1;
    size_t gap = find(hashOf(id), id);
    if (m_slots[gap].row < 0)
        return;
    // Backward shift: each following entry that may move into the gap does, so that no probe
    // stops short at an empty slot.
    for (size_t at = (gap + 1) & mask; m_slots[at].row >= 0; at = (at + 1) & mask) {
        const size_t home = m_slots[at].hash & mask;
        const bool staysPut = gap <= at ? (gap < home && home <= at) : (gap < home || home <= at);
        if (staysPut)
            continue;
        m_slots[gap] = m_slots[at];
        gap = at;
    }
    m_slots[gap] = Slot();
    --m_count;
}
