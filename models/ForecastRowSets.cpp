#include "ForecastRowSets.h"

ForecastRowSets::Found ForecastRowSets::find(const QString &search) const
{
    Found found;
    // The chain's searches contain one another: those `search` contains come first.
    for (const Level &level : m_chain) {
        if (!search.contains(level.search))
            break;
        found.rows = &level.rows;
        found.exact = level.search == search;
        if (found.exact)
            break;
    }
    return found;
}

void ForecastRowSets::keep(const QString &search, Bits rows)
{
    std::vector<Level> chain;
    chain.reserve(m_chain.size() + 1);
    auto level = m_chain.begin();
    for (; level != m_chain.end() && search.contains(level->search) && level->search != search;
         ++level)
        chain.push_back(std::move(*level));
    chain.push_back({search, std::move(rows)});
    for (; level != m_chain.end(); ++level) {
        if (level->search.contains(search) && level->search != search)
            chain.push_back(std::move(*level));
    }
    if (chain.size() > mostLevels) // the longest go: erasing reaches them last
        chain.resize(mostLevels);
    m_chain = std::move(chain);
}

qsizetype ForecastRowSets::count(const Bits &bits)
{
    qsizetype count = 0;
    for (quint64 word : bits)
        count += qPopulationCount(word);
    return count;
}
