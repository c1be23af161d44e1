#pragma once

#include "ByteHash.h"

#include <QByteArray>
#include <QString>
#include <cstring>
#include <vector>

// One shared copy of each text read many times over (an account's id and name, an owner, a
// currency): 100,000 rows of a few hundred accounts hold a few hundred strings, not 100,000.
//
// Looked up four times a row on a full cache read, so a table of its own rather than a QHash of
// QByteArrays: a cheap hash of the few bytes, and each text's hash, bytes and string in one slot
// of the table, so that a lookup compares within one cache line.
class StringPool final
{
public:
    // The pooled string for this UTF-8 text; a lookup allocates nothing once the text is known.
    QString fromUtf8(const char *data, qsizetype size)
    {
        const quint64 hash = hashOf(data, size);
        if (!m_slots.empty()) {
            const size_t mask = m_slots.size() - 1;
            for (size_t at = hash & mask;; at = (at + 1) & mask) {
                const Slot &slot = m_slots[at];
                if (slot.length < 0)
                    break;
                if (slot.hash == hash && slot.length == size &&
                    (size == 0 || std::memcmp(bytesOf(slot), data, size_t(size)) == 0))
                    return slot.text;
            }
        }
        return add(hash, data, size);
    }
    // Asks the processor for the slot this text would be found in, ahead of fromUtf8: a lookup
    // among thousands of texts waits on memory, and work done meanwhile hides the wait.
    void prefetch(const char *data, qsizetype size) const
    {
        if (!m_slots.empty())
            __builtin_prefetch(&m_slots[hashOf(data, size) & (m_slots.size() - 1)]);
    }
    qsizetype size() const { return m_count; }

private:
    // One cache line: the hash, the text's bytes (most texts are short enough to sit here) and
    // the string, so that a lookup among thousands of accounts touches one line, not four.
    struct alignas(64) Slot
    {
        QString text;
        quint64 hash = 0;
        // -1: an empty slot.
        qint32 length = -1;
        // Where a text too long for `bytes` starts in m_long.
        qint32 longStart = 0;
        char bytes[24] = {};
    };

    const char *bytesOf(const Slot &slot) const
    {
        return slot.length <= qint32(sizeof(slot.bytes)) ? slot.bytes
                                                         : m_long.constData() + slot.longStart;
    }
    static quint64 hashOf(const char *data, qsizetype size) { return ByteHash::of(data, size); }

    QString add(quint64 hash, const char *data, qsizetype size)
    {
        // At most three quarters full, a power of two in size.
        if ((m_count + 1) * 4 > qsizetype(m_slots.size()) * 3)
            grow();
        Slot slot;
        // Empty text stays apart from no text (NULL): empty, but not null.
        slot.text = size == 0 ? QString(QLatin1String("")) : QString::fromUtf8(data, size);
        slot.hash = hash;
        slot.length = qint32(size);
        if (size <= qsizetype(sizeof(slot.bytes))) {
            if (size > 0)
                std::memcpy(slot.bytes, data, size_t(size));
        } else {
            slot.longStart = qint32(m_long.size());
            m_long.append(data, size);
        }
        ++m_count;
        return place(std::move(slot)).text;
    }
    Slot &place(Slot &&slot)
    {
        const size_t mask = m_slots.size() - 1;
        size_t at = slot.hash & mask;
        while (m_slots[at].length >= 0)
            at = (at + 1) & mask;
        m_slots[at] = std::move(slot);
        return m_slots[at];
    }
    void grow()
    {
        std::vector<Slot> old = std::move(m_slots);
        m_slots = std::vector<Slot>(old.empty() ? 64 : old.size() * 2);
        for (Slot &slot : old) {
            if (slot.length >= 0)
                place(std::move(slot));
        }
    }

    std::vector<Slot> m_slots;
    qsizetype m_count = 0;
    // The bytes of texts longer than a slot holds.
    QByteArray m_long;
};
