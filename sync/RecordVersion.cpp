#include "RecordVersion.h"

#include "OpportunityJson.h"
#include "Timestamp.h"

#include <QCryptographicHash>
#include <QJsonDocument>

namespace RecordVersion {

QString of(const Opportunity &opportunity)
{
    if (opportunity.updatedAt.isValid())
        return Timestamp::toText(opportunity.updatedAt);
    // Without updated_at (a server may leave it out) any change of a field is a new version.
    const QByteArray content =
        QJsonDocument(OpportunityJson::toResponse(opportunity)).toJson(QJsonDocument::Compact);
    return QStringLiteral("content:") +
           QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha1).toHex());
}

} // namespace RecordVersion
