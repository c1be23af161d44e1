#include "OpportunityColumns.h"

#include "SqlNullText.h"
#include "Timestamp.h"

#include <QSqlQuery>
#include <algorithm>

namespace OpportunityColumns {

namespace {

using SqlNullText::nullable;
using SqlNullText::textOrNull;

QString text(const QVariant &stored)
{
    return stored.toString();
}

// Written and read in Timestamp's one form (its fast path: the cache reads every row at
// start-up).
QDateTime timestamp(const QVariant &stored)
{
    return stored.isNull() ? QDateTime() : Timestamp::fromText(stored.toString());
}

QDate date(const QVariant &stored)
{
    return stored.isNull() ? QDate() : Timestamp::dateFromText(stored.toString());
}

Column column(OpportunityField field, const char *name, QVariant (*value)(const Opportunity &),
              void (*read)(const QVariant &, Opportunity &))
{
    const QString columnName = QString::fromLatin1(name);
    return {field, columnName, QLatin1Char(':') + columnName, value, read};
}

// The parts of the columns of `fields`, in table order, after `prefix`, separated by ", ".
QString joined(OpportunityFields fields, const QString &(*part)(const Column &),
               const QString &prefix = QString())
{
    QString list;
    for (const Column &column : all()) {
        if (!fields.testFlag(column.field))
            continue;
        if (!list.isEmpty())
            list += QStringLiteral(", ");
        list += prefix + part(column);
    }
    return list;
}

const QString &nameOf(const Column &column)
{
    return column.name;
}

const QString &placeholderOf(const Column &column)
{
    return column.placeholder;
}

} // namespace

const QList<Column> &all()
{
    // Every value is what both stores wrote before they shared this table, to the byte: texts
    // as they are (null as NULL), dates and times in Timestamp's form, flags as 0 or 1.
    static const QList<Column> columns{
        column(
            OpportunityField::Id, "id", [](const Opportunity &o) { return QVariant(o.id); },
            [](const QVariant &v, Opportunity &o) { o.id = text(v); }),
        column(
            OpportunityField::Name, "name", [](const Opportunity &o) { return QVariant(o.name); },
            [](const QVariant &v, Opportunity &o) { o.name = text(v); }),
        column(
            OpportunityField::AccountId, "account_id",
            [](const Opportunity &o) { return nullable(o.accountId); },
            [](const QVariant &v, Opportunity &o) { o.accountId = textOrNull(v); }),
        column(
            OpportunityField::AccountName, "account_name",
            [](const Opportunity &o) { return nullable(o.accountName); },
            [](const QVariant &v, Opportunity &o) { o.accountName = textOrNull(v); }),
        column(
            OpportunityField::LeadId, "lead_id",
            [](const Opportunity &o) { return nullable(o.leadId); },
            [](const QVariant &v, Opportunity &o) { o.leadId = textOrNull(v); }),
        column(
            OpportunityField::Value, "value",
            [](const Opportunity &o) { return QVariant(o.value); },
            [](const QVariant &v, Opportunity &o) { o.value = v.toDouble(); }),
        column(
            OpportunityField::Currency, "currency",
            [](const Opportunity &o) { return QVariant(o.currency); },
            [](const QVariant &v, Opportunity &o) { o.currency = text(v); }),
        column(
            OpportunityField::Stage, "stage",
            [](const Opportunity &o) { return QVariant(Stages::id(o.stage)); },
            [](const QVariant &v, Opportunity &o) {
                o.stage = Stages::fromId(v.toString()).value_or(Stage::Prospecting);
            }),
        column(
            OpportunityField::Probability, "probability",
            [](const Opportunity &o) { return QVariant(o.probability); },
            [](const QVariant &v, Opportunity &o) { o.probability = v.toInt(); }),
        column(
            OpportunityField::ExpectedCloseDate, "expected_close_date",
            [](const Opportunity &o) {
                return nullable(Timestamp::dateToText(o.expectedCloseDate));
            },
            [](const QVariant &v, Opportunity &o) { o.expectedCloseDate = date(v); }),
        column(
            OpportunityField::Description, "description",
            [](const Opportunity &o) { return nullable(o.description); },
            [](const QVariant &v, Opportunity &o) { o.description = textOrNull(v); }),
        column(
            OpportunityField::OwnerId, "owner_id",
            [](const Opportunity &o) { return nullable(o.ownerId); },
            [](const QVariant &v, Opportunity &o) { o.ownerId = textOrNull(v); }),
        column(
            OpportunityField::IsArchived, "is_archived",
            [](const Opportunity &o) { return QVariant(o.isArchived ? 1 : 0); },
            [](const QVariant &v, Opportunity &o) { o.isArchived = v.toBool(); }),
        column(
            OpportunityField::CreatedAt, "created_at",
            [](const Opportunity &o) { return nullable(Timestamp::toText(o.createdAt)); },
            [](const QVariant &v, Opportunity &o) { o.createdAt = timestamp(v); }),
        column(
            OpportunityField::UpdatedAt, "updated_at",
            [](const Opportunity &o) { return nullable(Timestamp::toText(o.updatedAt)); },
            [](const QVariant &v, Opportunity &o) { o.updatedAt = timestamp(v); }),
    };
    return columns;
}

OpportunityFields every()
{
    static const OpportunityFields fields = [] {
        OpportunityFields set;
        for (const Column &column : all())
            set |= column.field;
        return set;
    }();
    return fields;
}

QString names(OpportunityFields fields, const QString &prefix)
{
    return joined(fields, nameOf, prefix);
}

QString selectList(const QString &prefix, const QList<Replacement> &replaced)
{
    QString list;
    for (const Column &column : all()) {
        if (!list.isEmpty())
            list += QStringLiteral(", ");
        const auto replacement =
            std::find_if(replaced.cbegin(), replaced.cend(),
                         [&](const Replacement &r) { return r.field == column.field; });
        list += replacement != replaced.cend() ? replacement->expression : prefix + column.name;
    }
    return list;
}

QString positionalPlaceholders(OpportunityFields fields)
{
    static const QString mark = QStringLiteral("?");
    return joined(fields, [](const Column &) -> const QString & { return mark; });
}

QString namedPlaceholders(OpportunityFields fields)
{
    return joined(fields, placeholderOf);
}

QString assignments(OpportunityFields fields)
{
    QString list;
    for (const Column &column : all()) {
        if (!fields.testFlag(column.field))
            continue;
        if (!list.isEmpty())
            list += QStringLiteral(", ");
        list += column.name + QStringLiteral(" = ") + column.placeholder;
    }
    return list;
}

void bindPositional(QSqlQuery &query, const Opportunity &o, OpportunityFields fields)
{
    for (const Column &column : all()) {
        if (fields.testFlag(column.field))
            query.addBindValue(column.value(o));
    }
}

void bindNamed(QSqlQuery &query, const Opportunity &o, OpportunityFields fields)
{
    for (const Column &column : all()) {
        if (fields.testFlag(column.field))
            query.bindValue(column.placeholder, column.value(o));
    }
}

Opportunity read(const QSqlQuery &query, int first)
{
    Opportunity o;
    int index = first;
    for (const Column &column : all())
        column.read(query.value(index++), o);
    return o;
}

} // namespace OpportunityColumns
