#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// The bytes of an SQLite file, read to find and damage chosen pages.
class PageFile final
{
public:
    explicit PageFile(const QString &path);

    int pageSize() const { return m_pageSize; }

    // The pages an interior table b-tree page points to, left to right (empty for a leaf).
    QList<int> children(int page) const
    {
        const int start = (page - 1) * m_pageSize + (page == 1 ? 100 : 0);
        if (quint8(m_bytes.at(start)) != 0x05)
            return {};
        QList<int> pages;
        const int cells = number(start + 3, 2);
        for (int i = 0; i < cells; ++i)
            pages.append(number((page - 1) * m_pageSize + number(start + 12 + 2 * i, 2), 4));
        pages.append(number(start + 8, 4));
        return pages;
    }

    // Rows held by a leaf page.
    int cellCount(int page) const
    {
        return number((page - 1) * m_pageSize + (page == 1 ? 100 : 0) + 3, 2);
    }

    // Fills page `page` with garbage.
    bool overwrite(int page) const;

private:
    int number(int offset, int length) const
    {
        int value = 0;
        for (int i = 0; i < length; ++i)
            value = (value << 8) | quint8(m_bytes.at(offset + i));
        return value;
    }

    QString m_path;
    QByteArray m_bytes;
    int m_pageSize = 0;
};

// The root page of a table or index, read through a connection of its own (before the damage).
int rootPage(const QString &path, const QString &name);
