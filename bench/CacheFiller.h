#pragma once

#include <QString>

// A cache of `count` plausible records, as a first sync would leave it: each page kept as a
// feed bootstrap keeps it (LocalStore::keepPulledPage), then the pass completed, so the fill
// goes through the store's public API and its cost grows with the count alone.
class CacheFiller final
{
public:
    // False, with the reason on stderr, when the store cannot be opened or written.
    static bool fill(const QString &path, int count);
};
