#include "UiFigures.h"

#include <QStringList>

namespace {

const QString prefix = QStringLiteral("figure ");

} // namespace

QString UiFigures::toLines() const
{
    QString lines;
    for (auto it = m_values.cbegin(); it != m_values.cend(); ++it)
        lines += prefix + it.key() + QLatin1Char(' ') + QString::number(it.value(), 'f', 3) +
                 QLatin1Char('\n');
    return lines;
}

UiFigures UiFigures::parse(const QString &output, QString *report)
{
    UiFigures figures;
    for (const QString &line : output.split(QLatin1Char('\n'))) {
        const QStringList parts = line.split(QLatin1Char(' '));
        if (line.startsWith(prefix) && parts.size() == 3) {
            bool ok = false;
            const double value = parts.at(2).toDouble(&ok);
            if (ok)
                figures.m_values.insert(parts.at(1), value);
        } else if (!line.isEmpty()) {
            *report += line + QLatin1Char('\n');
        }
    }
    return figures;
}
