#include "PullProgress.h"

#include "Timestamp.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {

QString sourceName(PullProgress::Source source)
{
    return source == PullProgress::Source::Feed ? QStringLiteral("feed")
                                                : QStringLiteral("listing");
}

} // namespace

QByteArray PullProgress::toJson() const
{
    return QJsonDocument(QJsonObject{{QStringLiteral("source"), sourceName(source)},
                                     {QStringLiteral("startedAt"), Timestamp::toText(startedAt)},
                                     {QStringLiteral("recordsSeen"), recordsSeen},
                                     {QStringLiteral("recordsTotal"), recordsTotal},
                                     {QStringLiteral("resumeAt"), QString::fromUtf8(resumeAt)}})
        .toJson(QJsonDocument::Compact);
}

std::optional<PullProgress> PullProgress::fromJson(const QByteArray &json)
{
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    const QString source = object.value(QStringLiteral("source")).toString();
    if (source != sourceName(Source::Listing) && source != sourceName(Source::Feed))
        return std::nullopt;
    PullProgress progress;
    progress.source = source == sourceName(Source::Feed) ? Source::Feed : Source::Listing;
    progress.startedAt = Timestamp::fromText(object.value(QStringLiteral("startedAt")).toString());
    progress.recordsSeen = object.value(QStringLiteral("recordsSeen")).toInteger(0);
    progress.recordsTotal = object.value(QStringLiteral("recordsTotal")).toInteger(-1);
    progress.resumeAt = object.value(QStringLiteral("resumeAt")).toString().toUtf8();
    if (progress.recordsSeen < 0 || progress.recordsTotal < -1)
        return std::nullopt;
    return progress;
}
