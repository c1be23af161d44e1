// kashew-server: the Opportunities API of kashew.ai over Qt HttpServer and SQLite. Wiring only:
// the start-up lives in ServerLauncher (the kashew_server library).
#include "ServerLauncher.h"
#include "ServerOptions.h"
#include "Version.h"

#include <QCoreApplication>
#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kashew-server"));
    QCoreApplication::setOrganizationName(QStringLiteral("kashew"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KASHEW_VERSION));
    ServerLauncher launcher(ServerOptions::parse(QCoreApplication::arguments()));
    if (!launcher.start())
        return 1;
    const int status = QCoreApplication::exec();
    std::printf("kashew-server: stopped\n");
    return status;
}
