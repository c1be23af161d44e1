#pragma once

#include "Result.h"
#include "Stage.h"

#include <QCoreApplication>
#include <QString>
#include <optional>

// Reads one cell of an imported file as a stage, a yes/no or a currency, the way people and
// spreadsheets write them. The text is not empty (an empty cell leaves a field unset).
class ImportValueReader final
{
    Q_DECLARE_TR_FUNCTIONS(ImportValueReader)

public:
    // A stage id (closed_won, "Closed Won"), its English label, its label in the app's language
    // or its German label ("Verhandlung", "Gewonnen"), case aside.
    static Result<Stage> stage(const QString &text);
    // true/false, yes/no, ja/nein, wahr/falsch (German spreadsheets), 1/0, x; case aside.
    static Result<bool> boolean(const QString &text);
    // An ISO 4217 code in any case ("eur"), or a symbol with one meaning ($ € £ ¥).
    static Result<QString> currency(const QString &text);
    // The code a currency symbol stands for; unset when the text is no symbol.
    static std::optional<QString> currencyOfSymbol(const QString &symbol);
};
