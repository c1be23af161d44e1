#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <algorithm>
#include <cstring>

// Appends to a QByteArray through a pointer: Qt 6.4's QByteArray::append goes through insert()
// for every piece, which was a tenth of a list page's time on the server for pieces of a few
// bytes. The array holds room past what is written until finish(), which cuts it to the written
// bytes; nothing else may touch the array in between.
class JsonCursor final
{
public:
    explicit JsonCursor(QByteArray &json)
        : m_json(json)
    {
        open(json.size(), minimumRoom);
    }
    ~JsonCursor() { finish(); }
    JsonCursor(const JsonCursor &) = delete;
    JsonCursor &operator=(const JsonCursor &) = delete;

    // At least `bytes` of room at at(), for writes without checks of their own.
    void room(qsizetype bytes)
    {
        if (m_end - m_at < bytes)
            grow(bytes);
    }
    char *at() { return m_at; }
    // `bytes` written at at() (within the room asked for).
    void advance(qsizetype bytes) { m_at += bytes; }

    void put(char c)
    {
        room(1);
        *m_at++ = c;
    }
    void put(const char *text, qsizetype size)
    {
        room(size);
        std::memcpy(m_at, text, static_cast<size_t>(size));
        m_at += size;
    }
    void put(QByteArrayView text) { put(text.data(), text.size()); }
    // A literal, without its terminating null.
    template <qsizetype N> void putLiteral(const char (&text)[N]) { put(text, N - 1); }
    // As QByteArray::number(value).
    void putNumber(qint64 value)
    {
        char digits[20];
        char *first = digits + sizeof digits;
        // Negated as unsigned: the lowest qint64 has no positive counterpart.
        quint64 magnitude = value < 0 ? 0 - static_cast<quint64>(value) : quint64(value);
        do {
            *--first = static_cast<char>('0' + magnitude % 10);
            magnitude /= 10;
        } while (magnitude);
        room(21);
        if (value < 0)
            *m_at++ = '-';
        put(first, digits + sizeof digits - first);
    }

    // Forgets what was written after the first `size` bytes.
    void rewind(qsizetype size) { m_at = m_json.data() + size; }

    // Cuts the array to what is written; the cursor may write on after it.
    QByteArray &finish()
    {
        const qsizetype written = m_at - m_json.constData();
        if (m_json.size() != written) {
            m_json.resize(written);
            m_at = m_end = m_json.data() + written;
        }
        return m_json;
    }

private:
    static constexpr qsizetype minimumRoom = 256;

    void grow(qsizetype bytes) { open(m_at - m_json.constData(), bytes + minimumRoom); }
    // Room for `bytes` after the first `written`, all of the capacity used as room; the capacity
    // doubles when it must grow, so that appending stays linear.
    void open(qsizetype written, qsizetype bytes)
    {
        if (m_json.capacity() < written + bytes)
            m_json.reserve(std::max(written + bytes, 2 * m_json.capacity()));
        m_json.resize(std::max(m_json.capacity(), written + bytes));
        m_at = m_json.data() + written;
        m_end = m_json.data() + m_json.size();
    }

    QByteArray &m_json;
    char *m_at = nullptr;
    char *m_end = nullptr;
};
