#include "BudgetText.h"

#include <QLocale>
#include <QStringList>

QString BudgetText::left(const RequestGate::Usage &usage)
{
    const QLocale locale;
    QStringList parts;
    if (const int requests = usage.requestsLeft(); requests >= 0)
        parts.append(
            tr("%1 of %2 requests left this hour")
                .arg(locale.toString(requests), locale.toString(usage.budget.requestsPerHour)));
    if (const int writes = usage.writesLeft(); writes >= 0)
        parts.append(tr("%1 of %2 writes today")
                         .arg(locale.toString(writes), locale.toString(usage.budget.writesPerDay)));
    return parts.join(QStringLiteral(" · "));
}

QString BudgetText::plan(const RequestGate::Usage &usage)
{
    if (!usage.lowering)
        return usage.budget.label();
    return usage.lowering->chosen.label() + QStringLiteral("; ") + usage.lowering->text();
}

QString BudgetText::lowering(RequestGate *gate)
{
    if (!gate)
        return QString();
    const Result<RequestGate::Usage> usage = gate->usage();
    return usage && usage->lowering ? usage->lowering->text() : QString();
}

QString BudgetText::timeOf(const QDateTime &at)
{
    const QLocale locale;
    const QDateTime local = at.toLocalTime();
    const QString time = locale.toString(local.time(), QLocale::ShortFormat);
    if (local.date() == QDate::currentDate())
        return time;
    return locale.toString(local.date(), QStringLiteral("ddd")) + QLatin1Char(' ') + time;
}

QString BudgetText::nextSync(const QDateTime &at)
{
    return at.isValid() ? tr("next sync %1").arg(timeOf(at)) : QString();
}

QString BudgetText::pull(const PullProgress &progress, const QDateTime &continuesAt)
{
    const QLocale locale;
    const QString fetched = progress.recordsTotal >= 0
                                ? tr("%1 of %2 deals fetched")
                                      .arg(locale.toString(progress.recordsSeen),
                                           locale.toString(progress.recordsTotal))
                                : tr("%1 deals fetched").arg(locale.toString(progress.recordsSeen));
    if (!continuesAt.isValid() || continuesAt <= QDateTime::currentDateTime())
        return tr("%1; continues with the next sync").arg(fetched);
    return tr("%1; continues at %2").arg(fetched, timeOf(continuesAt));
}
