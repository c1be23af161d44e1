#include "CliCommand.h"

namespace {

// An argument that takes the rest of the command line.
bool isFieldList(CliArgument argument)
{
    return argument == CliArgument::Changes || argument == CliArgument::NewRecord ||
           argument == CliArgument::PersonName;
}

} // namespace

QString CliCommand::synopsis() const
{
    QString text = name;
    for (const CliArgument argument : arguments) {
        switch (argument) {
        case CliArgument::Id:
        case CliArgument::PersonId:
            text += QStringLiteral(" ID");
            break;
        case CliArgument::PersonName:
            text += QStringLiteral(" NAME...");
            break;
        case CliArgument::Stage:
            text += QStringLiteral(" STAGE");
            break;
        case CliArgument::Currency:
            text += QStringLiteral(" CUR");
            break;
        case CliArgument::Rate:
            text += QStringLiteral(" RATE");
            break;
        case CliArgument::File:
            text += QStringLiteral(" FILE");
            break;
        case CliArgument::Changes:
        case CliArgument::NewRecord:
            text += QStringLiteral(" field=value...");
            break;
        }
    }
    return text;
}

qsizetype CliCommand::maxArguments() const
{
    return !arguments.isEmpty() && isFieldList(arguments.constLast()) ? -1 : arguments.size();
}
