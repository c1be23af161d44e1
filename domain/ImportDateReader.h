#pragma once

#include "Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QLocale>
#include <QString>
#include <QStringList>

// Reads the dates of one column of an imported file: 2026-07-15, 2026/07/15, 15.07.2026, and
// 7/15/2026 or 15/7/2026 where day and month can be told apart: by the date itself (a number
// over 12, or both the same) or by the column, whose other slashed dates show which comes
// first. A slashed date neither tells is an error asking for an unambiguous form; the locale
// only picks the reading that error shows as its example.
class ImportDateReader final
{
    Q_DECLARE_TR_FUNCTIONS(ImportDateReader)

public:
    enum class SlashOrder
    {
        Unknown,
        DayFirst,
        MonthFirst,
    };

    // `column`: every cell of the column, to learn the slashed dates' order from.
    explicit ImportDateReader(const QLocale &locale, const QStringList &column = {});

    Result<QDate> date(const QString &text) const;
    SlashOrder slashOrder() const { return m_order; }

private:
    bool m_localeMonthFirst = false;
    SlashOrder m_order = SlashOrder::Unknown;
};
