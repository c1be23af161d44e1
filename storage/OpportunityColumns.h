#pragma once

#include "Opportunity.h"
#include "OpportunityField.h"

#include <QList>
#include <QString>
#include <QVariant>

class QSqlQuery;

// An opportunity's columns as one table, shared by kashew-server's store and the client's cache:
// each field's column name, the value stored for it and how a stored value reads back. Both
// stores build their column lists, bindings and row reading from it, so a field is stored the
// same way on either side. Each store adds its own columns around these (the server: seq,
// name_folded, version, the account's name from a join; the cache: sync state, base, etag...).
namespace OpportunityColumns {

struct Column
{
    OpportunityField field;
    QString name;
    // ":" + name, for named bindings.
    QString placeholder;
    // The value stored for a record: SQL NULL for a null text, date or time.
    QVariant (*value)(const Opportunity &);
    // Sets the field from a stored value; NULL reads back as null.
    void (*read)(const QVariant &stored, Opportunity &);
};

// A column selected from another expression than its own (kashew-server reads the account's
// name from a join with its accounts).
struct Replacement
{
    OpportunityField field;
    QString expression;
};

// Every field of a record, one column each, in the order of OpportunityField (also the cache's
// column order).
const QList<Column> &all();
OpportunityFields every();

// "id, name, ...": the columns of `fields` in table order, each after `prefix` (e.g. "o.").
QString names(OpportunityFields fields = every(), const QString &prefix = QString());
// The column list of a SELECT that read() reads: every column, after `prefix`.
QString selectList(const QString &prefix = QString(), const QList<Replacement> &replaced = {});
// "?, ?, ...", one per column of `fields`.
QString positionalPlaceholders(OpportunityFields fields = every());
// ":id, :name, ...", one per column of `fields`.
QString namedPlaceholders(OpportunityFields fields = every());
// "name = :name, ...", for an UPDATE of the columns of `fields`.
QString assignments(OpportunityFields fields);

// Binds the columns of `fields`, in table order, with addBindValue().
void bindPositional(QSqlQuery &query, const Opportunity &o, OpportunityFields fields = every());
// Binds the columns of `fields` by their placeholders.
void bindNamed(QSqlQuery &query, const Opportunity &o, OpportunityFields fields = every());
// The record in the columns of a selectList(), starting at column `first`.
Opportunity read(const QSqlQuery &query, int first = 0);

} // namespace OpportunityColumns
