#include "OpportunityValidation.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <cmath>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("OpportunityValidation", text);
}

} // namespace

bool isUuid(const QString &text)
{
    static const QRegularExpression uuid(QStringLiteral(
        "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    return uuid.match(text).hasMatch();
}

FieldErrors validateOpportunity(const Opportunity &o)
{
    FieldErrors errors;
    if (o.name.trimmed().isEmpty())
        errors.append({QStringLiteral("name"), tr("Name is required.")});
    else if (o.name.toUcs4().size() > maxOpportunityNameLength)
        errors.append({QStringLiteral("name"),
                       tr("Name must be at most %1 characters.").arg(maxOpportunityNameLength)});

    if (!std::isfinite(o.value) || o.value < 0)
        errors.append({QStringLiteral("value"), tr("Value must be zero or more.")});

    static const QRegularExpression currencyCode(QStringLiteral("^[A-Z]{3}$"));
    if (!currencyCode.match(o.currency).hasMatch())
        errors.append({QStringLiteral("currency"),
                       tr("Currency must be an ISO 4217 code of three capital letters, "
                          "such as USD.")});

    if (o.probability < 0 || o.probability > 100)
        errors.append({QStringLiteral("probability"),
                       tr("Probability must be a whole number from 0 to 100.")});

    // A null date means "no expected close date"; anything else must be a real calendar day.
    if (!o.expectedCloseDate.isNull() &&
        (!o.expectedCloseDate.isValid() || o.expectedCloseDate.year() < 1900 ||
         o.expectedCloseDate.year() > 9999))
        errors.append({QStringLiteral("expectedCloseDate"),
                       tr("Expected close date must be a date as YYYY-MM-DD.")});

    if (!o.accountId.isEmpty() && !isUuid(o.accountId))
        errors.append({QStringLiteral("accountId"), tr("Account must be a UUID or empty.")});
    if (!o.leadId.isEmpty() && !isUuid(o.leadId))
        errors.append({QStringLiteral("leadId"), tr("Lead must be a UUID or empty.")});
    return errors;
}
