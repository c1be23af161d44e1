#pragma once

#include "NameFolder.h"

#include <QString>
#include <QStringView>
#include <vector>

// Every row's name folded as OpportunityFilter::fold folds it (through NameFolder), side by side
// in one buffer, and which rows' names contain a search, worked out for every row at once on a
// keystroke.
//
// Each name has a character set of 64 bits beside its place: one bit for each letter a–z and
// digit, the other characters hashed into the rest. A pass over 100,000 rows reads these 16-byte
// entries front to back: a name lacking one of the search's bits cannot hold it and its text is
// not read; for a search of one letter or digit the bit alone is the answer. Typing on ("m",
// then "mü") reads only the names the shorter search found.
//
// The flags are kept through every change of the rows (a changed, added or removed row updates
// its own), so a card move does not send the next keystroke back to a whole pass.
class FoldedNames final
{
public:
    // The character set of a folded name (or of a search).
    static quint64 charactersOf(QStringView folded);
    // a == b, asked once per row: the same shared text is the common case (a filter is copied
    // from proxy to proxy), told by its address without comparing characters.
    static bool sameText(const QString &a, const QString &b)
    {
        return a.size() == b.size() && (a.constData() == b.constData() || a == b);
    }

    qsizetype count() const { return static_cast<qsizetype>(m_names.size()); }
    // Row `row`'s folded name.
    QStringView at(int row) const
    {
        const Name &name = m_names[static_cast<size_t>(row)];
        return QStringView(m_text).mid(name.start, name.length);
    }

    // Every row goes; room is made for `rows` names.
    void clear(qsizetype rows);
    // A row added after the others, named `name` (folded here).
    void append(QStringView name);
    // Row `row` now has this name (often the one it had: a stage or an amount changed).
    void replace(int row, QStringView name);
    // Row `row` goes (rows after it move up one).
    void remove(int row);
    // Gives back the room a load's growing left unused.
    void squeeze();

    // Works the flags out for the non-empty `search`.
    void match(const QString &search) const;
    // Whether the flags are for this search (flags are kept for one search at a time).
    bool isFor(const QString &search) const { return m_valid && sameText(search, m_search); }
    // Whether row `row`'s name contains the search the flags are for (see isFor).
    bool matches(int row) const { return m_matches[static_cast<size_t>(row)] != 0; }

private:
    // One name's place in m_text, and its character set.
    struct Name
    {
        quint64 characters = 0;
        qint32 start = 0;
        qint32 length = 0;
    };

    // Folds `name` onto the end of m_text.
    Name fold(QStringView name);
    // Whether the name contains `search`: a kept flag for a new or changed row, and the test of
    // each name a search's character set leaves.
    bool holds(const Name &name, const QString &search) const;
    // Names replaced or removed leave text behind: gone once it is half waste.
    void compactIfWasteful();
    // Whether the flags kept are for a shorter search that `search` contains (typing on: "m",
    // "mü", "mül"): only a name found for it can hold the longer one.
    bool typedOn(const QString &search) const;
    // Whether the set is a letter's or a digit's own bit alone (not one shared by hashing).
    static bool isExact(quint64 characters);

    QString m_text;
    // Characters of m_text no name holds any more.
    qsizetype m_waste = 0;
    std::vector<Name> m_names;
    NameFolder m_folder;
    // The last match()'s search and, per row, whether its name contains it: a cache the model's
    // const passes fill.
    mutable QString m_search;
    mutable bool m_valid = false;
    mutable std::vector<char> m_matches;
};
