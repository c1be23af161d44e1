#include "ForecastChart.h"

#include "Money.h"

#include <QAbstractAxis>
#include <QBarCategoryAxis>
#include <QGraphicsLayout>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QLabel>
#include <QLegend>
#include <QTextDocument>
#include <QValueAxis>
#include <cmath>

namespace {

// The money axis's lines above 0: always as many, since a new count of lines makes Qt Charts lay
// the whole chart out again.
constexpr int moneySteps = 5;
// Room between the chart's edge and the money labels, and between them and the plot area.
constexpr int edge = 4;
constexpr int labelGap = 6;

// The axis's step: a round multiple of a power of ten whose five lines reach just past
// `maximum`, the highest bar filling at least three quarters of the chart's height.
double roundStep(double maximum)
{
    if (!(maximum > 0) || !std::isfinite(maximum))
        return 1;
    const double raw = maximum / moneySteps;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double scaled = raw / magnitude;
    double factor = 10;
    for (const double round : {1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0}) {
        if (scaled <= round) {
            factor = round;
            break;
        }
    }
    // Whole amounts stay whole (1.2 × 1000 is not exactly 1200 in binary).
    return magnitude >= 10 ? std::round(factor * magnitude) : factor * magnitude;
}

} // namespace

ForecastChart::ForecastChart(QWidget *parent)
    : QChartView(parent)
    , m_emptyLabel(new QLabel(this))
{
    setRenderHint(QPainter::Antialiasing);
    chart()->legend()->setAlignment(Qt::AlignBottom);
    // The title in the theme's font and colour, as QChart would draw it, in room of its own.
    m_title = new QGraphicsTextItem(chart());
    m_title->setFont(chart()->titleFont());
    m_title->setDefaultTextColor(chart()->titleBrush().color());
    m_title->document()->setDocumentMargin(0);
    const int titleHeight = QFontMetrics(chart()->titleFont()).height();
    chart()->setMargins(QMargins(edge, edge + titleHeight, edge, edge));
    connect(chart(), &QGraphicsWidget::geometryChanged, this, &ForecastChart::placeTitle);
    connect(chart(), &QChart::plotAreaChanged, this, &ForecastChart::placeMoneyLabels);
    m_emptyLabel->setTextFormat(Qt::PlainText);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_emptyLabel->hide();
    connect(chart(), &QChart::plotAreaChanged, this, &ForecastChart::fitCategoryLabels);
}

QString ForecastChart::emptyText() const
{
    return m_emptyLabel->isHidden() ? QString() : m_emptyLabel->text();
}

void ForecastChart::setEmptyText(const QString &text)
{
    m_emptyLabel->setText(text);
    m_emptyLabel->setVisible(!text.isEmpty());
}

void ForecastChart::setTitleText(const QString &text)
{
    if (text == m_titleText)
        return;
    m_titleText = text;
    placeTitle();
}

void ForecastChart::placeTitle()
{
    constexpr int margin = 4;
    const qreal width = chart()->size().width();
    const QFontMetricsF metrics(m_title->font());
    const QString shown = metrics.elidedText(m_titleText, Qt::ElideRight, width - 2 * margin);
    if (m_title->toPlainText() != shown)
        m_title->setPlainText(shown);
    m_title->setPos(std::max<qreal>(margin, (width - metrics.horizontalAdvance(shown)) / 2),
                    margin);
}

QString ForecastChart::plain(const QString &text)
{
    return text.toHtmlEscaped();
}

QString ForecastChart::plainToolTip(const QString &text)
{
    return Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal);
}

void ForecastChart::setMoneyScale(QValueAxis *axis, double maximum, const QString &currency)
{
    if (axis != m_moneyAxis) {
        m_moneyAxis = axis;
        // The axis draws the lines; its own labels are empty (a format without a number) and
        // hidden, so that they take no room and cost no measuring.
        axis->setLabelsVisible(false);
        axis->setLabelFormat(QStringLiteral(" "));
        axis->setTickType(QValueAxis::TicksFixed);
        axis->setTickCount(moneySteps + 1);
        axis->setMinorTickCount(0);
        axis->setTitleText(QStringLiteral(" "));
        axis->setTitleBrush(Qt::transparent);
    }
    const double step = roundStep(maximum);
    QStringList texts;
    for (int i = 1; i <= moneySteps; ++i)
        texts.append(formatMoney(i * step, currency));
    // The same scale as shown (most keystrokes): left alone.
    if (texts == m_moneyTexts && step == m_moneyStep && axis->min() == 0 &&
        axis->max() == moneySteps * step)
        return;
    m_moneyTexts = texts;
    m_moneyStep = step;
    axis->setRange(0, moneySteps * step);

    const QFont font = axis->labelsFont();
    const QFontMetrics metrics(font);
    int widest = 0;
    for (qsizetype i = 0; i < texts.size(); ++i) {
        if (m_moneyLabels.size() <= i) {
            auto *label = new QGraphicsSimpleTextItem(chart());
            label->setVisible(axis->isVisible());
            m_moneyLabels.append(label);
        }
        QGraphicsSimpleTextItem *label = m_moneyLabels.at(i);
        label->setFont(font);
        label->setBrush(axis->labelsBrush());
        label->setText(texts.at(i));
        widest = std::max(widest, metrics.horizontalAdvance(texts.at(i)));
    }
    if (widest > m_moneyRoom || widest * 2 < m_moneyRoom) {
        // The room is the axis's own, kept by its blank title as tall (turned on its side) as
        // the labels are wide: room in the chart's margin would narrow the legend below too.
        m_moneyRoom = widest;
        QFont room = axis->titleFont();
        room.setPixelSize(widest + labelGap);
        axis->setTitleFont(room); // a new plot area, which places the labels
    }
    placeMoneyLabels();
}

void ForecastChart::placeMoneyLabels()
{
    const QRectF area = chart()->plotArea();
    if (!m_moneyAxis || m_moneyLabels.isEmpty() || !(m_moneyAxis->max() > 0))
        return;
    for (qsizetype i = 0; i < m_moneyLabels.size(); ++i) {
        QGraphicsSimpleTextItem *label = m_moneyLabels.at(i);
        const QRectF box = label->boundingRect();
        const double y = area.bottom() - area.height() * double(i + 1) / moneySteps;
        label->setPos(area.left() - labelGap - box.width(), y - box.height() / 2);
    }
}

void ForecastChart::setFramed(bool framed)
{
    const QList<QAbstractAxis *> axes = chart()->axes();
    for (QAbstractAxis *axis : axes)
        axis->setVisible(framed);
    for (QGraphicsSimpleTextItem *label : std::as_const(m_moneyLabels))
        label->setVisible(framed);
    chart()->legend()->setVisible(framed);
}

void ForecastChart::fitCategoryLabels()
{
    const QList<QAbstractAxis *> axes = chart()->axes(Qt::Horizontal);
    auto *axis = axes.isEmpty() ? nullptr : qobject_cast<QBarCategoryAxis *>(axes.first());
    if (!axis || axis->count() == 0)
        return;
    // Measured once per set of labels and font: a keystroke keeps both, and a text document
    // per label costs as much as the bars.
    const QStringList labels = axis->categories();
    const QFont font = axis->labelsFont();
    if (labels != m_measuredLabels || font != m_measuredFont) {
        const QFontMetrics metrics(font);
        int widest = 0;
        for (const QString &label : labels) {
            QTextDocument text;
            text.setHtml(label);
            widest = std::max(widest, metrics.horizontalAdvance(text.toPlainText()));
        }
        m_measuredLabels = labels;
        m_measuredFont = font;
        m_widestLabel = widest;
    }
    // Some room between labels, as the chart leaves it.
    constexpr int spacing = 8;
    const double room = chart()->plotArea().width() / axis->count();
    const int angle = m_widestLabel + spacing > room ? -90 : 0;
    if (axis->labelsAngle() != angle)
        axis->setLabelsAngle(angle);
}

void ForecastChart::layOutNow()
{
    if (QGraphicsLayout *layout = chart()->layout())
        layout->activate();
}

void ForecastChart::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    m_emptyLabel->setGeometry(rect());
}
