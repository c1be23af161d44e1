#pragma once

#include <QString>

// Text from the server placed inside a sentence of ours: wrapped in a first-strong isolate, so
// bidi controls in it (an unclosed right-to-left override, say) reorder only the text itself,
// never the words and figures around it.
namespace ServerText {

QString isolated(const QString &text);

} // namespace ServerText
