#pragma once

#include "StoreClock.h"

#include <QString>

// bench_ui's in-process figures over a filled cache, in a process of its own (run inside a
// QApplication): the store opened and read into the model beside the SQLite floor, the window
// built and painted, then a user's work timed until the window has it painted: list, board and
// forecast keystrokes, a sort, card moves and a bulk change (each stored: until the store
// announces the commit). Prints a report, then the figures as UiFigures lines.
class UiMeasurement final
{
public:
    explicit UiMeasurement(QString cachePath)
        : m_cachePath(std::move(cachePath))
    {}

    // 0 when every figure was measured.
    int run();

private:
    QString m_cachePath;
    StoreClock m_storeClock;
};
