#pragma once

#include "Stage.h"

class QLabel;

// A board column's title, "Proposal  (1,234)", in a label as wide as the largest count it can
// show: a keystroke changes the count, not the label's width, so a board narrower than its
// columns neither jumps sideways nor lays out and repaints all of itself again (a label fixed in
// size does not send its layout round when its text changes).
class ColumnTitle final
{
public:
    // `largest`: the most cards the column can hold (every cached deal).
    static void show(QLabel &title, Stage stage, int count, int largest);
};
