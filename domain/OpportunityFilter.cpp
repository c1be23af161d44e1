#include "OpportunityFilter.h"

#include <algorithm>

namespace {

// Folded letters without a decomposition, and their plain spelling (see fold()).
QStringView plainSpelling(char32_t letter)
{
    switch (letter) {
    case U'ł':
        return u"l";
    case U'ø':
        return u"o";
    case U'đ':
    case U'ð':
        return u"d";
    case U'ħ':
        return u"h";
    case U'ŧ':
        return u"t";
    case U'ı':
        return u"i";
    case U'ß':
        return u"ss";
    case U'æ':
        return u"ae";
    case U'œ':
        return u"oe";
    case U'þ':
        return u"th";
    }
    return {};
}

// Decomposition, marks dropped, case folding, plain spellings: one pass of fold().
QString foldOnce(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString unmarked;
    unmarked.reserve(decomposed.size());
    for (qsizetype i = 0; i < decomposed.size(); ++i) {
        const QChar c = decomposed.at(i);
        if (c.isHighSurrogate() && i + 1 < decomposed.size() &&
            decomposed.at(i + 1).isLowSurrogate()) {
            const char32_t codePoint = QChar::surrogateToUcs4(c, decomposed.at(i + 1));
            if (QChar::category(codePoint) != QChar::Mark_NonSpacing) {
                unmarked += c;
                unmarked += decomposed.at(i + 1);
            }
            ++i;
        } else if (c.category() == QChar::Other_Control) {
            unmarked += QLatin1Char(' ');
        } else if (c.category() != QChar::Mark_NonSpacing) {
            unmarked += c;
        }
    }
    const QString caseFolded = unmarked.toCaseFolded();
    QString folded;
    folded.reserve(caseFolded.size());
    for (const QChar c : caseFolded) {
        const QStringView plain = plainSpelling(c.unicode());
        if (plain.isEmpty())
            folded += c;
        else
            folded += plain;
    }
    return folded;
}

bool isAscii(const QString &text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x80; });
}

} // namespace

QString OpportunityFilter::fold(const QString &text)
{
    // Most names are ASCII: lower case, controls to spaces, nothing else to do.
    if (isAscii(text)) {
        QString folded = text;
        for (QChar &c : folded) {
            const char16_t u = c.unicode();
            if (u >= u'A' && u <= u'Z')
                c = QChar(u + (u'a' - u'A'));
            else if (u < 0x20 || u == 0x7f)
                c = QLatin1Char(' ');
        }
        return folded;
    }
    // Case folding may leave text that decomposes further (a sign folding to a letter with an
    // accent): once more until nothing changes, so that folding is idempotent.
    // Folded ASCII is final, as above.
    QString folded = foldOnce(text);
    for (int pass = 0; pass < 3 && !isAscii(folded); ++pass) {
        QString again = foldOnce(folded);
        if (again == folded)
            break;
        folded = std::move(again);
    }
    return folded;
}

QString OpportunityFilter::searchableText(const QString &name, const QString &accountName)
{
    return fold(name) + searchSeparator + fold(accountName);
}

bool OpportunityFilter::accepts(const Opportunity &opportunity) const
{
    return opportunity.isArchived == archived &&
           (stages.isEmpty() || stages.contains(opportunity.stage)) &&
           (accountId.isEmpty() || opportunity.accountId == accountId) &&
           (ownerId.isEmpty() || opportunity.ownerId == ownerId) &&
           (search.isEmpty() ||
            matchesFoldedName(searchableText(opportunity.name, opportunity.accountName)));
}

QUrlQuery OpportunityFilter::toQuery() const
{
    QUrlQuery query;
    // QUrlQuery takes "%41" in a value for an encoded "A": encode first, so text stays text.
    const auto add = [&query](const QString &name, const QString &value) {
        query.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    };
    if (!search.isEmpty())
        add(QStringLiteral("search"), searchQuery.isEmpty() ? search : searchQuery);
    if (stages.size() == 1)
        add(QStringLiteral("status"), Stages::id(*stages.cbegin()));
    if (!accountId.isEmpty())
        add(QStringLiteral("accountId"), accountId);
    if (!ownerId.isEmpty())
        add(QStringLiteral("ownerId"), ownerId);
    if (archived)
        add(QStringLiteral("isArchived"), QStringLiteral("true"));
    return query;
}
