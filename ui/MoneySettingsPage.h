#pragma once

#include "CurrencyRates.h"
#include "Result.h"

#include <QDate>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

// The settings page of money: the base currency the board and the filter bar sum in, and the
// user's exchange rates to it ("1 GBP = 1.1612 EUR"), each with the day it was entered or last
// changed. Every currency of the cache without a rate is listed as missing: the app never invents
// one. Invalid input is refused with an error naming the field. It reads the profile's settings
// when made and writes them only on save(), after the dialog was accepted.
class MoneySettingsPage final : public QWidget
{
    Q_OBJECT

public:
    enum Column
    {
        RateColumn,
        SetOnColumn,
        ColumnCount
    };

    // `settingsPath`: the profile's settings file; `cacheCurrencies`: the currencies of the
    // deals in the cache.
    MoneySettingsPage(const QString &settingsPath, const QStringList &cacheCurrencies,
                      QWidget *parent = nullptr);

    // The base currency and rates as entered so far.
    CurrencyRates rates() const { return m_rates; }
    // False, with the error shown, while a field holds what cannot be saved (a base currency
    // that is no code): the dialog stays open.
    bool validate();
    // Writes the base currency and the rates to the settings file.
    Status save() const;

    QComboBox *baseField() const { return m_base; }
    QLineEdit *currencyField() const { return m_currency; }
    QLineEdit *rateField() const { return m_rate; }
    QPushButton *setButton() const { return m_set; }
    QPushButton *removeButton() const { return m_remove; }
    QTableWidget *table() const { return m_table; }
    // Why the last input was refused; empty when it was not.
    QLabel *errorLabel() const { return m_error; }
    // The row of a currency's rate (or missing rate); -1 when not listed.
    int rowOf(const QString &currency) const;

private:
    void baseEdited(const QString &text);
    void setRate();
    void removeRate();
    // The selected row's currency and rate into the fields, to change or remove it.
    void editSelected();
    void showError(const QString &message);
    void fillTable();

    QString m_settingsPath;
    QStringList m_cacheCurrencies;
    CurrencyRates m_rates;
    QComboBox *m_base = nullptr;
    QLineEdit *m_currency = nullptr;
    QLineEdit *m_rate = nullptr;
    QPushButton *m_set = nullptr;
    QPushButton *m_remove = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_error = nullptr;
};
