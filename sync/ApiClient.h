#pragma once

#include "Account.h"
#include "ApiError.h"
#include "ApiLimits.h"
#include "Opportunity.h"
#include "OpportunityField.h"
#include "OpportunityFilter.h"
#include "OpportunityUpdate.h"
#include "ResponseBody.h"
#include "ServerFeatures.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QHash>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QObject>
#include <QSet>
#include <QUrl>
#include <functional>
#include <optional>

class QNetworkReply;
class RequestGate;

// The kashew.ai Opportunities API over QNetworkAccessManager: typed calls, bearer key, retries
// with backoff and jitter for network errors and 5xx, waits on 429 as the server says.
// Every response goes through the tolerant readers of models/.
class ApiClient final : public QObject
{
    Q_OBJECT

public:
    struct Settings
    {
        QUrl baseUrl;
        QString apiKey;
        // No bytes for this long: the request times out.
        int transferTimeoutMs = 30000;
        // Retries after the first try, for network errors, 5xx and 429.
        int maxRetries = 4;
        int backoffBaseMs = 500;
        int backoffMaxMs = 30000;
        // A 429 asking for a longer wait than this is reported instead of waited out (-1: never
        // wait).
        int maxRateLimitWaitSeconds = 120;
    };

    // Which page of a listing to ask for.
    struct PageRequest
    {
        int page = 1;
        int pageSize = ApiLimits::maxPageSize;
    };
    // A record of a page that could not be read.
    struct UnreadableRecord
    {
        // As the server sent it; empty when the id itself cannot be read.
        QString id;
        FieldErrors errors;
        // "opportunity 'opp_123': name is missing"
        QString description;
    };
    // A page of a listing. When some of its records cannot be read, the call's error says which
    // (BadResponse) and the page still holds the others: a caller may go on with them.
    struct OpportunityPage
    {
        QList<Opportunity> items;
        QList<UnreadableRecord> unreadable;
        // Records that did not say whether they are archived: taken as the request's filter says.
        QSet<QString> archivedByFilter;
        std::optional<qint64> totalCount;
        int requestedPageSize = 0;
        // Every listed record's id in the page's order, readable or not (empty: an id that cannot
        // be read): where a listing pull stands (ListingPass).
        QStringList order;
        // Each record's `etag`, where the server names `etags`: a PUT needs no GET first.
        QHash<QString, QByteArray> etags;
        // kashew-server's Kashew-Cursor: its change feed's cursor read before the page was (none:
        // not said). A listing whose every page said one may follow the feed from the earliest.
        std::optional<qint64> feedCursor;

        // Records on the page, readable or not (what tells a short page).
        qsizetype received() const { return items.size() + unreadable.size(); }
    };
    struct Detail
    {
        Opportunity opportunity;
        // The fields the answer held; the others have their defaults (SyncEngine fills them in
        // from what the cache knows, never from the defaults).
        OpportunityFields present;
        QList<OpportunityUpdate> updates;
        QByteArray etag;
    };
    struct AccountPage
    {
        QList<Account> items;
        std::optional<qint64> totalCount;
    };

    template <typename T>
    using Callback = std::function<void(const ApiError &error, const T &result)>;

    explicit ApiClient(QObject *parent = nullptr);

    void setSettings(const Settings &settings);
    const Settings &settings() const { return m_settings; }
    // A key may go over http:// only to this machine.
    static bool isSafeToSendKey(const QUrl &url);
    static QString userAgent();
    // Says which records could not be read and why, the first few in full.
    static QString unreadableMessage(const QList<UnreadableRecord> &records);

    void listOpportunities(const OpportunityFilter &filter, PageRequest pageRequest,
                           Callback<OpportunityPage> done);
    // The first page, as large as the API allows.
    void listOpportunities(const OpportunityFilter &filter, Callback<OpportunityPage> done)
    {
        listOpportunities(filter, PageRequest{}, std::move(done));
    }
    void getOpportunity(const QString &id, Callback<Detail> done);
    void createOpportunity(const QJsonObject &body, const QString &idempotencyKey,
                           Callback<Detail> done);
    void updateOpportunity(const QString &id, const QJsonObject &body, const QByteArray &ifMatch,
                           Callback<Detail> done);
    void deleteOpportunity(const QString &id, const QByteArray &ifMatch, Callback<bool> done);
    void listAccounts(int page, int pageSize, Callback<AccountPage> done);

    // Requests sent since construction, retries included (for figures).
    int requestCount() const { return m_requestCount; }
    // Bytes of response bodies as they came over the wire (compressed ones as sent; for figures).
    qint64 bytesReceived() const { return m_responseBody.total(); }
    // Every request, retries included, is let out by `gate` first (the key's request budget) or
    // fails with its error, never sent; none (the default): every request goes out. Not owned.
    void setRequestGate(RequestGate *gate) { m_gate = gate; }
    RequestGate *requestGate() const { return m_gate; }
    // After a 429 no request goes out before the time the server named: until then requests wait
    // (up to maxRateLimitWaitSeconds) or fail at once as rate limited, without being sent.
    // Milliseconds left (0: none); the local time it ends (invalid: none).
    qint64 rateLimitWaitMs() const;
    QDateTime rateLimitedUntil() const;
    // The extensions named by the last list response that came back (/opportunities,
    // /accounts): none before one did, nor after one without the header.
    const ServerFeatures &serverFeatures() const { return m_serverFeatures; }
    // Cancels everything under way; their callbacks are not called.
    void abortAll();

signals:
    // Waiting out a 429 before retrying.
    void rateLimited(int seconds);

private:
    // kashew-server's own routes, kept out of this file (sync/UsersRequests).
    friend class UsersRequests;
    friend class ChangesRequests;

    struct Response
    {
        int status = 0;
        QJsonDocument json;
        QByteArray etag;
        // Kashew-Features, as sent.
        QByteArray features;
        // Kashew-Cursor, where it is a cursor.
        std::optional<qint64> feedCursor;
    };
    using RawCallback = std::function<void(const ApiError &, const Response &)>;

    void send(const QByteArray &method, const QString &path,
              const QList<QPair<QString, QString>> &query, const QByteArray &body,
              const QList<QPair<QByteArray, QByteArray>> &headers, RawCallback done,
              int attempt = 0, bool earlierMayHaveLanded = false);
    int backoffMs(int attempt) const;

    QNetworkAccessManager m_network;
    ResponseBody m_responseBody;
    Settings m_settings;
    int m_requestCount = 0;
    // Bumped by abortAll(): replies of an older generation are dropped.
    int m_generation = 0;
    QDeadlineTimer m_rateLimitEnd = QDeadlineTimer(0);
    ServerFeatures m_serverFeatures;
    RequestGate *m_gate = nullptr;
};
