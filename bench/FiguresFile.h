#pragma once

#include <QString>

// The end of a benchmark run: its report printed and written to the figures file (the folders
// made as needed), so that a run on another machine leaves the same kind of file behind.
class FiguresFile final
{
public:
    // False, with the reason on stderr, when the file cannot be written.
    static bool publish(const QString &report, const QString &path);
};
