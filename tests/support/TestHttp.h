#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrl>

// Plain HTTP requests for tests, through QNetworkAccessManager, waited for synchronously.
class TestHttp final
{
public:
    struct Reply
    {
        int status = 0;
        QNetworkReply::NetworkError error = QNetworkReply::NoError;
        QByteArray body;
        QList<QNetworkReply::RawHeaderPair> headers;

        QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
        QByteArray header(const QByteArray &name) const;
        // The "loc" of a 422 body's first field error, e.g. ["body", "name"]; empty if none.
        QJsonArray firstErrorLocation() const;
    };

    explicit TestHttp(const QUrl &baseUrl, const QByteArray &apiKey = {});

    void setApiKey(const QByteArray &key) { m_apiKey = key; }
    // `path` is relative to the API base, e.g. "/opportunities?page=2".
    Reply send(const QByteArray &method, const QString &path, const QByteArray &body = {},
               const QList<QPair<QByteArray, QByteArray>> &headers = {});
    Reply get(const QString &path) { return send("GET", path); }
    Reply post(const QString &path, const QJsonObject &body,
               const QList<QPair<QByteArray, QByteArray>> &headers = {});
    Reply put(const QString &path, const QJsonObject &body,
              const QList<QPair<QByteArray, QByteArray>> &headers = {});
    Reply del(const QString &path, const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return send("DELETE", path, {}, headers);
    }

private:
    QNetworkAccessManager m_network;
    QUrl m_baseUrl;
    QByteArray m_apiKey;
};
