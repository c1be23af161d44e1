#include "CloseWindow.h"

#include <QCoreApplication>
#include <QLocale>

QString CloseWindow::label() const
{
    const auto month = [](const QDate &date) {
        return QLocale().toString(date, QStringLiteral("MMMM yyyy"));
    };
    switch (kind) {
    case Kind::Any:
        return {};
    case Kind::Overdue:
        return QCoreApplication::translate("CloseWindow", "Overdue");
    case Kind::NoDate:
        return QCoreApplication::translate("CloseWindow", "No close date");
    case Kind::Between:
        // A forecast's "later" bar starts on the first of a month: named by the month before.
        if (last.isNull() && first.day() == 1)
            return QCoreApplication::translate("CloseWindow", "Closing after %1")
                .arg(month(first.addMonths(-1)));
        if (last.isNull())
            return QCoreApplication::translate("CloseWindow", "Closing from %1")
                .arg(QLocale().toString(first, QLocale::ShortFormat));
        if (first.day() == 1 && last == first.addMonths(1).addDays(-1))
            return QCoreApplication::translate("CloseWindow", "Closing in %1").arg(month(first));
        return QCoreApplication::translate("CloseWindow", "Closing %1 to %2")
            .arg(QLocale().toString(first, QLocale::ShortFormat),
                 QLocale().toString(last, QLocale::ShortFormat));
    }
    return {};
}
