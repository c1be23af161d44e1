#include "ImportMapping.h"

#include <QRegularExpression>
#include <array>

namespace {

struct HeaderWord
{
    const char *word;
    OpportunityField field;
};

// Header words as normalize() leaves them: lower case, no accents, letters and digits only.
// The API's names (either spelling), kashew's list and detail in English and German, and the
// usual spreadsheet words in both languages.
constexpr std::array<HeaderWord, 73> headerWords{{
    {"id", OpportunityField::Id},
    {"dealid", OpportunityField::Id},
    {"opportunityid", OpportunityField::Id},
    {"uuid", OpportunityField::Id},
    {"name", OpportunityField::Name},
    {"deal", OpportunityField::Name},
    {"dealname", OpportunityField::Name},
    {"opportunity", OpportunityField::Name},
    {"opportunityname", OpportunityField::Name},
    {"verkaufschance", OpportunityField::Name},
    {"title", OpportunityField::Name},
    {"titel", OpportunityField::Name},
    {"bezeichnung", OpportunityField::Name},
    {"accountid", OpportunityField::AccountId},
    {"account", OpportunityField::AccountId},
    {"company", OpportunityField::AccountId},
    {"customer", OpportunityField::AccountId},
    {"client", OpportunityField::AccountId},
    {"organization", OpportunityField::AccountId},
    {"organisation", OpportunityField::AccountId},
    {"kunde", OpportunityField::AccountId},
    {"firma", OpportunityField::AccountId},
    {"unternehmen", OpportunityField::AccountId},
    {"accountname", OpportunityField::AccountName},
    {"companyname", OpportunityField::AccountName},
    {"customername", OpportunityField::AccountName},
    {"kundenname", OpportunityField::AccountName},
    {"firmenname", OpportunityField::AccountName},
    {"leadid", OpportunityField::LeadId},
    {"lead", OpportunityField::LeadId},
    {"value", OpportunityField::Value},
    {"amount", OpportunityField::Value},
    {"dealvalue", OpportunityField::Value},
    {"revenue", OpportunityField::Value},
    {"wert", OpportunityField::Value},
    {"betrag", OpportunityField::Value},
    {"volumen", OpportunityField::Value},
    {"umsatz", OpportunityField::Value},
    {"currency", OpportunityField::Currency},
    {"wahrung", OpportunityField::Currency},
    {"waehrung", OpportunityField::Currency},
    {"stage", OpportunityField::Stage},
    {"dealstage", OpportunityField::Stage},
    {"phase", OpportunityField::Stage},
    {"verkaufsphase", OpportunityField::Stage},
    {"probability", OpportunityField::Probability},
    {"winprobability", OpportunityField::Probability},
    {"wahrscheinlichkeit", OpportunityField::Probability},
    {"expectedclosedate", OpportunityField::ExpectedCloseDate},
    {"expectedclose", OpportunityField::ExpectedCloseDate},
    {"closedate", OpportunityField::ExpectedCloseDate},
    {"closingdate", OpportunityField::ExpectedCloseDate},
    {"abschlussdatum", OpportunityField::ExpectedCloseDate},
    {"voraussichtlicherabschluss", OpportunityField::ExpectedCloseDate},
    {"abschluss", OpportunityField::ExpectedCloseDate},
    {"description", OpportunityField::Description},
    {"notes", OpportunityField::Description},
    {"beschreibung", OpportunityField::Description},
    {"notizen", OpportunityField::Description},
    {"bemerkung", OpportunityField::Description},
    {"ownerid", OpportunityField::OwnerId},
    {"owner", OpportunityField::OwnerId},
    {"salesrep", OpportunityField::OwnerId},
    {"assignedto", OpportunityField::OwnerId},
    {"zustandig", OpportunityField::OwnerId},
    {"zustaendig", OpportunityField::OwnerId},
    {"verantwortlich", OpportunityField::OwnerId},
    {"vertriebler", OpportunityField::OwnerId},
    {"besitzer", OpportunityField::OwnerId},
    {"isarchived", OpportunityField::IsArchived},
    {"archived", OpportunityField::IsArchived},
    {"archiviert", OpportunityField::IsArchived},
    {"archiv", OpportunityField::IsArchived},
}};

// "Expected close date (ISO)", "expected_close_date" and "expectedCloseDate" alike:
// what is in parentheses, case, accents and everything but letters and digits left out.
QString normalize(const QString &header)
{
    static const QRegularExpression parenthesized(QStringLiteral("\\([^)]*\\)"));
    QString text = header;
    text.remove(parenthesized);
    text = text.normalized(QString::NormalizationForm_KD);
    QString word;
    for (const QChar c : std::as_const(text)) {
        if (c == QChar(0x00df))
            word += QLatin1String("ss");
        else if (c.isLetterOrNumber())
            word += c.toLower();
    }
    return word;
}

std::optional<OpportunityField> fieldOfHeader(const QString &header)
{
    const QString word = normalize(header);
    for (const HeaderWord &candidate : headerWords) {
        if (word == QLatin1String(candidate.word))
            return candidate.field;
    }
    return std::nullopt;
}

} // namespace

QList<OpportunityField> ImportMapping::importable()
{
    return {OpportunityField::Id,          OpportunityField::Name,
            OpportunityField::AccountId,   OpportunityField::AccountName,
            OpportunityField::LeadId,      OpportunityField::Value,
            OpportunityField::Currency,    OpportunityField::Stage,
            OpportunityField::Probability, OpportunityField::ExpectedCloseDate,
            OpportunityField::Description, OpportunityField::OwnerId,
            OpportunityField::IsArchived};
}

ImportMapping ImportMapping::guess(const QStringList &header)
{
    ImportMapping mapping;
    mapping.m_fields.resize(header.size());
    for (qsizetype column = 0; column < header.size(); ++column) {
        const std::optional<OpportunityField> field = fieldOfHeader(header.at(column));
        if (field && mapping.columnOf(*field) < 0)
            mapping.m_fields[column] = field;
    }
    return mapping;
}

Status ImportMapping::set(const QStringList &header, const QString &column, const QString &field)
{
    // The header's text first (exactly, then case aside): a header may be a number itself.
    qsizetype index = header.indexOf(column);
    if (index < 0) {
        for (qsizetype i = 0; i < header.size() && index < 0; ++i) {
            if (header.at(i).trimmed().compare(column.trimmed(), Qt::CaseInsensitive) == 0)
                index = i;
        }
    }
    if (index < 0) {
        bool isNumber = false;
        const int number = column.trimmed().toInt(&isNumber);
        if (isNumber && number >= 1 && number <= header.size())
            index = number - 1;
        else if (isNumber)
            return Failure{tr("no column %1: columns are numbered 1 to %2")
                               .arg(column.trimmed())
                               .arg(header.size())};
    }
    if (index < 0)
        return Failure{tr("no column named '%1'").arg(column)};

    std::optional<OpportunityField> target;
    if (!field.trimmed().isEmpty()) {
        target = OpportunityFieldNames::fromName(field.trimmed());
        if (!target)
            return Failure{tr("no field named '%1'").arg(field)};
        if (!importable().contains(*target))
            return Failure{tr("'%1' is set by the server: it cannot be imported").arg(field)};
    }
    if (m_fields.size() < header.size())
        m_fields.resize(header.size());
    m_fields[index] = target;
    return {};
}

std::optional<OpportunityField> ImportMapping::field(int column) const
{
    return m_fields.value(column);
}

void ImportMapping::setField(int column, std::optional<OpportunityField> field)
{
    if (column < 0)
        return;
    if (column >= m_fields.size())
        m_fields.resize(column + 1);
    m_fields[column] = field;
}

int ImportMapping::columnOf(OpportunityField field) const
{
    return static_cast<int>(m_fields.indexOf(field));
}
