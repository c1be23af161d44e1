#pragma once

#include <QObject>

class QSocketNotifier;

// Turns SIGTERM and SIGINT into a clean QCoreApplication::quit(), through a self-pipe so that
// the signal handler does nothing but write one byte.
class SignalWatcher final : public QObject
{
    Q_OBJECT

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

private:
    static void handleSignal(int signal);

    QSocketNotifier *m_notifier = nullptr;
};
