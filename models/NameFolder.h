#pragma once

#include <QString>
#include <QStringView>
#include <array>

// OpportunityFilter::fold for many names, the same result at a fraction of the cost: a full
// cache read folds 100,000 names, and fold() normalises every name that is not plain ASCII
// (most are not: an "é", an "ø", a dash) twice over. Here each character of Latin-1, Latin
// Extended-A/B, general punctuation and currency signs is folded once, on first sight, and a
// name made of those and ASCII is the folded characters side by side; any other name takes
// fold() itself. Valid because folding those characters is local (nothing reorders or combines
// across them), which tst_namefolder checks for every pair of them.
class NameFolder final
{
public:
    // Appends the folded `text` to `out`.
    void appendFolded(QStringView text, QString &out);
    QString folded(QStringView text)
    {
        QString out;
        appendFolded(text, out);
        return out;
    }

    // Whether `c` is folded on its own here (in the ranges above, and no mark); for the test.
    bool foldsAlone(char16_t c);

private:
    // A character's folded spelling: up to four UTF-16 units. `length` -1: not worked out yet;
    // -2: not folded on its own (a mark, or longer), the name goes to fold().
    struct Spelling
    {
        std::array<char16_t, 4> units{};
        qint8 length = -1;
    };
    static constexpr int latinEnd = 0x0250;
    static constexpr int punctuationStart = 0x2000;
    static constexpr int punctuationEnd = 0x20D0;
    static int slotOf(char16_t c)
    {
        if (c >= 0x80 && c < latinEnd)
            return c - 0x80;
        if (c >= punctuationStart && c < punctuationEnd)
            return latinEnd - 0x80 + (c - punctuationStart);
        return -1;
    }
    const Spelling &spellingOf(char16_t c, int slot);

    std::array<Spelling, (latinEnd - 0x80) + (punctuationEnd - punctuationStart)> m_spellings{};
};
