#include "WindowOnServer.h"

#include "OpportunityFilterProxy.h"

#include <QTest>

void WindowOnServer::setUpWindowOnServer()
{
    m_server = std::make_unique<ServerProcess>();
    QVERIFY(m_server->start());
    m_http = std::make_unique<TestHttp>(m_server->baseUrl(), ServerProcess::writeKey);
    m_app = std::make_unique<ConnectedWindow>(*m_server);
    QVERIFY(m_app->ok);
    m_modelTester = std::make_unique<QAbstractItemModelTester>(
        &m_app->model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    watchWindow();
}

void WindowOnServer::tearDownWindowOnServer()
{
    m_proxyTester.reset();
    m_modelTester.reset();
    m_app.reset();
    m_http.reset();
    m_server.reset();
}

void WindowOnServer::watchWindow()
{
    m_proxyTester = std::make_unique<QAbstractItemModelTester>(
        m_app->window->proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_app->window->show();
}
