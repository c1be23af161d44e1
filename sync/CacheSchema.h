#pragma once

#include <QList>
#include <QStringList>

// The cache file's schema as the steps that build it: step N takes it from version N to N+1.
namespace CacheSchema {

const QList<QStringList> &migrations();
int version();

} // namespace CacheSchema
