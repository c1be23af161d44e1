#include "TestHttp.h"

#include <QBuffer>
#include <QSignalSpy>

QJsonArray TestHttp::Reply::firstErrorLocation() const
{
    return json()
        .value(QStringLiteral("detail"))
        .toArray()
        .at(0)
        .toObject()
        .value(QStringLiteral("loc"))
        .toArray();
}

QByteArray TestHttp::Reply::header(const QByteArray &name) const
{
    for (const auto &pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return pair.second;
    }
    return {};
}

TestHttp::TestHttp(const QUrl &baseUrl, const QByteArray &apiKey)
    : m_baseUrl(baseUrl)
    , m_apiKey(apiKey)
{
    m_network.setAutoDeleteReplies(true);
}

TestHttp::Reply TestHttp::send(const QByteArray &method, const QString &path,
                               const QByteArray &body,
                               const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(QUrl(m_baseUrl.toString() + path));
    request.setTransferTimeout(30000);
    if (!m_apiKey.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_apiKey);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
    for (const auto &header : headers)
        request.setRawHeader(header.first, header.second);
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(60000);
    Reply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.error = reply->error();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    return result;
}

TestHttp::Reply TestHttp::post(const QString &path, const QJsonObject &body,
                               const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
}

TestHttp::Reply TestHttp::put(const QString &path, const QJsonObject &body,
                              const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return send("PUT", path, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
}
