#include "ForecastView.h"

#include "ForecastCsv.h"
#include "ForecastNote.h"
#include "ForecastOptionsBar.h"
#include "ForecastRevenueChart.h"
#include "ForecastWinLossChart.h"
#include "Money.h"
#include "ServerText.h"

#include <QClipboard>
#include <QDate>
#include <QDir>
#include <QFileDialog>
#include <QGuiApplication>
#include <QImage>
#include <QImageWriter>
#include <QLocale>
#include <QMessageBox>
#include <QMimeData>
#include <QStandardPaths>
#include <QVBoxLayout>

ForecastView::ForecastView(QWidget *parent)
    : QWidget(parent)
    , m_bar(new ForecastOptionsBar(this))
    , m_chartsArea(new QWidget(this))
    , m_revenue(new ForecastRevenueChart(m_chartsArea))
    , m_wonLost(new ForecastWinLossChart(m_chartsArea))
    // Currency codes come from the server: the notes show them as they are, never as markup.
    , m_forecastNote(new ForecastNote(m_chartsArea))
    , m_winLossNote(new ForecastNote(m_chartsArea))
    , m_forecastChart(m_revenue)
    , m_winLossChart(m_wonLost)
{
    m_choosePath = [this](const QString &suggested) {
        return QFileDialog::getSaveFileName(this, tr("Save the Forecast as PNG"), suggested,
                                            tr("PNG images (*.png)"));
    };
    m_saveFailed = [this](const QString &message) {
        QMessageBox::warning(this, tr("Save as PNG"), message);
    };

    auto *charts = new QVBoxLayout(m_chartsArea);
    charts->setContentsMargins(0, 0, 0, 0);
    // The forecast is what is asked most: it gets the larger share of the height.
    charts->addWidget(m_revenue, 3);
    charts->addWidget(m_forecastNote);
    charts->addWidget(m_wonLost, 2);
    charts->addWidget(m_winLossNote);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_bar);
    layout->addWidget(m_chartsArea, 1);

    connect(m_bar, &ForecastOptionsBar::optionsChanged, this, &ForecastView::optionsChanged);
    connect(m_bar, &ForecastOptionsBar::saveRequested, this, &ForecastView::saveAsPng);
    connect(m_bar, &ForecastOptionsBar::copyRequested, this, &ForecastView::copyFigures);
    connect(m_revenue, &ForecastRevenueChart::barClicked, this, &ForecastView::barClicked);
}

ForecastOptions ForecastView::options() const
{
    return m_bar->options();
}

void ForecastView::setCurrencies(const QStringList &currencies, const QString &baseCurrency)
{
    m_bar->setCurrencies(currencies, baseCurrency);
}

void ForecastView::show(const Forecast &forecast, const WinLoss &winLoss, const PeopleBook &people)
{
    m_forecast = forecast;
    m_winLoss = winLoss;
    m_people = people;
    m_revenue->setForecast(forecast, people);
    m_wonLost->setWinLoss(winLoss);
    showNotes();
}

void ForecastView::showNotes()
{
    const QLocale locale;
    QStringList leftOut;
    for (auto it = m_forecast.unconverted.cbegin(); it != m_forecast.unconverted.cend(); ++it) {
        const QString code = ServerText::isolated(it.key());
        leftOut.append(tr("%n deal(s) in %1 (%2)", nullptr, it.value().count)
                           .arg(code, formatMoney(it.value().amount, code)));
    }
    m_forecastNote->setText(
        leftOut.isEmpty()
            ? QString()
            : tr("Left out, for want of a rate to %1: %2. A rate in Settings ▸ Money brings "
                 "them in.")
                  .arg(ServerText::isolated(m_forecast.currency),
                       locale.createSeparatedList(leftOut)));

    QStringList uncounted;
    for (auto it = m_winLoss.unconvertedCounts.cbegin(); it != m_winLoss.unconvertedCounts.cend();
         ++it) {
        uncounted.append(
            tr("%n deal(s) in %1", nullptr, it.value()).arg(ServerText::isolated(it.key())));
    }
    m_winLossNote->setText(
        uncounted.isEmpty()
            ? QString()
            : tr("The amounts leave out %1, for want of a rate to %2; the counts and the win "
                 "rate include them. A rate in Settings ▸ Money brings them in.")
                  .arg(locale.createSeparatedList(uncounted),
                       ServerText::isolated(m_winLoss.currency)));
}

QString ForecastView::csv() const
{
    return ForecastCsv::text(m_forecast, m_winLoss, m_people);
}

bool ForecastView::savePng(const QString &path, QString *error) const
{
    const QImage image = m_chartsArea->grab().toImage();
    if (image.isNull()) {
        if (error)
            *error = tr("The charts are not shown, so there is no picture to save.");
        return false;
    }
    QImageWriter writer(path, "png");
    if (!writer.write(image)) {
        if (error)
            *error = writer.errorString();
        return false;
    }
    return true;
}

void ForecastView::setSavePathChooser(std::function<QString(const QString &)> choose)
{
    m_choosePath = std::move(choose);
}

void ForecastView::setSaveFailureNotice(std::function<void(const QString &)> notice)
{
    m_saveFailed = std::move(notice);
}

void ForecastView::saveAsPng()
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    if (folder.isEmpty())
        folder = QDir::homePath();
    const QString suggested = QDir(folder).filePath(
        tr("Forecast %1.png").arg(QDate::currentDate().toString(QStringLiteral("yyyy-MM-dd"))));
    const QString path = m_choosePath(suggested);
    if (path.isEmpty())
        return;
    QString error;
    if (!savePng(path, &error))
        m_saveFailed(tr("Could not save %1: %2").arg(QDir::toNativeSeparators(path), error));
}

void ForecastView::copyFigures() const
{
    auto *data = new QMimeData;
    const QString text = csv();
    data->setText(text);
    data->setData(QStringLiteral("text/csv"), text.toUtf8());
    QGuiApplication::clipboard()->setMimeData(data);
}
