#pragma once

#include <QString>
#include <QTest>

// What a run of the real `kashew` binary gave, for the tests that run it.
struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
    // The standard error that came while the command was still running (when the runner reads
    // it as it comes).
    QString errWhileRunning;
};

// The run's exit code and output, for a failure message.
QString describe(const CliRun &run);

// Fails the test unless `run` ended with `code`.
#define EXPECT_EXIT(run, code)                                                                     \
    do {                                                                                           \
        const CliRun result_ = (run);                                                              \
        QVERIFY2(result_.exitCode == (code), qPrintable(describe(result_)));                       \
    } while (false)
