#include "ChangeFeedSettings.h"

#include "SyncJournal.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

const QString featuresKey = QStringLiteral("server/features");
const QString cursorKey = QStringLiteral("changes/cursor");

// The address the features were named at, as compared: a trailing slash changes nothing.
QString addressOf(const QUrl &baseUrl)
{
    return baseUrl.adjusted(QUrl::StripTrailingSlash | QUrl::RemoveUserInfo).toString();
}

} // namespace

ServerFeatures ChangeFeedSettings::features(const QUrl &baseUrl)
{
    const QJsonObject stored =
        QJsonDocument::fromJson(m_journal.setting(featuresKey).toUtf8()).object();
    if (stored.value(QStringLiteral("url")).toString() != addressOf(baseUrl))
        return {};
    QByteArray names;
    for (const QJsonValue &name : stored.value(QStringLiteral("names")).toArray())
        names += name.toString().toUtf8() + ',';
    return ServerFeatures::fromHeader(names);
}

Status ChangeFeedSettings::setFeatures(const QUrl &baseUrl, const ServerFeatures &features)
{
    const bool sameServer = this->features(baseUrl).has(ServerFeatures::changes());
    if (!sameServer || !features.has(ServerFeatures::changes())) {
        if (Status forgotten = forgetFeed(); !forgotten)
            return forgotten;
    }
    QJsonArray names;
    for (const QString &name : {ServerFeatures::changes(), ServerFeatures::events(),
                                ServerFeatures::etags(), ServerFeatures::users()}) {
        if (features.has(name))
            names.append(name);
    }
    const QJsonObject stored{{QStringLiteral("url"), addressOf(baseUrl)},
                             {QStringLiteral("names"), names}};
    return m_journal.setSetting(
        featuresKey, QString::fromUtf8(QJsonDocument(stored).toJson(QJsonDocument::Compact)));
}

std::optional<qint64> ChangeFeedSettings::cursor()
{
    bool ok = false;
    const qint64 cursor = m_journal.setting(cursorKey).toLongLong(&ok);
    if (!ok || cursor < 0)
        return std::nullopt;
    return cursor;
}

Status ChangeFeedSettings::setCursor(std::optional<qint64> cursor)
{
    return m_journal.setSetting(cursorKey, cursor ? QString::number(*cursor) : QString());
}

Status ChangeFeedSettings::forgetFeed()
{
    if (Status dropped = setCursor(std::nullopt); !dropped)
        return dropped;
    const std::optional<PullProgress> progress = m_journal.pullProgress();
    if (!progress || progress->source != PullProgress::Source::Feed)
        return {};
    if (Status discarded = m_journal.discardPass(); !discarded)
        return discarded;
    return m_journal.setPullProgress(std::nullopt);
}
