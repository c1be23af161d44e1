#pragma once

#include <QList>

// One page of a list and the number of items on every page together.
template <typename T> struct ListPage
{
    QList<T> items;
    qint64 totalCount = 0;
};
