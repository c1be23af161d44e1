#include "ReplyError.h"

#include "ApiErrorBody.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QNetworkReply>
#include <QRegularExpression>
#include <algorithm>

namespace {

// Translated in this class's context, where lupdate files the tr() calls.
QString tr(const char *text)
{
    return QCoreApplication::translate("ReplyError", text);
}

// Seconds to wait from Retry-After (seconds or an HTTP date), else from the detail text.
int retryAfterSeconds(QNetworkReply *reply, const QString &detail)
{
    const QByteArray header = reply->rawHeader("Retry-After").trimmed();
    bool ok = false;
    const int seconds = header.toInt(&ok);
    if (ok && seconds >= 0)
        return seconds;
    if (!header.isEmpty()) {
        const QDateTime when = QDateTime::fromString(QString::fromLatin1(header), Qt::RFC2822Date);
        if (when.isValid())
            return static_cast<int>(
                std::max<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(when)));
    }
    static const QRegularExpression inSeconds(QStringLiteral("(\\d+)\\s*seconds?"));
    const QRegularExpressionMatch match = inSeconds.match(detail);
    if (match.hasMatch())
        return match.captured(1).toInt();
    return 60; // no hint at all: a minute is what the hosted API's smallest window allows
}

} // namespace

ApiError ReplyError::of(QNetworkReply *reply, const QByteArray &body, bool timedOut)
{
    ApiError error;
    error.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (error.httpStatus == 0) {
        error.kind = timedOut ? ApiError::Kind::Timeout : ApiError::Kind::Network;
        error.message = timedOut ? tr("The server did not answer in time.") : reply->errorString();
        return error;
    }
    if (error.httpStatus >= 200 && error.httpStatus < 300 &&
        reply->error() == QNetworkReply::NoError)
        return error;
    const ApiErrorBody detail = ApiErrorBody::read(body);
    error.message = detail.message;
    switch (error.httpStatus) {
    case 401:
        error.kind = ApiError::Kind::Unauthorized;
        if (error.message.isEmpty())
            error.message = tr("Invalid API key");
        break;
    case 403:
        error.kind = ApiError::Kind::Forbidden;
        if (error.message.isEmpty())
            error.message = tr("This API key may not change data.");
        break;
    case 404:
        error.kind = ApiError::Kind::NotFound;
        break;
    case 412:
        error.kind = ApiError::Kind::PreconditionFailed;
        break;
    case 422:
        error.kind = ApiError::Kind::Validation;
        error.fieldErrors = detail.fieldErrors;
        break;
    case 429:
        error.kind = ApiError::Kind::RateLimited;
        error.retryAfterSeconds = retryAfterSeconds(reply, detail.message);
        break;
    case 301:
    case 302:
    case 303:
    case 307:
    case 308: {
        error.kind = ApiError::Kind::Other;
        const QUrl target = reply->url().resolved(
            QUrl::fromEncoded(reply->rawHeader("Location"), QUrl::StrictMode));
        error.message = tr("The server sent kashew to another address (%1). The API key is "
                           "sent only to the server in Settings: if the server moved, enter "
                           "its new address there.")
                            .arg(target.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo));
        return error;
    }
    default:
        if (error.httpStatus >= 200 && error.httpStatus < 300) {
            // A good status, then the connection broke: the work may be done, its answer is lost.
            error.kind = ApiError::Kind::Network;
            error.message = tr("The connection closed in the middle of the server's answer (%1).")
                                .arg(reply->errorString());
            return error;
        }
        error.kind = error.httpStatus >= 500 ? ApiError::Kind::Server : ApiError::Kind::Other;
        break;
    }
    if (error.message.isEmpty())
        error.message = tr("The server answered %1.").arg(error.httpStatus);
    return error;
}
