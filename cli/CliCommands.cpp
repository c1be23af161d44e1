#include "CliCommands.h"

#include "CliCommand.h"
#include "CliCommandLine.h"
#include "CliOutput.h"
#include "CliSession.h"

namespace {

int finish(int code)
{
    CliOutput::out().flush();
    CliOutput::err().flush();
    return code;
}

} // namespace

int CliCommands::run(const QStringList &arguments)
{
    const auto parsed = CliCommandLine::parse(arguments);
    if (const CliExit *exit = std::get_if<CliExit>(&parsed)) {
        if (exit->qtHelp)
            CliCommandLine::showQtHelp(arguments);
        CliOutput::out() << exit->out;
        CliOutput::err() << exit->err;
        return finish(exit->code);
    }
    const CliRequest &request = std::get<CliRequest>(parsed);
    CliSession session(request.profileDir);
    if (!session.open(request.server))
        return finish(Failed);
    return finish(request.command->run(session, request));
}
