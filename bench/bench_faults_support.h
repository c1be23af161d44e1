#pragma once

// Helpers of bench_faults: the `kashew` command of one profile, the model of what the server
// should end up holding, random edits made through the command, and the server's records
// compared with the model.
#include "ServerProcess.h"

#include <QJsonObject>
#include <QMap>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QStringList>
#include <QUrl>
#include <functional>

QUrl serverUrl(int port);
QString profileDir(const QString &work, int profile);

struct CliResult
{
    int exitCode = -1;
    QString out;
    QString err;
};

// `kashew --profile DIR --server URL`, with the write key in KASHEW_API_KEY.
struct Cli
{
    QString profile;
    QUrl server;

    QStringList arguments(const QStringList &command) const;
    // Runs a command to its end (at most two minutes).
    CliResult run(const QStringList &command) const;
    static QString executable();
    static QProcessEnvironment environment();
};

// One record as intended: the fields as they were given to `kashew` (camelCase, text), whether it
// was deleted, the profile that edits it (-1: shared; each client edits its own field of it) and
// its id in each profile that knows it (profile number as text -> id).
struct ModelRecord
{
    QJsonObject fields;
    bool deleted = false;
    int owner = 0;
    QJsonObject ids;
};

// What the server should hold, plus the bench's counters; kept in a JSON file between runs.
class FaultModel
{
public:
    QMap<QString, ModelRecord> records;
    QJsonObject counters;
    int port = 0;
    // The phase whose counters apply() adds to ("kills.edits.new"); not saved.
    QString phase;

    bool load(const QString &path);
    bool save(const QString &path) const;
    // Applies one operation, as randomEdit() and the children return them, made in `profile`.
    void apply(const QJsonObject &op, int profile);
    double count(const QString &key) const { return counters.value(key).toDouble(); }
    void add(const QString &key, double amount = 1) { counters[key] = count(key) + amount; }
};

// The field client `profile` edits on the shared records of its group (profile / 8).
QString sharedField(int profile);
int sharedGroup(const QString &name);
// Every tracked field with a random value: the body of a `kashew new`.
QJsonObject randomFields(const QString &name, QRandomGenerator &rng);

// The shared records of these names that the model does not hold yet, created by `cli`'s
// profile; returns kashew's error, if any.
QString createShared(const Cli &cli, FaultModel *model, const QStringList &names,
                     QRandomGenerator &rng);

struct KillResult
{
    bool killed = false;
    bool afterWrite = false; // killed right after a committed write, not at a random time
    bool stuck = false;      // the sync ran for two minutes
    bool landed = false;     // after a committed write, with no request after it
    bool faulted = false;    // and that write's answer was held back or cut by a fault
    QString write;           // POST, PUT or DELETE of that write
    bool restarted = false;  // the killed server started again
    int exitCode = -1;       // of the sync that ended before the kill, or went on after it
    int requests = 0;
    int faults = 0;
};

// Starts `kashew sync` with `cli` and, at a random moment of it, kills it (SIGKILL) or, given
// `restartServer`, the server (its log has --log-requests), which is then restarted at once while
// the sync goes on: right after the sync's n-th committed write (n from 1 to 3), or after a random
// time from 0 to 400 ms, one or the other at random.
KillResult syncAndKill(ServerProcess &server, const Cli &cli, QRandomGenerator &rng,
                       const std::function<bool()> &restartServer = {});

// One random edit (new, set, move, delete; with `sharedEdits`, also of the profile's field of a
// shared record) through `cli`. Returns the operation for the model, or an empty object when
// kashew refused it (*refusal then says why).
QJsonObject randomEdit(const Cli &cli, int profile, const FaultModel &model, QRandomGenerator &rng,
                       bool sharedEdits, QString *refusal);

struct Comparison
{
    int expected = 0;
    int live = 0;
    int archived = 0;
    int matched = 0;
    int lost = 0;
    int doubled = 0;
    int unexpected = 0;
    QStringList problems;
    QString error;
};

// One client of the parallel phase (bench_faults --child-client): its first sync, the ids of the
// shared records in its profile, then `iterations` times one to three edits and a sync. Every
// operation goes to standard output as a JSON line, for the parent's model.
int runChild(const QString &work, int profile, int iterations, quint32 seed);

// Every record on the server (all pages, live and archived) against the model.
Comparison compareWithServer(const FaultModel &model, const QUrl &server, const QByteArray &key);
// A clean sync of the profile (up to five tries), then what it has not settled: a failed sync,
// records in conflict or refused, edits still pending.
QStringList settleProfile(const Cli &cli, const QString &label);
