#include "StageTotalsView.h"

#include "Money.h"

#include <QEvent>
#include <QLocale>
#include <QPainter>
#include <cmath>

namespace {

const QChar noBreak(0x00a0);

QString full(double value)
{
    return formatAmount(std::round(value) + 0.0); // + 0.0: a rounded -0 shows as 0
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

QString money(double value, const QString &currency, bool shortForm)
{
    return (shortForm ? shortened(value) : full(value)) + noBreak + currency;
}

} // namespace

StageTotalsView::StageTotalsView(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void StageTotalsView::setTotals(const PipelineTotals &totals, const CurrencyRates &rates,
                                const QStringList &boardCurrencies)
{
    const QSize needed = minimumSizeHint();
    m_totals = totals;
    m_rates = rates;
    forgetMeasures();
    m_apart.clear();
    for (const QString &currency : boardCurrencies) {
        if (!rates.rateToBase(currency))
            m_apart.append(currency);
    }
    // Shown, it keeps the room it had; hidden, it needs what its figures need and no more.
    m_reservedWidth = isVisible() ? std::max(m_reservedWidth, leastSize().width()) : 0;
    const QString figures = text();
    setToolTip(figures);
    setAccessibleName(figures);
    // The layout hears of it only when the room needed changes, not on every keystroke.
    if (minimumSizeHint() != needed)
        updateGeometry();
    update();
}

QStringList StageTotalsView::lineCurrencies() const
{
    if (m_rates.baseCurrency().isEmpty())
        return m_apart;
    return QStringList{m_rates.baseCurrency()} + m_apart;
}

int StageTotalsView::lineCount() const
{
    return std::max<int>(1, static_cast<int>(lineCurrencies().size()));
}

QString StageTotalsView::lineText(const QString &currency, bool shortForm) const
{
    const QString base = m_rates.baseCurrency();
    if (!base.isEmpty() && currency == base) {
        const CurrencyRates::Converted total = m_rates.toBase(m_totals.value);
        if (total.unconverted.size() == m_totals.value.size())
            return QString(); // nothing it could convert
        const CurrencyRates::Converted weighted = m_rates.toBase(m_totals.weighted);
        return tr("%1 · %2").arg(money(total.inBase, base, shortForm),
                                 money(weighted.inBase, base, shortForm));
    }
    if (!m_totals.value.contains(currency))
        return QString();
    const QString figures =
        tr("%1 · %2").arg(money(m_totals.value.value(currency), currency, shortForm),
                          money(m_totals.weighted.value(currency), currency, shortForm));
    // Beside converted sums it adds to them.
    return base.isEmpty() ? figures : tr("+ %1").arg(figures);
}

QString StageTotalsView::text() const
{
    if (m_totals.count == 0)
        return tr("No deals");
    const QString base = m_rates.baseCurrency();
    if (base.isEmpty()) {
        QString text = tr("Total %1\nWeighted %2")
                           .arg(PipelineTotals::format(m_totals.value),
                                PipelineTotals::format(m_totals.weighted));
        if (m_totals.value.size() > 1)
            text += QLatin1Char('\n') +
                    tr("No base currency: choose one in Settings to add the currencies up.");
        return text;
    }
    // The sums in the base currency, with what has no rate beside them.
    const auto sum = [&](const QMap<QString, double> &perCurrency) {
        const CurrencyRates::Converted converted = m_rates.toBase(perCurrency);
        QStringList parts;
        if (converted.unconverted.size() < perCurrency.size())
            parts.append(formatMoney(std::round(converted.inBase) + 0.0, base));
        for (auto it = converted.unconverted.cbegin(); it != converted.unconverted.cend(); ++it)
            parts.append(formatMoney(std::round(it.value()) + 0.0, it.key()));
        return parts.join(QStringLiteral(" + "));
    };
    QStringList lines{tr("Total %1").arg(sum(m_totals.value)),
                      tr("Weighted %1").arg(sum(m_totals.weighted))};
    if (m_totals.value.size() == 1 && m_totals.value.contains(base))
        return lines.join(QLatin1Char('\n'));
    // Each currency as it is, and how it was converted.
    const QLocale locale;
    QStringList missing;
    for (auto it = m_totals.value.cbegin(); it != m_totals.value.cend(); ++it) {
        QString line = tr("%1, weighted %2")
                           .arg(formatMoney(it.value(), it.key()),
                                formatMoney(m_totals.weighted.value(it.key()), it.key()));
        const auto rate = m_rates.rates().constFind(it.key());
        if (rate != m_rates.rates().cend())
            line += tr(" (1 %1 = %2 %3, set %4)")
                        .arg(it.key(),
                             locale.toString(rate->toBase, 'g', QLocale::FloatingPointShortest),
                             base, locale.toString(rate->setOn, QLocale::ShortFormat));
        else if (it.key() != base)
            missing.append(it.key());
        lines.append(QStringLiteral("    ") + line);
    }
    if (!missing.isEmpty())
        lines.append(tr("No rate for %1: not added into the %2 figures. Settings ▸ Money takes it.")
                         .arg(missing.join(QStringLiteral(", ")), base));
    return lines.join(QLatin1Char('\n'));
}

QSize StageTotalsView::sizeHint() const
{
    return minimumSizeHint();
}

QSize StageTotalsView::minimumSizeHint() const
{
    const QSize least = leastSize();
    return {std::max(least.width(), m_reservedWidth), least.height()};
}

QSize StageTotalsView::leastSize() const
{
    if (m_leastSize)
        return *m_leastSize;
    // Wide enough for every line shortened: the board scrolls sideways rather than cut them.
    const QFontMetrics metrics = fontMetrics();
    int width = metrics.horizontalAdvance(tr("No deals"));
    for (const QString &currency : lineCurrencies())
        width = std::max(width, metrics.horizontalAdvance(lineText(currency, true)));
    m_leastSize = QSize(width, lineCount() * metrics.lineSpacing());
    return *m_leastSize;
}

void StageTotalsView::forgetMeasures()
{
    m_leastSize.reset();
    m_fullWidth.reset();
}

void StageTotalsView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange ||
        event->type() == QEvent::LocaleChange) {
        forgetMeasures();
        m_reservedWidth = 0; // measured in another font or locale
        updateGeometry();
    }
    QWidget::changeEvent(event);
}

void StageTotalsView::hideEvent(QHideEvent *event)
{
    // Shown again, it starts from the figures it has then.
    m_reservedWidth = 0;
    QWidget::hideEvent(event);
}

QList<StageTotalsView::Cell> StageTotalsView::cells() const
{
    const QFontMetrics metrics = fontMetrics();
    const int line = metrics.lineSpacing();
    const QStringList currencies = lineCurrencies();
    QList<Cell> cells;
    if (m_totals.count == 0) {
        cells.append({QRect(0, 0, width(), line), tr("No deals"), true, Qt::AlignLeft});
        return cells;
    }
    // All figures in full when every line of every column fits, otherwise all shortened: one
    // style on the board.
    const bool fits = std::max(m_boardFullWidth, fullWidthNeeded()) <= width();
    // Lines measured narrower than the room (rounded, so by a pixel) need no eliding: not
    // shaped once more on every repaint.
    const bool roomy = (fits ? fullWidthNeeded() : leastSize().width()) < width();
    for (int i = 0; i < currencies.size(); ++i) {
        const QString text = lineText(currencies.at(i), !fits);
        const QRect area(0, i * line, width(), line);
        if (text.isEmpty())
            cells.append({area, QStringLiteral("–"), true, Qt::AlignLeft});
        else
            cells.append({area, roomy ? text : metrics.elidedText(text, Qt::ElideRight, width()),
                          !m_rates.baseCurrency().isEmpty() && i > 0, Qt::AlignLeft});
    }
    return cells;
}

int StageTotalsView::fullWidthNeeded() const
{
    if (m_fullWidth)
        return *m_fullWidth;
    int needed = 0;
    if (m_totals.count > 0) {
        const QFontMetrics metrics = fontMetrics();
        for (const QString &currency : lineCurrencies())
            needed = std::max(needed, metrics.horizontalAdvance(lineText(currency, false)));
    }
    m_fullWidth = needed;
    return needed;
}

void StageTotalsView::setBoardFullWidth(int width)
{
    if (width == m_boardFullWidth)
        return;
    m_boardFullWidth = width;
    update();
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
