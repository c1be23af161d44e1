#include "CliEdit.h"

#include "OpportunityDiff.h"
#include "OpportunityValidation.h"
#include "StageProbabilities.h"

namespace {

// The fields a client may write, in the order of the record, as `set` and `new` name them.
QString writableFieldNames()
{
    QStringList names;
    for (const OpportunityField field : OpportunityFieldNames::all()) {
        if (OpportunityFieldNames::writable().testFlag(field))
            names.append(OpportunityFieldNames::camelCase(field));
    }
    return names.join(QStringLiteral(", "));
}

// The probability `changes` imply for a record at `before`: when they choose another stage that
// is closed and give no probability of their own.
std::optional<int> impliedProbability(const Opportunity &before,
                                      const OpportunityJson::Reading &changes)
{
    if (!changes.present.testFlag(OpportunityField::Stage) ||
        changes.present.testFlag(OpportunityField::Probability) ||
        changes.opportunity.stage == before.stage)
        return std::nullopt;
    return StageProbabilities::implied(changes.opportunity.stage);
}

} // namespace

namespace CliEdit {

Result<OpportunityJson::Reading> read(const QStringList &assignments)
{
    QJsonObject object;
    for (const QString &assignment : assignments) {
        const qsizetype equals = assignment.indexOf(QLatin1Char('='));
        if (equals <= 0)
            return Failure{QStringLiteral("expected field=value, not '%1'").arg(assignment)};
        const QString field = assignment.left(equals);
        const auto known = OpportunityFieldNames::fromName(field);
        if (!known || !OpportunityFieldNames::writable().testFlag(*known))
            return Failure{QStringLiteral("'%1' is not a field you can set (%2)")
                               .arg(field, writableFieldNames())};
        const QString value = assignment.mid(equals + 1);
        const bool clears = value.isEmpty() && *known != OpportunityField::Name;
        object.insert(OpportunityFieldNames::camelCase(*known),
                      clears ? QJsonValue(QJsonValue::Null) : QJsonValue(value));
    }
    const OpportunityJson::Reading reading =
        OpportunityJson::read(object, OpportunityJson::ReadMode::Request);
    if (!reading.ok())
        return Failure{reading.errors.first().field + QStringLiteral(": ") +
                       reading.errors.first().message};
    return reading;
}

Result<OpportunityJson::Reading> readNew(const QStringList &assignments)
{
    auto read = CliEdit::read(assignments);
    if (!read)
        return read;
    OpportunityJson::Reading reading = std::move(read).value();
    if (!reading.present.testFlag(OpportunityField::Name))
        return Failure{QStringLiteral("name: Name is required.")};
    if (const auto implied = impliedProbability(Opportunity(), reading)) {
        reading.opportunity.probability = *implied;
        reading.present |= OpportunityField::Probability;
    }
    if (const FieldErrors errors = validateOpportunity(reading.opportunity); !errors.isEmpty())
        return Failure{errors.first().field + QStringLiteral(": ") + errors.first().message};
    return reading;
}

OpportunityJson::Reading movedTo(Stage stage)
{
    OpportunityJson::Reading reading;
    reading.opportunity.stage = stage;
    reading.present = OpportunityField::Stage;
    // Whatever the record's stage was: a move to a closed stage always sets its probability.
    if (const auto implied = StageProbabilities::implied(stage)) {
        reading.opportunity.probability = *implied;
        reading.present |= OpportunityField::Probability;
    }
    return reading;
}

Edit applied(const Opportunity &record, const OpportunityJson::Reading &changes)
{
    Edit edit{record, changes.present};
    OpportunityDiff::copyFields(changes.opportunity, &edit.opportunity, changes.present);
    if (const auto implied = impliedProbability(record, changes)) {
        edit.opportunity.probability = *implied;
        edit.fields |= OpportunityField::Probability;
    }
    return edit;
}

} // namespace CliEdit
