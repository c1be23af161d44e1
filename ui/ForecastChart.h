#pragma once

#include <QChartView>
#include <QFont>
#include <QList>
#include <QString>
#include <QStringList>

class QGraphicsSimpleTextItem;
class QGraphicsTextItem;
class QLabel;
class QValueAxis;

// What both forecast charts share: antialiased, the legend below, a money axis in the locale's
// figures, a plain text in the middle when there is nothing to draw, and text escaped for the
// chart, which renders its titles, labels and legend as rich text.
class ForecastChart : public QChartView
{
public:
    explicit ForecastChart(QWidget *parent = nullptr);

    // The text shown over an empty chart; empty while the chart has figures.
    QString emptyText() const;

    // `text` as a chart shows it literally (titles, axis labels and legend are HTML there).
    static QString plain(const QString &text);
    // A tooltip that shows `text` literally, line breaks kept.
    static QString plainToolTip(const QString &text);
    // The money axis's labels, bottom up ("20,000 EUR", "40,000 EUR", …).
    QStringList moneyLabels() const { return m_moneyTexts; }

protected:
    // Makes `axis` the money axis, from 0 past `maximum` in round steps with a line at each,
    // labelled in the locale ("20,000 EUR"). Its labels are this chart's own, not the axis's:
    // new axis labels make Qt Charts lay out and measure every label of every axis again (as
    // rich text), most of a keystroke; a new range of an axis without labels moves its lines.
    void setMoneyScale(QValueAxis *axis, double maximum, const QString &currency);
    // Shows `text` (plain) as the chart's title. Not QChart's own title: a new one makes the
    // chart lay out its axes and legend again (a third of a keystroke), and the totals in the
    // title change on nearly every keystroke. This one sits in room kept above the chart.
    void setTitleText(const QString &text);
    // Shows `text` over the chart (empty: hides it).
    void setEmptyText(const QString &text);
    // Shows or hides the axes and the legend: an empty chart shows neither. The series and axes
    // are made once and refilled, since Qt Charts 6.4 leaves graphics items behind for every
    // series or axis removed from a chart.
    void setFramed(bool framed);
    // Turns the category axis's labels aslant when they would not fit side by side (twelve
    // months beside the detail panel), level again when they do: never cut short.
    void fitCategoryLabels();
    // Lays the chart out now, once its figures are set. Left to Qt Charts, a new money scale
    // or framing posts the layout to the event loop: the chart is painted before it runs and
    // again after, two paints a keystroke where one does.
    void layOutNow();
    void resizeEvent(QResizeEvent *event) override;

private:
    // Centres the title over the chart, shortened to its width.
    void placeTitle();
    // Puts the money labels beside their lines, left of the plot area.
    void placeMoneyLabels();

    QLabel *m_emptyLabel = nullptr;
    QGraphicsTextItem *m_title = nullptr;
    QString m_titleText;
    // The category labels last measured by fitCategoryLabels, in this font: the widest's width.
    QStringList m_measuredLabels;
    QFont m_measuredFont;
    int m_widestLabel = 0;
    QValueAxis *m_moneyAxis = nullptr;
    QStringList m_moneyTexts;
    QList<QGraphicsSimpleTextItem *> m_moneyLabels;
    double m_moneyStep = 1;
    // The room kept for the money labels left of the plot area. Grown when they need more,
    // shrunk only when they need less than half: a new room lays the whole chart out again,
    // and the labels' width changes with nearly every scale.
    int m_moneyRoom = 0;
};
