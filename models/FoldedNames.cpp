#include "FoldedNames.h"

namespace {

// Bits 0-25 for a-z, 26-35 for 0-9, each exact; every other character shares one of the 28 left.
constexpr int exactBits = 36;
constexpr int sharedBits = 64 - exactBits;

int bitOf(char16_t c)
{
    if (c >= u'a' && c <= u'z')
        return c - u'a';
    if (c >= u'0' && c <= u'9')
        return 26 + (c - u'0');
    return exactBits + c % sharedBits;
}

} // namespace

quint64 FoldedNames::charactersOf(QStringView folded)
{
    quint64 characters = 0;
    for (const QChar c : folded)
        characters |= quint64(1) << bitOf(c.unicode());
    return characters;
}

bool FoldedNames::isExact(quint64 characters)
{
    return characters != 0 && characters < (quint64(1) << exactBits);
}

void FoldedNames::clear(qsizetype rows)
{
    m_text.clear();
    m_text.reserve(rows * 32);
    m_waste = 0;
    m_names.clear();
    m_names.reserve(static_cast<size_t>(rows));
    m_valid = false;
    m_search.clear();
    m_matches.clear();
}

FoldedNames::Name FoldedNames::fold(QStringView name)
{
    Name folded;
    folded.start = static_cast<qint32>(m_text.size());
    m_folder.appendFolded(name, m_text);
    folded.length = static_cast<qint32>(m_text.size() - folded.start);
    folded.characters = charactersOf(QStringView(m_text).sliced(folded.start));
    return folded;
}

bool FoldedNames::holds(const Name &name, const QString &search) const
{
    return QStringView(m_text).mid(name.start, name.length).contains(search);
}

void FoldedNames::append(QStringView name)
{
    m_names.push_back(fold(name));
    if (m_valid)
        m_matches.push_back(holds(m_names.back(), m_search) ? 1 : 0);
}

void FoldedNames::replace(int row, QStringView name)
{
    Name &kept = m_names[static_cast<size_t>(row)];
    const Name now = fold(name);
    if (now.length == kept.length && QStringView(m_text).mid(now.start, now.length) ==
                                         QStringView(m_text).mid(kept.start, kept.length)) {
        m_text.truncate(now.start); // the same name: it stays where it was, leaving no waste
        return;
    }
    m_waste += kept.length;
    kept = now;
    if (m_valid)
        m_matches[static_cast<size_t>(row)] = holds(kept, m_search) ? 1 : 0;
    compactIfWasteful();
}

void FoldedNames::remove(int row)
{
    m_waste += m_names[static_cast<size_t>(row)].length;
    m_names.erase(m_names.begin() + row);
    if (m_valid)
        m_matches.erase(m_matches.begin() + row);
    compactIfWasteful();
}

void FoldedNames::squeeze()
{
    m_text.squeeze();
    m_names.shrink_to_fit();
}

void FoldedNames::compactIfWasteful()
{
    if (m_waste < 4096 || m_waste * 2 < m_text.size())
        return;
    QString compact;
    compact.reserve(m_text.size() - m_waste);
    for (Name &name : m_names) {
        const QStringView text = QStringView(m_text).mid(name.start, name.length);
        name.start = static_cast<qint32>(compact.size());
        compact += text;
    }
    m_text = std::move(compact);
    m_waste = 0;
}

bool FoldedNames::typedOn(const QString &search) const
{
    return m_valid && !m_search.isEmpty() && search.size() > m_search.size() &&
           m_matches.size() == m_names.size() && search.contains(m_search);
}

void FoldedNames::match(const QString &search) const
{
    const quint64 wanted = charactersOf(search);
    const bool narrowing = typedOn(search);
    const size_t count = m_names.size();
    const Name *name = m_names.data();
    m_search = search;
    m_valid = true;
    m_matches.resize(count);
    char *flag = m_matches.data();
    if (search.size() == 1 && isExact(wanted)) {
        for (size_t at = 0; at < count; ++at) // no branch: the compiler vectorises it
            flag[at] = (name[at].characters & wanted) != 0 ? 1 : 0;
        return;
    }
    for (size_t at = 0; at < count; ++at) {
        flag[at] = (name[at].characters & wanted) == wanted && (!narrowing || flag[at] != 0) &&
                   holds(name[at], search);
    }
}
