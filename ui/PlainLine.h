#pragma once

class QString;

// Whether `text` draws at a point as it does in a laid-out line, so that a cache may lay it out
// once: no line breaks or tabs, and no U+009C (QFontMetrics stops measuring at its string of
// length variants).
bool isPlainLine(const QString &text);
