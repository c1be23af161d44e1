#pragma once

#include <QList>
#include <QPair>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>

// A WHERE clause built condition by condition, with its values: every value is bound to a
// placeholder, never written into the SQL.
struct SqlWhere final
{
    QString clause;
    QList<QPair<QString, QVariant>> bindings;

    // The first condition: `condition` names the placeholder `name`.
    SqlWhere(const QString &condition, const QString &name, const QVariant &value)
        : clause(condition)
        , bindings{{name, value}}
    {}
    void add(const QString &condition, const QString &name, const QVariant &value)
    {
        clause += QStringLiteral(" AND ") + condition;
        bindings.append({name, value});
    }
    // `column IN (:prefix0, :prefix1, ...)`, one placeholder per value; nothing for no values.
    void addIn(const QString &column, const QString &prefix, const QStringList &values)
    {
        if (values.isEmpty())
            return;
        QStringList names;
        for (qsizetype i = 0; i < values.size(); ++i) {
            names.append(prefix + QString::number(i));
            bindings.append({names.constLast(), values.at(i)});
        }
        clause += QStringLiteral(" AND ") + column + QStringLiteral(" IN (") +
                  names.join(QLatin1Char(',')) + QLatin1Char(')');
    }
    void bind(QSqlQuery &query) const
    {
        for (const auto &binding : bindings)
            query.bindValue(binding.first, binding.second);
    }
};
