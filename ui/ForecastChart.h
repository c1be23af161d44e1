#pragma once

#include <QChartView>
#include <QFont>
#include <QString>
#include <QStringList>

class QCategoryAxis;
class QGraphicsTextItem;
class QLabel;

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
    // Makes `axis` a value axis from 0 past `maximum` in round steps, labelled in the locale
    // ("20,000 EUR").
    static void setMoneyScale(QCategoryAxis *axis, double maximum, const QString &currency);

protected:
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

    QLabel *m_emptyLabel = nullptr;
    QGraphicsTextItem *m_title = nullptr;
    QString m_titleText;
    // The category labels last measured by fitCategoryLabels, in this font: the widest's width.
    QStringList m_measuredLabels;
    QFont m_measuredFont;
    int m_widestLabel = 0;
};
