#include "Forecast.h"

#include <algorithm>

CloseWindow ForecastBucket::window(const QDate &today) const
{
    CloseWindow window;
    switch (kind) {
    case Kind::Overdue:
        window.kind = CloseWindow::Kind::Overdue;
        break;
    case Kind::NoDate:
        window.kind = CloseWindow::Kind::NoDate;
        break;
    case Kind::Month:
        window.kind = CloseWindow::Kind::Between;
        window.first = std::max(month, today);
        window.last = month.addMonths(1).addDays(-1);
        break;
    case Kind::Later:
        window.kind = CloseWindow::Kind::Between;
        window.first = month;
        break;
    }
    return window;
}

double Forecast::total() const
{
    double sum = 0;
    for (const QList<double> &row : amounts) {
        for (double amount : row)
            sum += amount;
    }
    return sum;
}

double Forecast::bucketTotal(qsizetype bucket) const
{
    double sum = 0;
    for (const QList<double> &row : amounts)
        sum += row.value(bucket);
    return sum;
}

int Forecast::dealCount() const
{
    int count = 0;
    for (const QList<int> &row : counts) {
        for (int n : row)
            count += n;
    }
    return count;
}
