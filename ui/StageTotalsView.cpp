#include "StageTotalsView.h"

#include "Money.h"

#include <QLocale>
#include <QPainter>
#include <cmath>

namespace {

QString full(double value)
{
    return formatAmount(std::round(value));
}

// Shortened to three digits or so ("12.5M", "173M"; German "173 Mio.") for a narrow column; the
// tooltip has the exact figures.
QString shortened(double value)
{
    const QLocale locale;
    const double size = std::abs(value);
    if (size < 1e4 || size >= 1e15 || !std::isfinite(value))
        return full(value);
    const auto digits = [&](double scaled) {
        return locale.toString(scaled, 'f', std::abs(scaled) < 10 ? 1 : 0);
    };
    if (size >= 1e9)
        return StageTotalsView::tr("%1B").arg(digits(value / 1e9));
    if (size >= 1e6)
        return StageTotalsView::tr("%1M").arg(digits(value / 1e6));
    return StageTotalsView::tr("%1K").arg(digits(value / 1e3));
}

} // namespace

StageTotalsView::StageTotalsView(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void StageTotalsView::setTotals(const PipelineTotals &totals, const QStringList &currencies)
{
    const int needed = minimumSizeHint().width();
    const bool taller = currencies.size() != m_currencies.size();
    m_totals = totals;
    m_currencies = currencies;
    const QString figures = text();
    setToolTip(figures);
    setAccessibleName(figures);
    // The layout hears of it only when the room needed changes, not on every keystroke.
    if (taller || minimumSizeHint().width() != needed)
        updateGeometry();
    update();
}

QString StageTotalsView::text() const
{
    if (m_totals.count == 0)
        return tr("No deals");
    return tr("Total %1\nWeighted %2")
        .arg(PipelineTotals::format(m_totals.value), PipelineTotals::format(m_totals.weighted));
}

int StageTotalsView::codeWidth() const
{
    return fontMetrics().horizontalAdvance(QStringLiteral("WWW")) + 4;
}

int StageTotalsView::figureWidthNeeded() const
{
    const QFontMetrics metrics = fontMetrics();
    int needed =
        std::max(metrics.horizontalAdvance(tr("Total")), metrics.horizontalAdvance(tr("Weighted")));
    for (const auto *perCurrency : {&m_totals.value, &m_totals.weighted}) {
        for (double value : *perCurrency)
            needed = std::max(needed, metrics.horizontalAdvance(shortened(value)));
    }
    return needed;
}

QSize StageTotalsView::sizeHint() const
{
    const int rows = 1 + std::max<int>(1, static_cast<int>(m_currencies.size()));
    const int width = fontMetrics().horizontalAdvance(QStringLiteral("EUR 1,000,000 1,000,000"));
    return {std::max(width, minimumSizeHint().width()), rows * fontMetrics().lineSpacing()};
}

QSize StageTotalsView::minimumSizeHint() const
{
    // The code, then two figure columns: 4 pixels after the code, 8 between the figures.
    const int figures = codeWidth() + 12 + 2 * figureWidthNeeded();
    const int rows = 1 + std::max<int>(1, static_cast<int>(m_currencies.size()));
    return {std::max(figures, fontMetrics().horizontalAdvance(tr("No deals"))),
            rows * fontMetrics().lineSpacing()};
}

QList<StageTotalsView::Cell> StageTotalsView::cells() const
{
    const QFontMetrics metrics = fontMetrics();
    const int line = metrics.lineSpacing();
    const int code = codeWidth();
    const int figureWidth = (width() - code - 12) / 2;
    QList<Cell> cells;
    const auto cell = [&](int row, int column, const QString &text, bool muted) {
        const QRect area = column == 0 ? QRect(0, row * line, code, line)
                                       : QRect(code + 4 + (column - 1) * (figureWidth + 8),
                                               row * line, figureWidth, line);
        cells.append({area, text, muted, column == 0 ? Qt::AlignLeft : Qt::AlignRight});
    };
    if (m_totals.count == 0 && m_currencies.isEmpty()) {
        cells.append({QRect(0, 0, width(), line), tr("No deals"), true, Qt::AlignLeft});
        return cells;
    }
    cell(0, 1, tr("Total"), true);
    cell(0, 2, tr("Weighted"), true);
    // All figures in full when they all fit, otherwise all shortened: one style per column.
    bool fits = true;
    for (const auto *perCurrency : {&m_totals.value, &m_totals.weighted}) {
        for (double value : *perCurrency)
            fits = fits && metrics.horizontalAdvance(full(value)) <= figureWidth;
    }
    const auto figure = [fits](double value) {
        return fits ? full(value) : shortened(value);
    };
    for (int i = 0; i < m_currencies.size(); ++i) {
        const QString &currency = m_currencies.at(i);
        cell(i + 1, 0, currency, true);
        if (!m_totals.value.contains(currency)) {
            cell(i + 1, 1, QStringLiteral("–"), true);
            cell(i + 1, 2, QStringLiteral("–"), true);
            continue;
        }
        cell(i + 1, 1, figure(m_totals.value.value(currency)), false);
        cell(i + 1, 2, figure(m_totals.weighted.value(currency)), false);
    }
    return cells;
}

void StageTotalsView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QColor muted = palette().placeholderText().color();
    const QColor text = palette().text().color();
    for (const Cell &cell : cells()) {
        painter.setPen(cell.muted ? muted : text);
        painter.drawText(cell.area, Qt::AlignVCenter | cell.alignment, cell.text);
    }
}
