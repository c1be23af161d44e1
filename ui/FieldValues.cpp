#include "FieldValues.h"

namespace {

// The writable text fields, in the order the values are kept.
constexpr struct
{
    OpportunityField field;
    QString Opportunity::*member;
} textFields[] = {
    {OpportunityField::Name, &Opportunity::name},
    {OpportunityField::AccountId, &Opportunity::accountId},
    {OpportunityField::LeadId, &Opportunity::leadId},
    {OpportunityField::Currency, &Opportunity::currency},
    {OpportunityField::Description, &Opportunity::description},
    {OpportunityField::OwnerId, &Opportunity::ownerId},
};

} // namespace

FieldValues::FieldValues(const Opportunity &from, OpportunityFields fields)
{
    for (const auto &text : textFields) {
        if (fields.testFlag(text.field))
            m_texts.append(from.*text.member);
    }
    // A list that grew one by one may hold spare room for more; each step keeps thousands.
    m_texts.squeeze();
    if (fields.testFlag(OpportunityField::Value))
        m_value = from.value;
    if (fields.testFlag(OpportunityField::ExpectedCloseDate))
        m_expectedCloseDate = from.expectedCloseDate;
    if (fields.testFlag(OpportunityField::Probability))
        m_probability = from.probability;
    if (fields.testFlag(OpportunityField::Stage))
        m_stage = from.stage;
    if (fields.testFlag(OpportunityField::IsArchived))
        m_isArchived = from.isArchived;
}

void FieldValues::copyInto(Opportunity *to, OpportunityFields fields) const
{
    qsizetype next = 0;
    for (const auto &text : textFields) {
        if (fields.testFlag(text.field) && next < m_texts.size())
            to->*text.member = m_texts.at(next++);
    }
    if (fields.testFlag(OpportunityField::Value))
        to->value = m_value;
    if (fields.testFlag(OpportunityField::ExpectedCloseDate))
        to->expectedCloseDate = m_expectedCloseDate;
    if (fields.testFlag(OpportunityField::Probability))
        to->probability = m_probability;
    if (fields.testFlag(OpportunityField::Stage))
        to->stage = m_stage;
    if (fields.testFlag(OpportunityField::IsArchived))
        to->isArchived = m_isArchived;
}
