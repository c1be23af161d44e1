#include "ColumnTitle.h"

#include <QFontMetrics>
#include <QHash>
#include <QLabel>
#include <QLocale>
#include <algorithm>

namespace {

QString titleText(Stage stage, const QString &count)
{
    return QStringLiteral("%1  (%2)").arg(Stages::label(stage), count);
}

// The locale's widest digit in the font, found once per font and locale: every column's title
// asks on every keystroke.
QString widestDigit(const QLocale &locale, const QLabel &title, const QFontMetrics &metrics)
{
    static QHash<QString, QString> known;
    const QString key = title.font().key() + QLatin1Char('/') +
                        QString::number(title.logicalDpiY()) + QLatin1Char('/') + locale.name() +
                        QLatin1Char('/') + locale.zeroDigit();
    if (const auto found = known.constFind(key); found != known.cend())
        return *found;
    QString widest = locale.toString(0);
    int widestAdvance = metrics.horizontalAdvance(widest);
    for (int digit = 1; digit <= 9; ++digit) {
        const QString shown = locale.toString(digit);
        if (const int advance = metrics.horizontalAdvance(shown); advance > widestAdvance) {
            widest = shown;
            widestAdvance = advance;
        }
    }
    if (known.size() > 64) // fonts and locales come and go in tests only
        known.clear();
    known.insert(key, widest);
    return widest;
}

// `count` as the title says it, every digit the locale's widest in the font: as wide as any
// count up to it.
QString widestCount(int count, const QLabel &title, const QFontMetrics &metrics)
{
    const QLocale locale;
    const QString widest = widestDigit(locale, title, metrics);
    QString text;
    for (QChar c : locale.toString(count))
        text += c.isDigit() ? widest : QString(c);
    return text;
}

// The advance of `text` in the title's font, measured once: every column's title asks for the
// same room on every keystroke (the largest count stays), and shaping it each time costs more
// than the rest of the title.
int advanceOf(const QString &text, const QLabel &title, const QFontMetrics &metrics)
{
    static QHash<QString, int> known;
    const QString key = title.font().key() + QLatin1Char('/') +
                        QString::number(title.logicalDpiY()) + QLatin1Char('/') + text;
    if (const auto found = known.constFind(key); found != known.cend())
        return *found;
    if (known.size() > 256) // a few per font and count: tests only ever fill it
        known.clear();
    return *known.insert(key, metrics.horizontalAdvance(text));
}

} // namespace

void ColumnTitle::show(QLabel &title, Stage stage, int count, int largest)
{
    const QFontMetrics metrics = title.fontMetrics();
    const QMargins margins = title.contentsMargins();
    const int room =
        advanceOf(titleText(stage, widestCount(std::max(count, largest), title, metrics)), title,
                  metrics) +
        margins.left() + margins.right() + 2 * title.margin();
    if (title.minimumWidth() != room || title.maximumWidth() != room)
        title.setFixedWidth(room);
    title.setText(titleText(stage, QLocale().toString(count)));
}
