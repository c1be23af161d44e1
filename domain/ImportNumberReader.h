#pragma once

#include "Result.h"

#include <QChar>
#include <QCoreApplication>
#include <QLocale>
#include <QString>
#include <QStringList>
#include <optional>

// Reads the numbers of one column of an imported file as spreadsheets write them: `.` or `,`
// as the decimal point, thousands separators (1,234.50  1.234,50  1 234,50  1'234.50), a sign,
// a currency code or symbol before or after. A number the text leaves open ("1,500": 1500 or
// 1.5?) takes the decimal point the column's other values show, else the locale's.
class ImportNumberReader final
{
    Q_DECLARE_TR_FUNCTIONS(ImportNumberReader)

public:
    struct Amount
    {
        double value = 0;
        // The currency written with the number (its ISO code); empty when none was.
        QString currency;
    };

    // `column`: every cell of the column, to learn its decimal point from.
    explicit ImportNumberReader(const QLocale &locale, const QStringList &column = {});

    Result<Amount> amount(const QString &text) const;
    // A whole number, "60" or "60 %".
    Result<int> percent(const QString &text) const;
    // The decimal point the column's values agree on; unset when they do not tell.
    std::optional<QChar> learnedDecimalPoint() const { return m_learned; }

private:
    QChar m_localeDecimalPoint = QLatin1Char('.');
    std::optional<QChar> m_learned;
};
