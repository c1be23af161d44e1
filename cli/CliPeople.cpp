#include "CliPeople.h"

#include "CliCommands.h"
#include "CliOutput.h"
#include "CliRequest.h"
#include "CliSession.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

using CliOutput::err;
using CliOutput::out;

namespace {

// Where the shown name comes from: the user's own book, the server's /users, or nowhere yet.
QString source(const KnownPerson &known)
{
    if (known.namedByUser)
        return QStringLiteral("you");
    if (known.fromServer)
        return QStringLiteral("server");
    return QStringLiteral("-");
}

QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("-") : text;
}

int saved(const Status &status, const QString &done)
{
    if (!status) {
        err() << "kashew: " << status.error() << "\n";
        return CliCommands::Failed;
    }
    out() << done << "\n";
    return CliCommands::Ok;
}

} // namespace

namespace CliPeople {

int list(CliSession &session, const CliRequest &request)
{
    const Result<QList<KnownPerson>> people = session.store().knownPeople();
    if (!people)
        return session.readFailure(people.error());
    if (request.json) {
        QJsonArray array;
        for (const KnownPerson &known : *people) {
            QJsonObject object{{QStringLiteral("id"), known.person.id},
                               {QStringLiteral("name"), known.person.name},
                               {QStringLiteral("email"), known.person.email},
                               {QStringLiteral("source"), source(known)},
                               {QStringLiteral("me"), known.isMe}};
            array.append(object);
        }
        out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return CliCommands::Ok;
    }
    qsizetype idWidth = 2;
    qsizetype nameWidth = 4;
    qsizetype emailWidth = 5;
    for (const KnownPerson &known : *people) {
        idWidth = std::max(idWidth, known.person.id.size());
        nameWidth = std::max(nameWidth, orDash(known.person.name).size());
        emailWidth = std::max(emailWidth, orDash(known.person.email).size());
    }
    out() << "  " << QStringLiteral("ID").leftJustified(idWidth) << "  "
          << QStringLiteral("NAME").leftJustified(nameWidth) << "  "
          << QStringLiteral("EMAIL").leftJustified(emailWidth) << "  SOURCE\n";
    for (const KnownPerson &known : *people)
        out() << (known.isMe ? "* " : "  ") << known.person.id.leftJustified(idWidth) << "  "
              << orDash(known.person.name).leftJustified(nameWidth) << "  "
              << orDash(known.person.email).leftJustified(emailWidth) << "  " << source(known)
              << "\n";
    return CliCommands::Ok;
}

int set(CliSession &session, const CliRequest &request)
{
    const Person &person = request.person;
    return saved(session.store().setLocalPerson(person),
                 person.name.isEmpty() ? QStringLiteral("your name for %1 removed").arg(person.id)
                                       : QStringLiteral("%1 is %2").arg(person.id, person.name));
}

int me(CliSession &session, const CliRequest &request)
{
    LocalStore &store = session.store();
    const QString &id = request.person.id;
    if (const int code = saved(store.setLocalMeId(id), QStringLiteral("you are %1").arg(id));
        code != CliCommands::Ok)
        return code;
    // The server's /users/me knows better than the user's setting.
    if (const Result<PeopleBook> people = store.people(); people && people->meId() != id)
        err() << "kashew: the server says you are " << people->meId()
              << "; that comes first while it says so\n";
    return CliCommands::Ok;
}

} // namespace CliPeople
