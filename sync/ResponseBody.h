#pragma once

#include <QByteArray>
#include <QtGlobal>

class QNetworkReply;
class QNetworkRequest;

// How ApiClient asks for response bodies and reads them: JSON, zstd- or gzip-compressed where the
// server is willing (zstd first: a fraction of gzip's CPU at both ends), decoded here rather than
// by Qt. Qt would inflate by itself, but then drops the
// Content-Length and reports only inflated sizes: the bytes that came over the wire could not be
// counted. A body that does not inflate is passed on as it came (its reader says what is wrong).
class ResponseBody final
{
public:
    // Sets Accept and Accept-Encoding on a request.
    static void ask(QNetworkRequest &request);
    // The reply's whole body, inflated; its size as it came over the wire is added to total().
    QByteArray read(QNetworkReply *reply);
    // Bytes of response bodies as they came over the wire, since construction.
    qint64 total() const { return m_total; }

    // A gzip member inflated; null when it is not a whole one, or would pass `maxBytes`.
    static QByteArray gunzip(const QByteArray &data, qsizetype maxBytes);
    // zstd frames decoded; null when they are not whole ones, or would pass `maxBytes`.
    static QByteArray unzstd(const QByteArray &data, qsizetype maxBytes);

private:
    qint64 m_total = 0;
};
