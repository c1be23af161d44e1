// kashew: the sync engine from a terminal.
#include "CliCommands.h"
#include "Version.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kashew"));
    QCoreApplication::setOrganizationName(QStringLiteral("kashew"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KASHEW_VERSION));
    return CliCommands::run(QCoreApplication::arguments());
}
