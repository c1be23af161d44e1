#pragma once

#include "CurrencyRates.h"
#include "PipelineTotals.h"

#include <QList>
#include <QRect>
#include <QStringList>
#include <QWidget>
#include <optional>

// A board column's money in one line: its total and its probability-weighted total in the base
// currency ("1.2M EUR · 610K EUR"). A currency of the board without a rate gets a line of its own
// after it ("+ 30K GBP · 20K GBP"), and so does every currency while no base currency is chosen
// and the board holds several. Every column has the same lines (a dash where it lacks that
// currency), so that the headers are equally tall and the cards below start level. The tooltip
// has the exact figures per currency, the rates used and the rates missing.
class StageTotalsView final : public QWidget
{
    Q_OBJECT

public:
    explicit StageTotalsView(QWidget *parent = nullptr);

    // `boardCurrencies`: every currency on the board, sorted; those that cannot be converted
    // with `rates` get a line each.
    void setTotals(const PipelineTotals &totals, const CurrencyRates &rates,
                   const QStringList &boardCurrencies);
    // The exact figures as text, also the tooltip: "Total 50,000 EUR\nWeighted 30,000 EUR", then
    // the figures per currency with their rates and the rates missing.
    QString text() const;
    // The lines' currencies: the base currency first when there is one, then each currency
    // shown apart.
    QStringList lineCurrencies() const;

    // One piece of text as painted, and the room it has.
    struct Cell
    {
        QRect area;
        QString text;
        bool muted = false;
        Qt::Alignment alignment = Qt::AlignLeft;
    };
    // Everything painted at the present width, one cell per line: figures in full when every
    // line fits, otherwise all shortened ("12.5M"), and elided should even that not fit. Every
    // text fits its area.
    QList<Cell> cells() const;
    // The width its lines need with every figure in full.
    int fullWidthNeeded() const;
    // The width every column of the board needs for figures in full: a column narrower than that
    // shortens its figures even when its own would fit, so that the board shows one style.
    void setBoardFullWidth(int width);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    // A line's text: the base line (the converted sums) when `currency` is the base currency,
    // else that currency's own figures; empty when the column has none of them.
    QString lineText(const QString &currency, bool shortened) const;
    int lineCount() const;
    // The measures worked out again (new figures, another font).
    void forgetMeasures();
    // The width the present figures need, shortened (what minimumSizeHint keeps room for).
    QSize leastSize() const;

    PipelineTotals m_totals;
    int m_boardFullWidth = 0;
    CurrencyRates m_rates;
    QStringList m_apart;
    // Measured once per set of figures: a keystroke asks for them from setTotals, the header,
    // the layout and the paint, each a formatting and shaping of every line.
    mutable std::optional<QSize> m_leastSize;
    mutable std::optional<int> m_fullWidth;
    // The widest the figures have needed since shown: the size hint keeps that room, so figures
    // that shrink as a search narrows do not send the board's layout round on every keystroke.
    int m_reservedWidth = 0;
};
