#include "ImportNumberReader.h"

#include "ImportValueReader.h"

#include <QRegularExpression>
#include <cmath>
#include <limits>

namespace {

bool isGroupOnly(QChar c)
{
    return c == QLatin1Char(' ') || c == QChar(0x00a0) || c == QChar(0x202f) ||
           c == QChar(0x2009) || c == QLatin1Char('\'') || c == QChar(0x2019);
}

bool isPoint(QChar c)
{
    return c == QLatin1Char('.') || c == QLatin1Char(',');
}

// The figures of a number: digits and the separators between them, a sign taken off.
struct Figures
{
    bool negative = false;
    QList<QString> runs;  // the digit runs
    QList<QChar> between; // the separator after each run but the last
    bool ok = false;
};

Figures split(QStringView text)
{
    Figures figures;
    qsizetype i = 0;
    if (i < text.size() && (text.at(i) == QLatin1Char('-') || text.at(i) == QChar(0x2212))) {
        figures.negative = true;
        ++i;
    } else if (i < text.size() && text.at(i) == QLatin1Char('+')) {
        ++i;
    }
    QString run;
    for (; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isDigit() && c.unicode() < 128) {
            run += c;
        } else if (isPoint(c) || isGroupOnly(c)) {
            if (run.isEmpty())
                return figures;
            figures.runs.append(run);
            figures.between.append(c);
            run.clear();
        } else {
            return figures;
        }
    }
    if (run.isEmpty())
        return figures;
    figures.runs.append(run);
    figures.ok = true;
    return figures;
}

// "1,500" and "1.500": one point with three digits after it, which reads as a thousands
// separator or a decimal point alike.
bool isOpen(const Figures &figures)
{
    return figures.between.size() == 1 && isPoint(figures.between.first()) &&
           figures.runs.last().size() == 3 && figures.runs.first().size() <= 3 &&
           !figures.runs.first().startsWith(QLatin1Char('0'));
}

// The decimal point the figures show by themselves, if any.
std::optional<QChar> shownPoint(const Figures &figures)
{
    if (figures.between.isEmpty() || isOpen(figures))
        return std::nullopt;
    const QChar last = figures.between.last();
    if (!isPoint(last))
        return std::nullopt;
    if (figures.between.count(last) > 1) {
        // 1,234,567: the repeated one groups; the other would be the point.
        return last == QLatin1Char('.') ? QLatin1Char(',') : QLatin1Char('.');
    }
    return last;
}

// The text without a currency before or after the figures.
QString withoutCurrency(const QString &text, QString *currency)
{
    static const QRegularExpression around(QStringLiteral(
        "^(?:([A-Za-z]{3}|US\\$|[$€£¥])\\s*)?(.*?)(?:\\s*([A-Za-z]{3}|US\\$|[$€£¥]))?$"));
    const QRegularExpressionMatch match = around.match(text);
    const QString before = match.captured(1);
    const QString after = match.captured(3);
    if (!before.isEmpty() && !after.isEmpty())
        return text;
    const QString written = before.isEmpty() ? after : before;
    if (written.isEmpty())
        return text;
    const std::optional<QString> code = ImportValueReader::currencyOfSymbol(written);
    *currency = code ? *code : written.toUpper();
    return match.captured(2);
}

} // namespace

ImportNumberReader::ImportNumberReader(const QLocale &locale, const QStringList &column)
    : m_localeDecimalPoint(locale.decimalPoint() == QLatin1String(",") ? QLatin1Char(',')
                                                                       : QLatin1Char('.'))
{
    std::optional<QChar> agreed;
    for (const QString &cell : column) {
        QString currency;
        const Figures figures = split(withoutCurrency(cell.trimmed(), &currency));
        if (!figures.ok)
            continue;
        const std::optional<QChar> point = shownPoint(figures);
        if (!point)
            continue;
        if (agreed && *agreed != *point)
            return; // a column of both kinds tells nothing
        agreed = point;
    }
    m_learned = agreed;
}

Result<ImportNumberReader::Amount> ImportNumberReader::amount(const QString &text) const
{
    const auto notANumber = [&text] {
        return Failure{tr("not a number: '%1'").arg(text)};
    };
    Amount amount;
    const Figures figures = split(withoutCurrency(text.trimmed(), &amount.currency));
    if (!figures.ok)
        return notANumber();

    // The decimal point, when the figures have one: the last separator, if it is a point and
    // the only one of its kind ("1,234,567" has none).
    QChar point;
    if (isOpen(figures)) {
        const QChar decimalPoint = m_learned ? *m_learned : m_localeDecimalPoint;
        if (figures.between.first() == decimalPoint)
            point = decimalPoint;
    } else if (!figures.between.isEmpty() && isPoint(figures.between.last()) &&
               figures.between.count(figures.between.last()) == 1) {
        point = figures.between.last();
    }
    // Everything but the point groups thousands: one kind of separator, three digits a group.
    const qsizetype groups = figures.between.size() - (point.isNull() ? 0 : 1);
    QString digits = figures.runs.first();
    for (qsizetype i = 0; i < groups; ++i) {
        if (figures.between.at(i) != figures.between.first() || figures.between.at(i) == point ||
            figures.runs.at(i + 1).size() != 3 || figures.runs.first().size() > 3)
            return notANumber();
        digits += figures.runs.at(i + 1);
    }
    if (!point.isNull())
        digits += QLatin1Char('.') + figures.runs.last();

    bool ok = false;
    amount.value = digits.toDouble(&ok);
    // The form is checked above: only a number too large for a double fails here.
    if (!ok || !std::isfinite(amount.value))
        amount.value = std::numeric_limits<double>::max();
    if (figures.negative)
        amount.value = -amount.value;
    return amount;
}

Result<int> ImportNumberReader::percent(const QString &text) const
{
    QString figures = text.trimmed();
    if (figures.endsWith(QLatin1Char('%')))
        figures.chop(1);
    const Result<Amount> read = amount(figures);
    if (!read || !read->currency.isEmpty())
        return Failure{tr("not a number: '%1'").arg(text)};
    const double value = read->value;
    if (value != std::floor(value) || value < 0 || value > 100)
        return Failure{tr("not a whole number from 0 to 100: '%1'").arg(text)};
    return static_cast<int>(value);
}
