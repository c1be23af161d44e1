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
    const bool taller = currencies.size() != m_currencies.size();
    m_totals = totals;
    m_currencies = currencies;
    const QString figures = text();
    setToolTip(figures);
    setAccessibleName(figures);
    if (taller)
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

QSize StageTotalsView::sizeHint() const
{
    const int rows = 1 + std::max<int>(1, static_cast<int>(m_currencies.size()));
    return {fontMetrics().horizontalAdvance(QStringLiteral("EUR 1,000,000 1,000,000")),
            rows * fontMetrics().lineSpacing()};
}

QSize StageTotalsView::minimumSizeHint() const
{
    return {fontMetrics().horizontalAdvance(QStringLiteral("EUR 1.0M 1.0M")), sizeHint().height()};
}

void StageTotalsView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QFontMetrics metrics = fontMetrics();
    const int line = metrics.lineSpacing();
    const int codeWidth = metrics.horizontalAdvance(QStringLiteral("WWW")) + 4;
    const int figureWidth = (width() - codeWidth) / 2 - 4;
    const QColor muted = palette().placeholderText().color();
    const auto cell = [&](int row, int column, const QString &text, const QColor &color) {
        const QRect area = column == 0 ? QRect(0, row * line, codeWidth, line)
                                       : QRect(codeWidth + (column - 1) * (figureWidth + 4) + 4,
                                               row * line, figureWidth, line);
        painter.setPen(color);
        painter.drawText(area, Qt::AlignVCenter | (column == 0 ? Qt::AlignLeft : Qt::AlignRight),
                         text);
    };
    if (m_totals.count == 0 && m_currencies.isEmpty()) {
        cell(0, 0, QString(), muted);
        painter.setPen(muted);
        painter.drawText(QRect(0, 0, width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                         tr("No deals"));
        return;
    }
    cell(0, 1, tr("Total"), muted);
    cell(0, 2, tr("Weighted"), muted);
    // All figures in full when they all fit, otherwise all shortened: one style per column.
    bool fits = true;
    for (const auto *perCurrency : {&m_totals.value, &m_totals.weighted}) {
        for (double value : *perCurrency)
            fits = fits && metrics.horizontalAdvance(full(value)) <= figureWidth;
    }
    const auto figure = [fits](double value) {
        return fits ? full(value) : shortened(value);
    };
    const QColor text = palette().text().color();
    for (int i = 0; i < m_currencies.size(); ++i) {
        const QString &currency = m_currencies.at(i);
        cell(i + 1, 0, currency, muted);
        if (!m_totals.value.contains(currency)) {
            cell(i + 1, 1, QStringLiteral("–"), muted);
            cell(i + 1, 2, QStringLiteral("–"), muted);
            continue;
        }
        cell(i + 1, 1, figure(m_totals.value.value(currency)), text);
        cell(i + 1, 2, figure(m_totals.weighted.value(currency)), text);
    }
}
