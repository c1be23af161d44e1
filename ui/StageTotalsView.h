#pragma once

#include "PipelineTotals.h"

#include <QList>
#include <QRect>
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

    // One piece of text as painted, and the room it has.
    struct Cell
    {
        QRect area;
        QString text;
        bool muted = false;
        Qt::Alignment alignment = Qt::AlignLeft;
    };
    // Everything painted at the present width: figures in full when they all fit, otherwise all
    // shortened ("12.5M"). At the least width every text fits its area.
    QList<Cell> cells() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    // What a figure column needs: its heading and every figure shortened.
    int figureWidthNeeded() const;
    int codeWidth() const;

    PipelineTotals m_totals;
    QStringList m_currencies;
};
