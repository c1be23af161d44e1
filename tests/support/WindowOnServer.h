#pragma once

#include "ConnectedWindow.h"
#include "ServerProcess.h"
#include "TestHttp.h"

#include <QAbstractItemModelTester>
#include <memory>

// A real kashew-server, a TestHttp with the write key to check it, and a ConnectedWindow on it,
// the model and the window's proxy under QAbstractItemModelTester: where the GUI tests against
// a server start. A test class inherits it, sets it up in init() and tears it down in cleanup().
class WindowOnServer
{
protected:
    // Starts the server and opens the window on it, shown; fails the test when a step fails.
    void setUpWindowOnServer();
    // Stops the testers first, then the window, then the server.
    void tearDownWindowOnServer();
    // Puts the window's proxy (a new window's, say) under a tester and shows the window.
    void watchWindow();

    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<TestHttp> m_http;
    std::unique_ptr<ConnectedWindow> m_app;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;
};
