#include "ForecastChart.h"

#include "Money.h"

#include <QAbstractAxis>
#include <QBarCategoryAxis>
#include <QCategoryAxis>
#include <QGraphicsLayout>
#include <QGraphicsTextItem>
#include <QLabel>
#include <QLegend>
#include <QTextDocument>
#include <cmath>

namespace {

// The axis's step: 1, 2, 2.5 or 5 times a power of ten, for about five lines.
double roundStep(double maximum)
{
    constexpr int lines = 5;
    if (!(maximum > 0) || !std::isfinite(maximum))
        return 1;
    const double raw = maximum / lines;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double scaled = raw / magnitude;
    const double factor = scaled <= 1     ? 1
                          : scaled <= 2   ? 2
                          : scaled <= 2.5 ? 2.5
                          : scaled <= 5   ? 5
                                          : 10;
    return factor * magnitude;
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
    constexpr int margin = 4;
    const int titleHeight = QFontMetrics(chart()->titleFont()).height();
    chart()->setMargins(QMargins(margin, margin + titleHeight, margin, margin));
    connect(chart(), &QGraphicsWidget::geometryChanged, this, &ForecastChart::placeTitle);
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

void ForecastChart::setMoneyScale(QCategoryAxis *axis, double maximum, const QString &currency)
{
    const double step = roundStep(maximum);
    const int steps = std::max(1, static_cast<int>(std::ceil(maximum / step - 1e-9)));
    QStringList labels;
    for (int i = 1; i <= steps; ++i)
        labels.append(plain(formatMoney(i * step, currency)));
    // The same scale as shown (most keystrokes): left alone. Every label or range change makes
    // the chart measure all the axis's labels again.
    const QStringList old = axis->categoriesLabels();
    bool same = old == labels && axis->min() == 0 && axis->max() == steps * step;
    for (int i = 0; same && i < steps; ++i)
        same = axis->endValue(labels.at(i)) == (i + 1) * step;
    if (same)
        return;
    for (const QString &label : old)
        axis->remove(label);
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axis->setStartValue(0);
    for (int i = 1; i <= steps; ++i)
        axis->append(labels.at(i - 1), i * step);
    axis->setRange(0, steps * step);
}

void ForecastChart::setFramed(bool framed)
{
    const QList<QAbstractAxis *> axes = chart()->axes();
    for (QAbstractAxis *axis : axes)
        axis->setVisible(framed);
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
