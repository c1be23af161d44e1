#pragma once

#include <QBarSet>
#include <QList>

// The heights a bar set holds, in order, for a comparison.
inline QList<double> valuesOf(const QBarSet *set)
{
    QList<double> values;
    for (int i = 0; i < set->count(); ++i)
        values.append(set->at(i));
    return values;
}
