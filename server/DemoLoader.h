#pragma once

#include "DemoData.h"
#include "Result.h"

class ServerStore;

// Loads generated demo data into an empty kashew-server database in one transaction, each
// opportunity with its creation entry, indexes and triggers set aside and built again after.
class DemoLoader final
{
public:
    explicit DemoLoader(ServerStore &store);

    Status load(const DemoData &demo);

private:
    // Inside the caller's transaction.
    Status insertRows(const DemoData &demo);

    ServerStore &m_store;
};
