#pragma once

#include <QHashFunctions>
#include <QString>

// A text in one font (a FontSlots number) at one width: the key of the text caches.
struct FontTextKey
{
    int font = 0;
    int width = 0;
    QString text;

    friend bool operator==(const FontTextKey &a, const FontTextKey &b)
    {
        return a.font == b.font && a.width == b.width && a.text == b.text;
    }
    friend size_t qHash(const FontTextKey &key, size_t seed = 0)
    {
        return qHashMulti(seed, key.font, key.width, key.text);
    }
};
