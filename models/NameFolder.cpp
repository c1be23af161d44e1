#include "NameFolder.h"

#include "OpportunityFilter.h"

#include <QVarLengthArray>

namespace {

bool isMark(char16_t c)
{
    const QChar::Category category = QChar::category(char32_t(c));
    return category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining ||
           category == QChar::Mark_Enclosing;
}

// Neither a mark nor anything that decomposes to start with one: normalisation reorders and
// drops marks, which is where folding a character alone could differ from folding it in a name.
bool isPlainStarter(char16_t c)
{
    if (isMark(c) || QChar::combiningClass(char32_t(c)) != 0)
        return false;
    const QString decomposed = QString(QChar(c)).normalized(QString::NormalizationForm_KD);
    return decomposed.isEmpty() || QChar::combiningClass(decomposed.at(0).unicode()) == 0;
}

} // namespace

const NameFolder::Spelling &NameFolder::spellingOf(char16_t c, int slot)
{
    Spelling &spelling = m_spellings[static_cast<size_t>(slot)];
    if (spelling.length != -1)
        return spelling;
    spelling.length = -2;
    if (!isPlainStarter(c))
        return spelling;
    const QString folded = OpportunityFilter::fold(QString(QChar(c)));
    if (folded.size() > qsizetype(spelling.units.size()))
        return spelling;
    for (qsizetype i = 0; i < folded.size(); ++i) {
        const char16_t unit = folded.at(i).unicode();
        if (unit >= 0x80 && !isPlainStarter(unit))
            return spelling;
        spelling.units[static_cast<size_t>(i)] = unit;
    }
    spelling.length = static_cast<qint8>(folded.size());
    return spelling;
}

bool NameFolder::foldsAlone(char16_t c)
{
    if (c < 0x80)
        return true;
    const int slot = slotOf(c);
    return slot >= 0 && spellingOf(c, slot).length >= 0;
}

void NameFolder::appendFolded(QStringView text, QString &out)
{
    // Spelled into a buffer on the stack, appended at once: a name is a few dozen characters.
    QVarLengthArray<char16_t, 256> folded;
    folded.resize(text.size() * 4);
    char16_t *to = folded.data();
    for (const QChar qc : text) {
        const char16_t c = qc.unicode();
        if (c < 0x80) { // as fold() has ASCII: lower case, controls to spaces
            if (c >= u'A' && c <= u'Z')
                *to++ = c + (u'a' - u'A');
            else if (c < 0x20 || c == 0x7f)
                *to++ = u' ';
            else
                *to++ = c;
            continue;
        }
        const int slot = slotOf(c);
        const Spelling *spelling = slot >= 0 ? &spellingOf(c, slot) : nullptr;
        if (!spelling || spelling->length < 0) {
            out += OpportunityFilter::fold(text.toString());
            return;
        }
        for (qint8 i = 0; i < spelling->length; ++i)
            *to++ = spelling->units[static_cast<size_t>(i)];
    }
    out.append(reinterpret_cast<const QChar *>(folded.constData()), to - folded.constData());
}
