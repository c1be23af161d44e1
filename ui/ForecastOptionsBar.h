#pragma once

#include "Forecast.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QPushButton;

// The row above the forecast charts: the months (6 to 12), by stage or by owner, weighted or
// not, the currency (the base one first), and the buttons to save a PNG and copy the figures.
class ForecastOptionsBar final : public QWidget
{
    Q_OBJECT

public:
    explicit ForecastOptionsBar(QWidget *parent = nullptr);

    ForecastOptions options() const;
    // The currency choice: the base currency first, marked (or, without one, the most common
    // currency), then the others. Keeps the chosen one when it is still offered.
    void setCurrencies(const QStringList &currencies, const QString &baseCurrency);

    QComboBox *monthsBox() const { return m_months; }
    QComboBox *groupingBox() const { return m_grouping; }
    QCheckBox *weightedBox() const { return m_weighted; }
    QComboBox *currencyBox() const { return m_currency; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *copyButton() const { return m_copy; }

signals:
    void optionsChanged();
    void saveRequested();
    void copyRequested();

private:
    QComboBox *m_months = nullptr;
    QComboBox *m_grouping = nullptr;
    QCheckBox *m_weighted = nullptr;
    QComboBox *m_currency = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_copy = nullptr;
};
