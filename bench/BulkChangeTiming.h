#pragma once

#include <QString>
#include <functional>

class MainWindow;
class OpportunityListModel;
class StoreClock;

// A bulk change timed as a user waits for it: 10,000 deals (or every ninth, when fewer) moved to
// Negotiation as one command, then undone, with the list showing and then the board. Stored:
// until the store announces the commit; shown: until the model, the proxies and the view showing
// have it painted.
class BulkChangeTiming final
{
public:
    BulkChangeTiming(MainWindow &window, OpportunityListModel &model, StoreClock &clock)
        : m_window(window)
        , m_model(model)
        , m_clock(clock)
    {}

    // The report's lines; `settle` runs the event loop until the window has the change painted.
    QString run(const std::function<void()> &settle);

private:
    MainWindow &m_window;
    OpportunityListModel &m_model;
    StoreClock &m_clock;
};
