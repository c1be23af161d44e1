#pragma once

#include "ApiError.h"
#include "BudgetLowering.h"
#include "RequestBudget.h"
#include "RequestLedger.h"
#include "Result.h"

#include <QObject>
#include <functional>
#include <optional>

class LocalStore;

// The rule every request of ApiClient passes before it is sent (retries, look-ups, people and
// accounts included): within the key's request budget (RequestBudget, the plan in Settings,
// lowered where a 429 showed a smaller one) it is counted in the RequestLedger and goes out;
// otherwise it is not sent and fails with ApiError::Kind::OverBudget, saying when the window
// has room. Edits come first: a read outside the push of edits leaves a request for each edit
// waiting in the outbox (and able to go out today).
class RequestGate final : public QObject
{
    Q_OBJECT

public:
    // What the budget looks like now, as the status bar and `kashew status` say it.
    struct Usage
    {
        // As kept to: the plan's, lowered where the server showed a smaller one.
        RequestBudget budget;
        std::optional<BudgetLowering> lowering;
        int requestsThisHour = 0;
        int writesToday = 0;

        // -1: no limit.
        int requestsLeft() const;
        int writesLeft() const;
    };

    // `chosenBudget`: the plan in Settings, asked at every request (a new choice counts at once).
    // `store`: its cache holds the ledger, the lowering and the outbox the reserve is kept for.
    RequestGate(LocalStore &store, std::function<RequestBudget()> chosenBudget,
                RequestLedger::Clock clock = {}, QObject *parent = nullptr);

    // Opens the ledger in the store's cache file (the store is open already).
    Status open();

    // None, with the request counted: it may go out now. Otherwise why not (OverBudget, or the
    // cache that could not count it), and nothing is counted.
    std::optional<ApiError> admit(bool isWrite);
    // The server refused a request the gate let out (429) after `retryAfterSeconds`: when the
    // requests counted in the window show a smaller limit than the budget's, it is lowered.
    void refusedByServer(bool isWrite, int retryAfterSeconds);
    // While the engine pushes edits, its reads (a look before a PUT) are the edits' own: they
    // need leave no reserve.
    void setPushingEdits(bool pushing) { m_pushingEdits = pushing; }

    Result<Usage> usage();
    // Whether an edit (a write) would be let out now.
    bool admitsWrite();
    // When a read outside the push (a pull's next page) fits, in local time: now when it does;
    // invalid when the cache could not say.
    QDateTime readFitsAt();

    RequestLedger &ledger() { return m_ledger; }

signals:
    // A request was counted, or the budget lowered: what usage() says changed.
    void changed();

private:
    // The lowering stored for the plan chosen now (one for another plan is dropped).
    std::optional<BudgetLowering> lowering(const RequestBudget &chosen);
    // Edits in the outbox a sync would send (not those waiting for the user), up to `cap`.
    int sendableEdits(int cap);
    // The requests a read must leave: one per sendable edit that may still go out today, never
    // the whole hour (a pull must get on, if slowly).
    int reserveFor(const RequestBudget &budget, const RequestLedger::Counts &counts,
                   int edits) const;
    // When `needed` more requests (and, for a write, one more write) fit.
    Result<QDateTime> fitsAt(const RequestBudget &budget, bool isWrite, int needed);

    LocalStore &m_store;
    std::function<RequestBudget()> m_chosenBudget;
    RequestLedger m_ledger;
    bool m_pushingEdits = false;
};
