#include "ColumnTitle.h"

#include <QFontMetrics>
#include <QLabel>
#include <QLocale>
#include <algorithm>

namespace {

QString titleText(Stage stage, const QString &count)
{
    return QStringLiteral("%1  (%2)").arg(Stages::label(stage), count);
}

// `count` as the title says it, every digit the locale's widest in the font: as wide as any
// count up to it.
QString widestCount(int count, const QFontMetrics &metrics)
{
    const QLocale locale;
    QString widest = locale.toString(0);
    for (int digit = 1; digit <= 9; ++digit) {
        const QString shown = locale.toString(digit);
        if (metrics.horizontalAdvance(shown) > metrics.horizontalAdvance(widest))
            widest = shown;
    }
    QString text;
    for (QChar c : locale.toString(count))
        text += c.isDigit() ? widest : QString(c);
    return text;
}

} // namespace

void ColumnTitle::show(QLabel &title, Stage stage, int count, int largest)
{
    const QFontMetrics metrics = title.fontMetrics();
    const QMargins margins = title.contentsMargins();
    const int room = metrics.horizontalAdvance(
                         titleText(stage, widestCount(std::max(count, largest), metrics))) +
                     margins.left() + margins.right() + 2 * title.margin();
    if (title.minimumWidth() != room || title.maximumWidth() != room)
        title.setFixedWidth(room);
    title.setText(titleText(stage, QLocale().toString(count)));
}
