#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

// Currency codes numbered in the order they are first seen, for the report builders' cells:
// the fast path looks a code up once per distinct code, then adds by number.
class CurrencySlots final
{
public:
    struct Slot
    {
        int index = 0;
        // First time this code was asked for: the caller makes room for its cells.
        bool added = false;
    };

    Slot slot(const QString &code);

    qsizetype size() const { return m_codes.size(); }
    const QString &code(qsizetype slot) const { return m_codes[slot]; }

    // The slots in alphabetical order of their codes, whatever order they were taken in, so
    // the fast and the slow path sum the same figures in the same order.
    QList<int> alphabetical() const;

private:
    QStringList m_codes;
    QHash<QString, int> m_slotByCode;
};
