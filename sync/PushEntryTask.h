#pragma once

#include "OutboxEntry.h"
#include "SyncTask.h"

// Pushes one outbox entry: a PUT with the version it started from, a DELETE, or a POST with its
// idempotency key. Without a version, or after a send that may have landed, it looks up the
// server's record first and merges it; a create in doubt is looked for before it is posted again.
// A 412 merges the server's change and sends again (up to three times). Ends Done when the server
// holds the entry, Settled when nothing was left to send, Refused when the server refused it for
// good (the entry is marked Failed), Failed when the sync must stop (the entry stays pending).
class PushEntryTask final : public SyncTask
{
    Q_OBJECT

public:
    PushEntryTask(SyncJournal &journal, ApiClient &client, const OutboxEntry &entry,
                  QObject *parent = nullptr);

    void start() override;

signals:
    // The server refused a write with 403: the key may only read.
    void readOnlyDetected();

private:
    // Which request of an entry failed: its own send, or a look-up of what the server holds.
    enum class Request
    {
        Send,
        LookUp
    };

    void push(const OutboxEntry &entry, int round);
    void pushCreate(const OutboxEntry &entry);
    void post(const OutboxEntry &entry, const QJsonObject &body);
    void refreshThenPush(const OutboxEntry &entry, int round);
    // The server took the entry: `server` is its answer (none for a delete).
    void pushed(const OutboxEntry &entry, const Opportunity *server, const QByteArray &etag = {});
    // Ends the task after a failed request, or sends again after a 412.
    void failedRequest(const OutboxEntry &entry, const ApiError &error, int round,
                       Request request = Request::Send);
    // The server refused the entry for good: the cache marks it Failed with `why`.
    void refuse(const OutboxEntry &entry, const ApiError &error, const QString &why);
    // Ends Settled when the cache took note of what happened, Failed when it could not.
    void settled(const Status &stored);

    OutboxEntry m_entry;
};
