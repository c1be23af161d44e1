#include "CliCommand.h"

namespace {

bool isFieldList(CliArgument argument)
{
    return argument == CliArgument::Changes || argument == CliArgument::NewRecord;
}

} // namespace

QString CliCommand::synopsis() const
{
    QString text = name;
    for (const CliArgument argument : arguments) {
        switch (argument) {
        case CliArgument::Id:
            text += QStringLiteral(" ID");
            break;
        case CliArgument::Stage:
            text += QStringLiteral(" STAGE");
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
