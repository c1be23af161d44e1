#include "OpportunityValidation.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>

namespace {

// The messages are marked with QT_TRANSLATE_NOOP so that lupdate finds them (it cannot see
// through a wrapper), and translated here when the app has a translator.
QString translated(const char *text)
{
    return QCoreApplication::translate("OpportunityValidation", text);
}

// Default_Ignorable_Code_Point (Unicode DerivedCoreProperties) beyond the format characters,
// and U+2800 BRAILLE PATTERN BLANK, which shows nothing either.
bool isInvisibleCodePoint(char32_t c)
{
    struct Range
    {
        char32_t first;
        char32_t last;
    };
    static constexpr Range invisible[] = {
        {0x034f, 0x034f},   {0x115f, 0x1160}, {0x17b4, 0x17b5},   {0x180b, 0x180f},
        {0x2065, 0x2065},   {0x2800, 0x2800}, {0x3164, 0x3164},   {0xfe00, 0xfe0f},
        {0xffa0, 0xffa0},   {0xfff0, 0xfff8}, {0x1bca0, 0x1bca3}, {0x1d173, 0x1d17a},
        {0xe0000, 0xe0fff},
    };
    if (QChar::isSpace(c))
        return true;
    switch (QChar::category(c)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
        return true;
    default:
        break;
    }
    for (const Range &range : invisible) {
        if (c >= range.first && c <= range.last)
            return true;
    }
    return false;
}

} // namespace

bool isValidText(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        else if (c.isSurrogate())
            return false;
    }
    return true;
}

bool hasVisibleCharacter(const QString &text)
{
    const QList<uint> codePoints = text.toUcs4();
    return std::any_of(codePoints.begin(), codePoints.end(),
                       [](uint c) { return !isInvisibleCodePoint(c); });
}

QString nameError(const QString &name)
{
    if (!isValidText(name))
        return translated(
            QT_TRANSLATE_NOOP("OpportunityValidation",
                              "Name must be valid Unicode text (it holds an unpaired surrogate)."));
    if (name.trimmed().isEmpty())
        return translated(QT_TRANSLATE_NOOP("OpportunityValidation", "Name is required."));
    if (!hasVisibleCharacter(name))
        return translated(
            QT_TRANSLATE_NOOP("OpportunityValidation", "Name must contain a visible character."));
    if (name.toUcs4().size() > maxOpportunityNameLength)
        return translated(QT_TRANSLATE_NOOP("OpportunityValidation",
                                            "Name must be at most %1 characters."))
            .arg(maxOpportunityNameLength);
    return {};
}

bool isUuid(const QString &text)
{
    static const QRegularExpression uuid(QStringLiteral(
        "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    return uuid.match(text).hasMatch();
}

FieldErrors validateOpportunity(const Opportunity &o)
{
    FieldErrors errors;
    if (const QString error = nameError(o.name); !error.isEmpty())
        errors.append({QStringLiteral("name"), error});

    if (!std::isfinite(o.value) || o.value < 0)
        errors.append({QStringLiteral("value"),
                       translated(QT_TRANSLATE_NOOP("OpportunityValidation",
                                                    "Value must be zero or more."))});
    else if (o.value > maxOpportunityValue)
        errors.append(
            {QStringLiteral("value"),
             translated(QT_TRANSLATE_NOOP("OpportunityValidation", "Value must be at most %1."))
                 .arg(QString::number(maxOpportunityValue, 'f', 0))});

    if (!isValidText(o.description))
        errors.append({QStringLiteral("description"),
                       translated(QT_TRANSLATE_NOOP(
                           "OpportunityValidation",
                           "Description must be valid Unicode text (it holds an unpaired "
                           "surrogate)."))});

    static const QRegularExpression currencyCode(QStringLiteral("^[A-Z]{3}$"));
    if (!currencyCode.match(o.currency).hasMatch())
        errors.append({QStringLiteral("currency"),
                       translated(QT_TRANSLATE_NOOP(
                           "OpportunityValidation",
                           "Currency must be an ISO 4217 code of three capital letters, "
                           "such as USD."))});

    if (o.probability < 0 || o.probability > 100)
        errors.append(
            {QStringLiteral("probability"),
             translated(QT_TRANSLATE_NOOP("OpportunityValidation",
                                          "Probability must be a whole number from 0 to 100."))});

    // A null date means "no expected close date"; anything else must be a real calendar day.
    if (!o.expectedCloseDate.isNull() &&
        (!o.expectedCloseDate.isValid() || o.expectedCloseDate.year() < 1900 ||
         o.expectedCloseDate.year() > 9999))
        errors.append(
            {QStringLiteral("expectedCloseDate"),
             translated(QT_TRANSLATE_NOOP("OpportunityValidation",
                                          "Expected close date must be a date as YYYY-MM-DD."))});

    if (!o.accountId.isEmpty() && !isUuid(o.accountId))
        errors.append({QStringLiteral("accountId"),
                       translated(QT_TRANSLATE_NOOP("OpportunityValidation",
                                                    "Account must be a UUID or empty."))});
    if (!o.leadId.isEmpty() && !isUuid(o.leadId))
        errors.append({QStringLiteral("leadId"),
                       translated(QT_TRANSLATE_NOOP("OpportunityValidation",
                                                    "Lead must be a UUID or empty."))});
    return errors;
}

FieldErrors validateOpportunityFields(const Opportunity &opportunity, OpportunityFields fields)
{
    FieldErrors errors = validateOpportunity(opportunity);
    errors.removeIf([fields](const FieldError &error) {
        const auto field = OpportunityFieldNames::fromName(error.field);
        return !field || !fields.testFlag(*field);
    });
    return errors;
}
