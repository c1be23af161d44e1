#pragma once

#include "PipelineTotals.h"

#include <QStringList>
#include <QWidget>

// A board column's money: one row per currency with its total and its probability-weighted
// total, right-aligned under "Total" and "Weighted". Every column lists the same currencies (those
// on the board), so their headers are equally tall and the cards below start level.
class StageTotalsView final : public QWidget
{
    Q_OBJECT

public:
    explicit StageTotalsView(QWidget *parent = nullptr);

    // `currencies`: the rows to show, in order; a currency this column lacks shows a dash.
    void setTotals(const PipelineTotals &totals, const QStringList &currencies);
    // The exact figures as text ("Total 50,000 EUR\nWeighted 30,000 EUR"), also the tooltip.
    QString text() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    PipelineTotals m_totals;
    QStringList m_currencies;
};
