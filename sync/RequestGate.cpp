#include "RequestGate.h"

#include "BudgetText.h"
#include "LocalStore.h"

#include <algorithm>

namespace {

const QString loweringKey = QStringLiteral("budget/lowered");

} // namespace

int RequestGate::Usage::requestsLeft() const
{
    return budget.requestsPerHour > 0 ? std::max(0, budget.requestsPerHour - requestsThisHour) : -1;
}

int RequestGate::Usage::writesLeft() const
{
    return budget.writesPerDay > 0 ? std::max(0, budget.writesPerDay - writesToday) : -1;
}

RequestGate::RequestGate(LocalStore &store, std::function<RequestBudget()> chosenBudget,
                         RequestLedger::Clock clock, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_chosenBudget(std::move(chosenBudget))
    , m_ledger(std::move(clock))
{}

Status RequestGate::open()
{
    Status opened = m_ledger.open(m_store.path());
    emit changed(); // what usage() says was unknown before
    return opened;
}

std::optional<BudgetLowering> RequestGate::lowering(const RequestBudget &chosen)
{
    const QString stored = m_store.setting(loweringKey);
    if (stored.isEmpty())
        return std::nullopt;
    std::optional<BudgetLowering> lowering = BudgetLowering::fromJson(stored.toUtf8());
    if (lowering && lowering->appliesTo(chosen))
        return lowering;
    // The user picked another plan (or the value is damaged): the plan's figures count again.
    static_cast<void>(m_store.setSetting(loweringKey, QString()));
    return std::nullopt;
}

int RequestGate::sendableEdits(int cap)
{
    // The entries SyncEngine::pushNext() sends: not those waiting for the user (refused, in
    // conflict); a delete although its row is hidden.
    const auto outbox = m_store.outbox();
    if (!outbox)
        return 0;
    int sendable = 0;
    for (const OutboxEntry &entry : *outbox) {
        if (sendable >= cap)
            break;
        const auto record = m_store.opportunity(entry.opportunityId);
        if (record ? record->state != SyncState::Failed && record->state != SyncState::Conflict
                   : entry.operation == OutboxEntry::Operation::Delete)
            ++sendable;
    }
    return sendable;
}

int RequestGate::reserveFor(const RequestBudget &budget, const RequestLedger::Counts &counts,
                            int edits) const
{
    if (budget.requestsPerHour <= 0)
        return 0;
    int reserve = std::min(edits, budget.requestsPerHour - 1);
    if (budget.writesPerDay > 0)
        reserve = std::min(reserve, std::max(0, budget.writesPerDay - counts.writesToday));
    return reserve;
}

std::optional<ApiError> RequestGate::admit(bool isWrite)
{
    const RequestBudget chosen = m_chosenBudget();
    const std::optional<BudgetLowering> lowered = lowering(chosen);
    const RequestBudget budget = lowered ? lowered->applied() : chosen;
    const bool keepsReserve = !isWrite && !m_pushingEdits && budget.requestsPerHour > 0;
    const int edits = keepsReserve ? sendableEdits(budget.requestsPerHour) : 0;
    int needed = 1;
    const Result<bool> admitted =
        m_ledger.recordIf(isWrite, [&](const RequestLedger::Counts &counts) {
            needed = 1 + reserveFor(budget, counts, edits);
            const bool requestsFit = budget.requestsPerHour <= 0 ||
                                     counts.requestsThisHour + needed <= budget.requestsPerHour;
            const bool writesFit = !isWrite || budget.writesPerDay <= 0 ||
                                   counts.writesToday + 1 <= budget.writesPerDay;
            return requestsFit && writesFit;
        });
    ApiError error;
    error.mayHaveLanded = false;
    if (!admitted) {
        error.kind = ApiError::Kind::Other;
        error.message = tr("The request was not sent: its place in the request budget could "
                           "not be counted (%1).")
                            .arg(admitted.error());
        return error;
    }
    if (*admitted) {
        emit changed();
        return std::nullopt;
    }
    const Result<QDateTime> fits = fitsAt(budget, isWrite, needed);
    const QDateTime at = fits && fits->isValid() ? *fits : m_ledger.now().addSecs(3600);
    error.kind = ApiError::Kind::OverBudget;
    error.retryAfterSeconds =
        static_cast<int>(std::max<qint64>(1, (m_ledger.realMsUntil(at) + 999) / 1000));
    const QDateTime local = QDateTime::currentDateTime().addSecs(error.retryAfterSeconds);
    error.message = tr("Not sent: the request budget (%1) has no room for it before %2.")
                        .arg(budget.label(), BudgetText::timeOf(local));
    return error;
}

Result<QDateTime> RequestGate::fitsAt(const RequestBudget &budget, bool isWrite, int needed)
{
    QDateTime at = m_ledger.now();
    if (budget.requestsPerHour > 0) {
        const Result<QDateTime> requests =
            m_ledger.roomAt(RequestLedger::Window::Hour, budget.requestsPerHour, needed);
        if (!requests)
            return requests;
        at = std::max(at, *requests);
    }
    if (isWrite && budget.writesPerDay > 0) {
        const Result<QDateTime> writes =
            m_ledger.roomAt(RequestLedger::Window::Day, budget.writesPerDay, 1);
        if (!writes)
            return writes;
        at = std::max(at, *writes);
    }
    return at;
}

void RequestGate::refusedByServer(bool isWrite, int retryAfterSeconds)
{
    const Result<RequestLedger::Counts> counts = m_ledger.counts();
    if (!counts)
        return;
    const RequestBudget chosen = m_chosenBudget();
    const std::optional<BudgetLowering> earlier = lowering(chosen);
    // A write refused for longer than an hour can only be over the day's writes; anything else
    // is over the hour's requests (the hosted API's two limits).
    constexpr qint64 hourSeconds = 3600;
    const bool daily = isWrite && qint64(retryAfterSeconds) * m_ledger.speedUp() > hourSeconds;
    const std::optional<BudgetLowering> lowered = BudgetLowering::afterRefusal(
        chosen, earlier,
        daily ? BudgetLowering::Figure::WritesPerDay : BudgetLowering::Figure::RequestsPerHour,
        daily ? counts->writesToday : counts->requestsThisHour);
    if (!lowered || lowered == earlier)
        return;
    static_cast<void>(m_store.setSetting(loweringKey, QString::fromUtf8(lowered->toJson())));
    emit changed();
}

Result<RequestGate::Usage> RequestGate::usage()
{
    const Result<RequestLedger::Counts> counts = m_ledger.counts();
    if (!counts)
        return Failure{counts.error()};
    Usage usage;
    const RequestBudget chosen = m_chosenBudget();
    usage.lowering = lowering(chosen);
    usage.budget = usage.lowering ? usage.lowering->applied() : chosen;
    usage.requestsThisHour = counts->requestsThisHour;
    usage.writesToday = counts->writesToday;
    return usage;
}

bool RequestGate::admitsWrite()
{
    const Result<Usage> now = usage();
    return now && now->requestsLeft() != 0 && now->writesLeft() != 0;
}

QDateTime RequestGate::readFitsAt()
{
    const RequestBudget chosen = m_chosenBudget();
    const std::optional<BudgetLowering> lowered = lowering(chosen);
    const RequestBudget budget = lowered ? lowered->applied() : chosen;
    const Result<RequestLedger::Counts> counts = m_ledger.counts();
    if (!counts)
        return QDateTime();
    const int edits = budget.requestsPerHour > 0 ? sendableEdits(budget.requestsPerHour) : 0;
    const Result<QDateTime> at = fitsAt(budget, false, 1 + reserveFor(budget, *counts, edits));
    if (!at || !at->isValid())
        return QDateTime();
    return QDateTime::currentDateTime().addMSecs(m_ledger.realMsUntil(*at));
}
