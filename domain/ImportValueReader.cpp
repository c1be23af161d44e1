#include "ImportValueReader.h"

#include <QRegularExpression>
#include <array>

namespace {

struct StageWord
{
    const char *word;
    Stage stage;
};

// The English labels and the German ones the app ships (kashew_de.ts), plus the words people
// use for them, so that a file reads the same whatever language the app runs in.
constexpr std::array<StageWord, 16> stageWords{{
    {"prospecting", Stage::Prospecting},
    {"qualification", Stage::Qualification},
    {"proposal", Stage::Proposal},
    {"negotiation", Stage::Negotiation},
    {"closed won", Stage::ClosedWon},
    {"won", Stage::ClosedWon},
    {"closed lost", Stage::ClosedLost},
    {"lost", Stage::ClosedLost},
    {"akquise", Stage::Prospecting},
    {"qualifizierung", Stage::Qualification},
    {"qualifikation", Stage::Qualification},
    {"angebot", Stage::Proposal},
    {"verhandlung", Stage::Negotiation},
    {"gewonnen", Stage::ClosedWon},
    {"verloren", Stage::ClosedLost},
    {"abgeschlossen gewonnen", Stage::ClosedWon},
}};

struct CurrencySymbol
{
    const char16_t *symbol;
    const char *code;
};

// Only symbols with one usual meaning; "kr" or "Fr." could be several currencies.
constexpr std::array<CurrencySymbol, 5> currencySymbols{{
    {u"$", "USD"},
    {u"US$", "USD"},
    {u"€", "EUR"},
    {u"£", "GBP"},
    {u"¥", "JPY"},
}};

} // namespace

Result<Stage> ImportValueReader::stage(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (const std::optional<Stage> stage = Stages::fromId(trimmed))
        return *stage;
    const QString word = trimmed.toCaseFolded().simplified();
    for (const StageWord &candidate : stageWords) {
        if (word == QLatin1String(candidate.word))
            return candidate.stage;
    }
    for (const Stage stage : Stages::all()) {
        if (word == Stages::label(stage).toCaseFolded())
            return stage;
    }
    return Failure{tr("not a stage: '%1'").arg(text)};
}

Result<bool> ImportValueReader::boolean(const QString &text)
{
    static const QStringList yes{QStringLiteral("true"), QStringLiteral("yes"),
                                 QStringLiteral("ja"),   QStringLiteral("wahr"),
                                 QStringLiteral("1"),    QStringLiteral("x")};
    static const QStringList no{QStringLiteral("false"), QStringLiteral("no"),
                                QStringLiteral("nein"), QStringLiteral("falsch"),
                                QStringLiteral("0")};
    const QString word = text.trimmed().toCaseFolded();
    if (yes.contains(word))
        return true;
    if (no.contains(word))
        return false;
    return Failure{tr("not yes or no: '%1'").arg(text)};
}

Result<QString> ImportValueReader::currency(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (const std::optional<QString> code = currencyOfSymbol(trimmed))
        return *code;
    static const QRegularExpression code(QStringLiteral("^[A-Za-z]{3}$"));
    if (code.match(trimmed).hasMatch())
        return trimmed.toUpper();
    return Failure{tr("not a currency code: '%1'").arg(text)};
}

std::optional<QString> ImportValueReader::currencyOfSymbol(const QString &symbol)
{
    for (const CurrencySymbol &candidate : currencySymbols) {
        if (symbol == QStringView(candidate.symbol))
            return QString::fromLatin1(candidate.code);
    }
    return std::nullopt;
}
