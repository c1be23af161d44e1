#include "OpportunityCsv.h"

#include "CsvWriter.h"

namespace {

// How one style writes what is not text.
struct Forms
{
    QChar separator = QLatin1Char(',');
    QChar decimalPoint = QLatin1Char('.');
    // Empty: ISO dates and UTC timestamps.
    QString dateFormat;
    QLocale locale;
};

Forms formsOf(const OpportunityCsv::Options &options)
{
    Forms forms;
    if (options.style == OpportunityCsv::Style::Neutral)
        return forms;
    forms.locale = options.locale;
    if (options.locale.decimalPoint() == QLatin1String(",")) {
        forms.decimalPoint = QLatin1Char(',');
        forms.separator = QLatin1Char(';');
    }
    // The locale's numeric short date, with the whole year: "dd.MM.yy" becomes "dd.MM.yyyy".
    forms.dateFormat = options.locale.dateFormat(QLocale::ShortFormat);
    if (!forms.dateFormat.contains(QLatin1String("yyyy")))
        forms.dateFormat.replace(QLatin1String("yy"), QLatin1String("yyyy"));
    return forms;
}

QString number(double value, const Forms &forms)
{
    // + 0.0: a rounded -0 is written as 0.
    QString text = QString::number(value + 0.0, 'f', 2);
    if (forms.decimalPoint != QLatin1Char('.'))
        text.replace(QLatin1Char('.'), forms.decimalPoint);
    return text;
}

QString date(const QDate &date, const Forms &forms)
{
    if (!date.isValid())
        return {};
    return forms.dateFormat.isEmpty() ? date.toString(Qt::ISODate)
                                      : forms.locale.toString(date, forms.dateFormat);
}

QString timestamp(const QDateTime &time, const Forms &forms)
{
    if (!time.isValid())
        return {};
    if (forms.dateFormat.isEmpty())
        return time.toUTC().toString(Qt::ISODate);
    // A spreadsheet user reads the local time, as the app shows it.
    const QDateTime local = time.toLocalTime();
    return forms.locale.toString(local.date(), forms.dateFormat) + QLatin1Char(' ') +
           local.time().toString(QStringLiteral("HH:mm:ss"));
}

QString field(const Opportunity &o, OpportunityField field, const Forms &forms)
{
    switch (field) {
    case OpportunityField::Id:
        return CsvWriter::guarded(o.id);
    case OpportunityField::Name:
        return CsvWriter::guarded(o.name);
    case OpportunityField::AccountId:
        return CsvWriter::guarded(o.accountId);
    case OpportunityField::AccountName:
        return CsvWriter::guarded(o.accountName);
    case OpportunityField::LeadId:
        return CsvWriter::guarded(o.leadId);
    case OpportunityField::Value:
        return number(o.value, forms);
    case OpportunityField::Currency:
        return CsvWriter::guarded(o.currency);
    case OpportunityField::Stage:
        return Stages::id(o.stage);
    case OpportunityField::Probability:
        return QString::number(o.probability);
    case OpportunityField::ExpectedCloseDate:
        return date(o.expectedCloseDate, forms);
    case OpportunityField::Description:
        return CsvWriter::guarded(o.description);
    case OpportunityField::OwnerId:
        return CsvWriter::guarded(o.ownerId);
    case OpportunityField::IsArchived:
        return o.isArchived ? QStringLiteral("true") : QStringLiteral("false");
    case OpportunityField::CreatedAt:
        return timestamp(o.createdAt, forms);
    case OpportunityField::UpdatedAt:
        return timestamp(o.updatedAt, forms);
    }
    return {};
}

} // namespace

QString OpportunityCsv::text(const QList<Opportunity> &deals, const Options &options)
{
    const Forms forms = formsOf(options);
    CsvWriter writer(forms.separator);
    QStringList fields;
    fields.reserve(options.columns.size());
    for (const OpportunityField column : options.columns)
        fields.append(OpportunityFieldNames::snakeCase(column));
    writer.addRow(fields);
    for (const Opportunity &deal : deals) {
        fields.clear();
        for (const OpportunityField column : options.columns)
            fields.append(field(deal, column, forms));
        writer.addRow(fields);
    }
    return writer.text();
}

QByteArray OpportunityCsv::bytes(const QList<Opportunity> &deals, const Options &options)
{
    QByteArray bytes = text(deals, options).toUtf8();
    if (options.style == Style::Locale)
        bytes.prepend("\xEF\xBB\xBF");
    return bytes;
}
