#include "HistoryFormatter.h"

#include "Money.h"
#include "OpportunityField.h"
#include "ServerText.h"
#include "Stage.h"
#include "Timestamp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <cmath>

namespace {

bool isNull(const QJsonValue &value)
{
    return value.isNull() || value.isUndefined();
}

std::optional<OpportunityField> fieldOf(const FieldChange &change)
{
    return OpportunityFieldNames::fromName(change.field);
}

const FieldChange *find(const OpportunityUpdate &update, OpportunityField field)
{
    for (const FieldChange &change : update.changes) {
        if (fieldOf(change) == field)
            return &change;
    }
    return nullptr;
}

// The entry that made the record: every field set from nothing, the name among them (a later
// change can never set the name from nothing, the name being required).
bool isCreation(const OpportunityUpdate &update)
{
    bool name = false;
    for (const FieldChange &change : update.changes) {
        if (!isNull(change.from))
            return false;
        name = name || fieldOf(change) == OpportunityField::Name;
    }
    return name;
}

// A JSON value as the server wrote it, for values without a form of their own.
QString rawText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    return value.toVariant().toString();
}

// A currency code as the rest of the app shows it; anything else the server sent, isolated.
QString currencyText(const QString &code)
{
    static const QRegularExpression iso(QStringLiteral("^[A-Z]{3}$"));
    return iso.match(code).hasMatch() ? code : ServerText::isolated(code);
}

QString when(const QDateTime &time)
{
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

} // namespace

HistoryFormatter::HistoryFormatter(Lookup accountName, Lookup ownerName)
    : m_accountName(std::move(accountName))
    , m_ownerName(std::move(ownerName))
{}

QStringList HistoryFormatter::entries(const QList<OpportunityUpdate> &history,
                                      const QString &currency) const
{
    QStringList texts;
    QString after = currency;
    for (const OpportunityUpdate &update : history) {
        QString before = after;
        if (const FieldChange *change = find(update, OpportunityField::Currency);
            change && change->from.isString())
            before = change->from.toString();
        texts.append(isCreation(update) ? creation(update, after) : entry(update, before, after));
        after = before;
    }
    return texts;
}

QString HistoryFormatter::entry(const OpportunityUpdate &update, const QString &currencyBefore,
                                const QString &currencyAfter) const
{
    QStringList lines{tr("%1 · %2").arg(when(update.createdAt), owner(update.ownerId))};
    for (const FieldChange &change : update.changes) {
        // Told with the account's id: one line for the account, not two.
        if (fieldOf(change) == OpportunityField::AccountName &&
            find(update, OpportunityField::AccountId))
            continue;
        lines.append(changeLine(update, change, currencyBefore, currencyAfter));
    }
    return lines.join(QLatin1Char('\n'));
}

QString HistoryFormatter::creation(const OpportunityUpdate &update, const QString &currency) const
{
    const QString who = owner(update.ownerId);
    const FieldChange *stage = find(update, OpportunityField::Stage);
    const FieldChange *amount = find(update, OpportunityField::Value);
    const FieldChange *code = find(update, OpportunityField::Currency);
    const QString stageText = stage ? value(stage->field, stage->to, currency) : QString();
    const QString money =
        amount ? value(amount->field, amount->to, code ? code->to.toString() : currency)
               : QString();
    QString sentence;
    if (stage && amount)
        sentence = tr("Created by %1 in %2, %3").arg(who, stageText, money);
    else if (stage)
        sentence = tr("Created by %1 in %2").arg(who, stageText);
    else if (amount)
        sentence = tr("Created by %1, %2").arg(who, money);
    else
        sentence = tr("Created by %1").arg(who);
    return when(update.createdAt) + QLatin1Char('\n') + sentence;
}

QString HistoryFormatter::changeLine(const OpportunityUpdate &update, const FieldChange &change,
                                     const QString &currencyBefore,
                                     const QString &currencyAfter) const
{
    const std::optional<OpportunityField> field = fieldOf(change);
    QString label;
    switch (field.value_or(OpportunityField::Id)) {
    case OpportunityField::Name:
        label = tr("Name");
        break;
    case OpportunityField::AccountId: {
        // The names the server sent with the change, for an account this cache does not list.
        const FieldChange *names = find(update, OpportunityField::AccountName);
        const auto side = [&](const QJsonValue &id, const QJsonValue &name) {
            if (isNull(id))
                return tr("—");
            const QString known = m_accountName ? m_accountName(id.toString()) : QString();
            if (known.isEmpty() && name.isString() && !name.toString().isEmpty())
                return ServerText::isolated(name.toString());
            return account(id.toString());
        };
        return tr("%1: %2 → %3")
            .arg(tr("Account"), side(change.from, names ? names->from : QJsonValue()),
                 side(change.to, names ? names->to : QJsonValue()));
    }
    case OpportunityField::AccountName:
        label = tr("Account");
        break;
    case OpportunityField::LeadId:
        label = tr("Lead");
        break;
    case OpportunityField::Value:
        label = tr("Value");
        break;
    case OpportunityField::Currency:
        label = tr("Currency");
        break;
    case OpportunityField::Stage:
        label = tr("Stage");
        break;
    case OpportunityField::Probability:
        label = tr("Probability");
        break;
    case OpportunityField::ExpectedCloseDate:
        label = tr("Expected close");
        break;
    case OpportunityField::Description:
        label = tr("Description");
        break;
    case OpportunityField::OwnerId:
        label = tr("Owner");
        break;
    case OpportunityField::IsArchived:
        if (change.to.isBool())
            return change.to.toBool() ? tr("Archived") : tr("Taken out of the archive");
        label = tr("Archived");
        break;
    default:
        // A field this version does not know: as the server named it.
        label = field ? change.field : ServerText::isolated(change.field);
        break;
    }
    return tr("%1: %2 → %3")
        .arg(label, value(change.field, change.from, currencyBefore),
             value(change.field, change.to, currencyAfter));
}

QString HistoryFormatter::value(const QString &field, const QJsonValue &json,
                                const QString &currency) const
{
    if (isNull(json))
        return tr("—");
    const QString text = rawText(json);
    switch (OpportunityFieldNames::fromName(field).value_or(OpportunityField::Id)) {
    case OpportunityField::AccountId:
        return account(text);
    case OpportunityField::OwnerId:
        return owner(text);
    case OpportunityField::Value: {
        bool ok = json.isDouble();
        const double amount = ok ? json.toDouble() : text.toDouble(&ok);
        if (ok)
            return currency.isEmpty() ? formatAmount(amount, amount == std::floor(amount) ? 0 : 2)
                                      : formatMoney(amount, currencyText(currency));
        break;
    }
    case OpportunityField::Currency: {
        if (json.isString())
            return currencyText(text);
        break;
    }
    case OpportunityField::Stage:
        if (const std::optional<Stage> stage = Stages::fromId(text))
            return Stages::label(*stage);
        break;
    case OpportunityField::Probability:
        if (json.isDouble())
            return QLocale().toString(qRound(json.toDouble())) + QLatin1Char('%');
        break;
    case OpportunityField::ExpectedCloseDate: {
        // As the list shows it; a date sent with a time is still that day.
        const QDate date = Timestamp::dateFromText(text.left(10));
        if (date.isValid())
            return QLocale().toString(date, QLocale::ShortFormat);
        break;
    }
    case OpportunityField::CreatedAt:
    case OpportunityField::UpdatedAt: {
        const QDateTime time = Timestamp::fromText(text);
        if (time.isValid())
            return when(time);
        break;
    }
    default:
        if (json.isBool())
            return json.toBool() ? tr("yes") : tr("no");
        break;
    }
    return ServerText::isolated(text);
}

QString HistoryFormatter::account(const QString &id) const
{
    const QString name = m_accountName ? m_accountName(id) : QString();
    return ServerText::isolated(name.isEmpty() ? id : name);
}

QString HistoryFormatter::owner(const QString &id) const
{
    if (id.isEmpty())
        return tr("someone");
    const QString name = m_ownerName ? m_ownerName(id) : QString();
    return ServerText::isolated(name.isEmpty() ? id : name);
}
