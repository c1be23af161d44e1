#include "ApiClient.h"

#include "AccountJson.h"
#include "ListEnvelope.h"
#include "OneShotUpload.h"
#include "OpportunityReplies.h"
#include "ReplyError.h"
#include "RequestGate.h"
#include "Version.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrlQuery>
#include <algorithm>
#include <memory>

ApiClient::ApiClient(QObject *parent)
    : QObject(parent)
{
    m_network.setAutoDeleteReplies(true);
}

void ApiClient::setSettings(const Settings &settings)
{
    m_settings = settings;
    m_serverFeatures = {}; // maybe another server: its next listing says what it has
}

bool ApiClient::isSafeToSendKey(const QUrl &url)
{
    if (url.scheme() == QLatin1String("https"))
        return true;
    if (url.scheme() != QLatin1String("http"))
        return false;
    const QString host = url.host();
    if (host == QLatin1String("localhost"))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString ApiClient::userAgent()
{
    return QStringLiteral("kashew-desktop/%1 (Qt %2)")
        .arg(QStringLiteral(KASHEW_VERSION), QString::fromLatin1(qVersion()));
}

QString ApiClient::unreadableMessage(const QList<UnreadableRecord> &records)
{
    // Enough to find the records and see the pattern; a whole page of them would bury it.
    constexpr qsizetype shown = 3;
    QStringList descriptions;
    for (qsizetype i = 0; i < std::min(shown, records.size()); ++i)
        descriptions.append(records.at(i).description);
    QString list = descriptions.join(QStringLiteral("; "));
    if (records.size() > shown)
        list = tr("%1; and %2 more").arg(list).arg(records.size() - shown);
    return records.size() == 1
               ? tr("kashew cannot read an opportunity the server sent: %1").arg(list)
               : tr("kashew cannot read %1 opportunities the server sent: %2")
                     .arg(records.size())
                     .arg(list);
}

int ApiClient::backoffMs(int attempt) const
{
    // Exponential with full jitter: retries of many clients do not arrive together.
    const qint64 ceiling = std::min<qint64>(
        m_settings.backoffMaxMs, qint64(m_settings.backoffBaseMs) << std::min(attempt, 20));
    return static_cast<int>(ceiling / 2 + QRandomGenerator::global()->bounded(ceiling / 2 + 1));
}

qint64 ApiClient::rateLimitWaitMs() const
{
    return m_rateLimitEnd.remainingTime();
}

QDateTime ApiClient::rateLimitedUntil() const
{
    const qint64 waitMs = rateLimitWaitMs();
    return waitMs > 0 ? QDateTime::currentDateTime().addMSecs(waitMs) : QDateTime();
}

void ApiClient::abortAll()
{
    ++m_generation;
    const QList<QNetworkReply *> replies = m_network.findChildren<QNetworkReply *>();
    for (QNetworkReply *reply : replies)
        reply->abort();
}

void ApiClient::send(const QByteArray &method, const QString &path,
                     const QList<QPair<QString, QString>> &query, const QByteArray &body,
                     const QList<QPair<QByteArray, QByteArray>> &headers, RawCallback done,
                     int attempt, bool earlierMayHaveLanded)
{
    QUrl url(m_settings.baseUrl.toString(QUrl::StripTrailingSlash) + path);
    QUrlQuery urlQuery;
    for (const auto &item : query)
        urlQuery.addQueryItem(item.first,
                              QString::fromLatin1(QUrl::toPercentEncoding(item.second)));
    url.setQuery(urlQuery);
    const int generation = m_generation;
    if (!m_settings.apiKey.isEmpty() && !isSafeToSendKey(url)) {
        ApiError error;
        error.kind = ApiError::Kind::Insecure;
        error.mayHaveLanded = false;
        error.message = tr("The API key is sent only over https:// (or http:// to this computer); "
                           "%1 is not.")
                            .arg(url.toString(QUrl::RemoveQuery));
        QTimer::singleShot(0, this, [done, error] { done(error, {}); });
        return;
    }
    // Before the time a 429 named, a request would only be refused again (and may count against
    // the plan's budget): it waits for that time, or fails at once without going out.
    if (const qint64 waitMs = rateLimitWaitMs(); waitMs > 0) {
        if (waitMs <= qint64(m_settings.maxRateLimitWaitSeconds) * 1000) {
            QTimer::singleShot(waitMs, Qt::PreciseTimer, this, [=] {
                if (generation == m_generation)
                    send(method, path, query, body, headers, done, attempt, earlierMayHaveLanded);
            });
            return;
        }
        ApiError error;
        error.kind = ApiError::Kind::RateLimited;
        error.retryAfterSeconds = static_cast<int>((waitMs + 999) / 1000);
        error.mayHaveLanded = earlierMayHaveLanded;
        error.message =
            tr("Rate limit exceeded. Try again in %1 seconds.").arg(error.retryAfterSeconds);
        QTimer::singleShot(0, this, [=] {
            if (generation == m_generation)
                done(error, {});
        });
        return;
    }
    if (std::optional<ApiError> refused = m_gate ? m_gate->admit(method != "GET") : std::nullopt) {
        refused->mayHaveLanded = earlierMayHaveLanded; // what an earlier try did is still unknown
        QTimer::singleShot(0, this, [=, error = *refused] {
            if (generation == m_generation)
                done(error, {});
        });
        return;
    }
    QNetworkRequest request(url);
    request.setTransferTimeout(m_settings.transferTimeoutMs);
    // The key goes only where the user pointed the app: a redirect to another host, port or
    // scheme is reported, never followed with the Authorization header.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::SameOriginRedirectPolicy);
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    ResponseBody::ask(request);
    if (!m_settings.apiKey.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_settings.apiKey.toUtf8());
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
    for (const auto &header : headers)
        request.setRawHeader(header.first, header.second);
    ++m_requestCount;
    QNetworkReply *reply = nullptr;
    if (method == "POST") {
        // Not resent by Qt behind our back (see OneShotUpload), nor buffered to be.
        request.setHeader(QNetworkRequest::ContentLengthHeader, body.size());
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        auto *upload = new OneShotUpload(body);
        reply = m_network.sendCustomRequest(request, method, upload);
        upload->setParent(reply);
    } else {
        reply = m_network.sendCustomRequest(request, method, body);
    }
    // Whether the request ever went out: Qt may send it again by itself after a broken
    // connection, and a refused reconnect then ends a request that did reach the server.
    auto wentOut = std::make_shared<bool>(false);
    connect(reply, &QNetworkReply::requestSent, this, [wentOut] { *wentOut = true; });
    connect(reply, &QNetworkReply::finished, this, [=] {
        if (generation != m_generation)
            return;
        const QByteArray responseBody = m_responseBody.read(reply);
        const bool timedOut = reply->error() == QNetworkReply::OperationCanceledError;
        ApiError error = ReplyError::of(reply, responseBody, timedOut);
        if (error.kind == ApiError::Kind::RateLimited) {
            const QDeadlineTimer end(qint64(error.retryAfterSeconds) * 1000, Qt::PreciseTimer);
            if (end > m_rateLimitEnd)
                m_rateLimitEnd = end;
            if (m_gate) // the real limit may be smaller than the budget's
                m_gate->refusedByServer(method != "GET", error.retryAfterSeconds);
        }
        // A POST that may have reached the server is not repeated here: the SyncEngine looks the
        // record up first (servers may ignore Idempotency-Key). Refused connections are safe.
        const bool neverSent =
            !*wentOut && (reply->error() == QNetworkReply::ConnectionRefusedError ||
                          reply->error() == QNetworkReply::HostNotFoundError);
        // A retry's refusal says nothing of an earlier attempt that may have landed.
        const bool refused = error.httpStatus >= 400 && error.httpStatus < 500;
        error.mayHaveLanded = earlierMayHaveLanded || (!neverSent && !refused);
        const bool retry =
            error.isTransient() && attempt < m_settings.maxRetries &&
            (method != "POST" || neverSent || error.kind == ApiError::Kind::RateLimited) &&
            (error.kind != ApiError::Kind::RateLimited ||
             error.retryAfterSeconds <= m_settings.maxRateLimitWaitSeconds);
        if (retry) {
            const int delay = error.kind == ApiError::Kind::RateLimited
                                  ? error.retryAfterSeconds * 1000
                                  : backoffMs(attempt);
            if (error.kind == ApiError::Kind::RateLimited)
                emit rateLimited(error.retryAfterSeconds);
            // Precise: a coarse timer may fire up to 5% early, into another 429.
            QTimer::singleShot(delay, Qt::PreciseTimer, this, [=] {
                if (generation == m_generation)
                    send(method, path, query, body, headers, done, attempt + 1,
                         error.mayHaveLanded);
            });
            return;
        }
        Response response;
        response.status = error.httpStatus;
        response.etag = reply->rawHeader("ETag");
        response.features = reply->rawHeader("Kashew-Features");
        bool cursorRead = false;
        const qint64 cursor = reply->rawHeader("Kashew-Cursor").trimmed().toLongLong(&cursorRead);
        if (cursorRead && cursor >= 0)
            response.feedCursor = cursor;
        if (error.ok() && !responseBody.isEmpty()) {
            QJsonParseError parseError;
            response.json = QJsonDocument::fromJson(responseBody, &parseError);
            if (parseError.error != QJsonParseError::NoError) {
                ApiError bad;
                bad.kind = ApiError::Kind::BadResponse;
                bad.httpStatus = error.httpStatus;
                bad.message =
                    tr("The server's answer is not JSON: %1").arg(parseError.errorString());
                done(bad, response);
                return;
            }
        }
        done(error, response);
    });
}

void ApiClient::listOpportunities(const OpportunityFilter &filter, PageRequest pageRequest,
                                  Callback<OpportunityPage> done)
{
    QList<QPair<QString, QString>> query{
        {QStringLiteral("page"), QString::number(pageRequest.page)},
        {QStringLiteral("pageSize"), QString::number(pageRequest.pageSize)}};
    query += filter.toQuery().queryItems(QUrl::FullyDecoded);
    send("GET", QStringLiteral("/opportunities"), query, {}, {},
         [this, done, archived = filter.archived, pageRequest](ApiError error,
                                                               const Response &response) {
             if (!error.ok()) {
                 OpportunityPage page;
                 page.requestedPageSize = pageRequest.pageSize;
                 return done(error, page);
             }
             m_serverFeatures = ServerFeatures::fromHeader(response.features);
             OpportunityPage page = OpportunityReplies::readPage(response.json, m_serverFeatures,
                                                                 archived, pageRequest, &error);
             page.feedCursor = response.feedCursor;
             done(error, page);
         });
}

void ApiClient::getOpportunity(const QString &id, Callback<Detail> done)
{
    send("GET", QStringLiteral("/opportunities/") + id, {}, {}, {},
         [done](ApiError error, const Response &response) {
             if (!error.ok())
                 return done(error, Detail{});
             const auto detail =
                 OpportunityReplies::readDetail(response.json, response.etag, &error);
             done(error, detail.value_or(Detail{}));
         });
}

void ApiClient::createOpportunity(const QJsonObject &body, const QString &idempotencyKey,
                                  Callback<Detail> done)
{
    send("POST", QStringLiteral("/opportunities"), {},
         QJsonDocument(body).toJson(QJsonDocument::Compact),
         {{"Idempotency-Key", idempotencyKey.toUtf8()}},
         [done](ApiError error, const Response &response) {
             if (!error.ok())
                 return done(error, Detail{});
             const auto detail =
                 OpportunityReplies::readDetail(response.json, response.etag, &error);
             done(error, detail.value_or(Detail{}));
         });
}

void ApiClient::updateOpportunity(const QString &id, const QJsonObject &body,
                                  const QByteArray &ifMatch, Callback<Detail> done)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!ifMatch.isEmpty())
        headers.append({"If-Match", ifMatch});
    send("PUT", QStringLiteral("/opportunities/") + id, {},
         QJsonDocument(body).toJson(QJsonDocument::Compact), headers,
         [done](ApiError error, const Response &response) {
             if (!error.ok())
                 return done(error, Detail{});
             const auto detail =
                 OpportunityReplies::readDetail(response.json, response.etag, &error);
             done(error, detail.value_or(Detail{}));
         });
}

void ApiClient::deleteOpportunity(const QString &id, const QByteArray &ifMatch, Callback<bool> done)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!ifMatch.isEmpty())
        headers.append({"If-Match", ifMatch});
    send("DELETE", QStringLiteral("/opportunities/") + id, {}, {}, headers,
         [done](const ApiError &error, const Response &) { done(error, error.ok()); });
}

void ApiClient::listAccounts(int page, int pageSize, Callback<AccountPage> done)
{
    send("GET", QStringLiteral("/accounts"),
         {{QStringLiteral("page"), QString::number(page)},
          {QStringLiteral("pageSize"), QString::number(pageSize)}},
         {}, {}, [this, done](ApiError error, const Response &response) {
             AccountPage result;
             if (!error.ok())
                 return done(error, result);
             m_serverFeatures = ServerFeatures::fromHeader(response.features);
             const ListEnvelope envelope =
                 ListEnvelope::read(response.json, QStringLiteral("accounts"));
             if (!envelope.ok()) {
                 error.kind = ApiError::Kind::BadResponse;
                 error.message = envelope.error;
                 return done(error, result);
             }
             result.totalCount = envelope.totalCount;
             for (const QJsonValue &item : envelope.items) {
                 FieldErrors errors;
                 const Account account = AccountJson::read(item.toObject(), &errors);
                 if (!errors.isEmpty()) {
                     error.kind = ApiError::Kind::BadResponse;
                     error.fieldErrors = errors;
                     error.message = tr("The server sent an account whose %1 cannot be read: %2")
                                         .arg(errors.first().field, errors.first().message);
                     return done(error, AccountPage{});
                 }
                 result.items.append(account);
             }
             done(error, result);
         });
}
