#include "bench_faults_support.h"

#include "ServerProcess.h"

#include <QDate>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSaveFile>
#include <functional>

namespace {

const QStringList trackedFields{QStringLiteral("value"),       QStringLiteral("probability"),
                                QStringLiteral("description"), QStringLiteral("stage"),
                                QStringLiteral("currency"),    QStringLiteral("expectedCloseDate"),
                                QStringLiteral("leadId"),      QStringLiteral("isArchived")};
const QStringList stages{QStringLiteral("prospecting"), QStringLiteral("qualification"),
                         QStringLiteral("proposal"),    QStringLiteral("negotiation"),
                         QStringLiteral("closed_won"),  QStringLiteral("closed_lost")};

QString randomValue(const QString &field, QRandomGenerator &rng)
{
    if (field == QLatin1String("value"))
        return QString::number(rng.bounded(1000000));
    if (field == QLatin1String("probability"))
        return QString::number(rng.bounded(101));
    if (field == QLatin1String("description"))
        return QStringLiteral("note %1").arg(rng.generate(), 8, 16, QLatin1Char('0'));
    if (field == QLatin1String("stage")) // open stages: a closed one would set the probability
        return stages.at(rng.bounded(4));
    if (field == QLatin1String("currency")) {
        static const QStringList codes{QStringLiteral("USD"), QStringLiteral("EUR"),
                                       QStringLiteral("GBP"), QStringLiteral("JPY")};
        return codes.at(rng.bounded(static_cast<int>(codes.size())));
    }
    if (field == QLatin1String("expectedCloseDate"))
        return QDate(2026, 1, 1).addDays(rng.bounded(700)).toString(Qt::ISODate);
    if (field == QLatin1String("leadId"))
        return QStringLiteral("%1-%2-4%3-8%4-%5%6")
            .arg(rng.generate(), 8, 16, QLatin1Char('0'))
            .arg(rng.bounded(0x10000), 4, 16, QLatin1Char('0'))
            .arg(rng.bounded(0x1000), 3, 16, QLatin1Char('0'))
            .arg(rng.bounded(0x1000), 3, 16, QLatin1Char('0'))
            .arg(rng.bounded(0x10000), 4, 16, QLatin1Char('0'))
            .arg(rng.generate(), 8, 16, QLatin1Char('0'));
    return rng.bounded(4) == 0 ? QStringLiteral("true") : QStringLiteral("false"); // isArchived
}

QStringList assignments(const QJsonObject &fields)
{
    QStringList list;
    for (auto it = fields.begin(); it != fields.end(); ++it)
        list.append(it.key() + QLatin1Char('=') + it.value().toString());
    return list;
}

QString line(const QJsonObject &op)
{
    return QString::fromUtf8(QJsonDocument(op).toJson(QJsonDocument::Compact));
}

const QRegularExpression anyRequest(QStringLiteral("^(GET|POST|PUT|DELETE) "));
// A write the server committed: logged after the work, before the answer is sent.
const QRegularExpression
    committed(QStringLiteral("^(POST|PUT|DELETE) /api/v1/opportunities\\S* -> 20[014] "));

} // namespace

QUrl serverUrl(int port)
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1").arg(port));
}

QString profileDir(const QString &work, int profile)
{
    return work + QStringLiteral("/profile-%1").arg(profile);
}

QStringList Cli::arguments(const QStringList &command) const
{
    return QStringList{QStringLiteral("--profile"), profile, QStringLiteral("--server"),
                       server.toString()} +
           command;
}

QString Cli::executable()
{
    return QStringLiteral(KASHEW_CLI_PATH);
}

QProcessEnvironment Cli::environment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("KASHEW_API_KEY"),
                       QString::fromLatin1(ServerProcess::writeKey));
    return environment;
}

CliResult Cli::run(const QStringList &command) const
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(executable(), arguments(command));
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return {-1, QString(), QStringLiteral("kashew did not finish within 120 s")};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

bool FaultModel::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    port = root.value(QStringLiteral("port")).toInt();
    counters = root.value(QStringLiteral("counters")).toObject();
    records.clear();
    const QJsonObject all = root.value(QStringLiteral("records")).toObject();
    for (auto it = all.begin(); it != all.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        records.insert(it.key(), ModelRecord{o.value(QStringLiteral("fields")).toObject(),
                                             o.value(QStringLiteral("deleted")).toBool(),
                                             o.value(QStringLiteral("owner")).toInt(),
                                             o.value(QStringLiteral("ids")).toObject()});
    }
    return true;
}

bool FaultModel::save(const QString &path) const
{
    QJsonObject all;
    for (auto it = records.begin(); it != records.end(); ++it)
        all.insert(it.key(), QJsonObject{{QStringLiteral("fields"), it->fields},
                                         {QStringLiteral("deleted"), it->deleted},
                                         {QStringLiteral("owner"), it->owner},
                                         {QStringLiteral("ids"), it->ids}});
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(QJsonDocument(QJsonObject{{QStringLiteral("port"), port},
                                         {QStringLiteral("counters"), counters},
                                         {QStringLiteral("records"), all}})
                   .toJson(QJsonDocument::Indented));
    return file.commit();
}

void FaultModel::apply(const QJsonObject &op, int profile)
{
    const QString kind = op.value(QStringLiteral("op")).toString();
    const QString name = op.value(QStringLiteral("name")).toString();
    const QString id = op.value(QStringLiteral("id")).toString();
    if (kind == QLatin1String("sync")) {
        add(phase + (op.value(QStringLiteral("code")).toInt() == 0
                         ? QStringLiteral(".syncsOk")
                         : QStringLiteral(".syncsFailed")));
        return;
    }
    if (kind == QLatin1String("id")) {
        records[name].ids.insert(QString::number(profile), id);
        return;
    }
    add(phase + QStringLiteral(".edits.") + kind);
    if (kind == QLatin1String("refused"))
        return;
    ModelRecord &record = records[name];
    if (kind == QLatin1String("new")) {
        record = ModelRecord{op.value(QStringLiteral("fields")).toObject(), false,
                             op.value(QStringLiteral("shared")).toBool() ? -1 : profile,
                             QJsonObject{{QString::number(profile), id}}};
    } else if (kind == QLatin1String("delete")) {
        record.deleted = true;
    } else {
        const QJsonObject fields = op.value(QStringLiteral("fields")).toObject();
        for (auto it = fields.begin(); it != fields.end(); ++it)
            record.fields.insert(it.key(), it.value());
    }
}

QString sharedField(int profile)
{
    return trackedFields.at(profile % trackedFields.size());
}

int sharedGroup(const QString &name)
{
    return name.startsWith(QLatin1Char('s')) ? name.mid(1).section(QLatin1Char('-'), 0, 0).toInt()
                                             : -1;
}

QJsonObject randomFields(const QString &name, QRandomGenerator &rng)
{
    QJsonObject fields{{QStringLiteral("name"), name}};
    for (const QString &field : trackedFields)
        fields.insert(field, randomValue(field, rng));
    fields.insert(QStringLiteral("stage"), stages.at(rng.bounded(6)));
    return fields;
}

QString createShared(const Cli &cli, FaultModel *model, const QStringList &names,
                     QRandomGenerator &rng)
{
    for (const QString &name : names) {
        if (model->records.contains(name))
            continue;
        const QJsonObject fields = randomFields(name, rng);
        const CliResult created = cli.run(QStringList{QStringLiteral("new")} + assignments(fields));
        if (created.exitCode != 0)
            return created.err;
        model->apply({{QStringLiteral("op"), QStringLiteral("new")},
                      {QStringLiteral("name"), name},
                      {QStringLiteral("fields"), fields},
                      {QStringLiteral("shared"), true},
                      {QStringLiteral("id"), created.out.trimmed()}},
                     0);
    }
    return QString();
}

// Reads the server's request log until it is quiet for `quietMs`.
static void drainLog(ServerProcess &server, KillResult *result, QString *last, int quietMs)
{
    for (QString read; !(read = server.waitForLine(anyRequest, quietMs)).isEmpty();) {
        *last = read;
        ++result->requests;
        result->faults += read.contains(QLatin1String("[fault]"));
    }
}

KillResult syncAndKill(ServerProcess &server, const Cli &cli, QRandomGenerator &rng,
                       const std::function<bool()> &restartServer)
{
    KillResult result;
    QString last;
    drainLog(server, &result, &last, 0); // what an earlier sync left
    result = KillResult();
    QProcess sync;
    sync.setProcessEnvironment(Cli::environment());
    sync.start(Cli::executable(), cli.arguments({QStringLiteral("sync")}));
    sync.waitForStarted();
    const bool afterWrite = rng.bounded(2) == 0;
    const int writesBefore = 1 + rng.bounded(3);
    const int killAtMs = rng.bounded(400);
    QElapsedTimer timer;
    timer.start();
    int writes = 0;
    while (!sync.waitForFinished(0) && timer.elapsed() < 120000) {
        const QString read = server.waitForLine(anyRequest, 5);
        if (!read.isEmpty()) {
            last = read;
            ++result.requests;
            result.faults += read.contains(QLatin1String("[fault]"));
            writes += committed.match(read).hasMatch();
        }
        const bool due = afterWrite ? !read.isEmpty() && writes >= writesBefore &&
                                          committed.match(read).hasMatch()
                                    : timer.elapsed() >= killAtMs;
        if (!due)
            continue;
        result.killed = true;
        result.afterWrite = afterWrite;
        if (restartServer) {
            server.kill();
            drainLog(server, &result, &last, 0);
            result.restarted = restartServer();
            // The client's retries go on against the restarted server.
            if (!sync.waitForFinished(120000))
                sync.kill();
            sync.waitForFinished();
            result.exitCode = sync.exitCode();
        } else {
            sync.kill();
            sync.waitForFinished();
            drainLog(server, &result, &last, 100); // a request the server was still handling
        }
        break;
    }
    if (!result.killed) {
        if (sync.state() != QProcess::NotRunning) {
            sync.kill();
            sync.waitForFinished();
            result.stuck = true;
        }
        result.exitCode = sync.exitCode();
        drainLog(server, &result, &last, 20);
    }
    const QRegularExpressionMatch write = committed.match(last);
    result.landed = result.killed && write.hasMatch();
    result.faulted = result.landed && last.contains(QLatin1String("[fault]"));
    result.write = write.captured(1);
    return result;
}

QJsonObject randomEdit(const Cli &cli, int profile, const FaultModel &model, QRandomGenerator &rng,
                       bool sharedEdits, QString *refusal)
{
    const QString me = QString::number(profile);
    QStringList own;
    QStringList shared;
    int created = 0;
    for (auto it = model.records.begin(); it != model.records.end(); ++it) {
        created += it->owner == profile;
        if (it->deleted || it->ids.value(me).toString().isEmpty())
            continue;
        if (it->owner == profile)
            own.append(it.key());
        else if (sharedEdits && it->owner == -1 && sharedGroup(it.key()) == profile / 8)
            shared.append(it.key());
    }
    const int roll = rng.bounded(100);
    QString kind = own.isEmpty() || roll < 30 ? QStringLiteral("new")
                   : roll < 55                ? QStringLiteral("set")
                   : roll < 70                ? QStringLiteral("move")
                   : roll < 80                ? QStringLiteral("delete")
                   : shared.isEmpty()         ? QStringLiteral("set")
                                              : QStringLiteral("shared");
    const QStringList &pool = kind == QLatin1String("shared") ? shared : own;
    const QString name = kind == QLatin1String("new")
                             ? QStringLiteral("p%1-%2").arg(profile).arg(created + 1)
                             : pool.at(rng.bounded(static_cast<int>(pool.size())));
    const QString id = model.records.value(name).ids.value(me).toString();
    QJsonObject fields;
    QStringList command;
    if (kind == QLatin1String("new")) {
        fields = randomFields(name, rng);
        command = QStringList{QStringLiteral("new")} + assignments(fields);
    } else if (kind == QLatin1String("shared")) {
        const QString field = sharedField(profile);
        fields.insert(field, randomValue(field, rng));
        command = field == QLatin1String("stage")
                      ? QStringList{QStringLiteral("move"), id, fields.value(field).toString()}
                      : QStringList{QStringLiteral("set"), id} + assignments(fields);
    } else if (kind == QLatin1String("set")) {
        for (int i = 0, n = 1 + rng.bounded(2); i < n; ++i) {
            QString field = trackedFields.at(rng.bounded(static_cast<int>(trackedFields.size())));
            if (field == QLatin1String("stage"))
                field = QStringLiteral("description");
            fields.insert(field, randomValue(field, rng));
        }
        command = QStringList{QStringLiteral("set"), id} + assignments(fields);
    } else if (kind == QLatin1String("move")) {
        const QString stage = stages.at(rng.bounded(6));
        fields.insert(QStringLiteral("stage"), stage);
        if (stage == QLatin1String("closed_won") || stage == QLatin1String("closed_lost"))
            fields.insert(QStringLiteral("probability"), stage == QLatin1String("closed_won")
                                                             ? QStringLiteral("100")
                                                             : QStringLiteral("0"));
        command = {QStringLiteral("move"), id, stage};
    } else {
        command = {QStringLiteral("delete"), id};
    }
    const CliResult result = cli.run(command);
    if (result.exitCode != 0) {
        *refusal = QStringLiteral("kashew %1 (%2) exit %3: %4")
                       .arg(command.mid(0, 3).join(QLatin1Char(' ')), name)
                       .arg(result.exitCode)
                       .arg(result.err.trimmed());
        return {};
    }
    QJsonObject op{{QStringLiteral("op"), kind},
                   {QStringLiteral("name"), name},
                   {QStringLiteral("fields"), fields}};
    if (kind == QLatin1String("new"))
        op.insert(QStringLiteral("id"), result.out.trimmed());
    return op;
}

// One client of the parallel phase, in a process of its own: its first sync, the ids of the
// shared records in its profile, then `iterations` times one to three edits and a sync. Every
// operation goes to standard output as a JSON line, for the parent's model.
int runChild(const QString &work, int profile, int iterations, quint32 seed)
{
    FaultModel model;
    if (!model.load(work + QStringLiteral("/state.json")))
        return 1;
    model.phase = QStringLiteral("clients");
    const Cli cli{profileDir(work, profile), serverUrl(model.port)};
    QRandomGenerator rng(seed * 7919 + static_cast<quint32>(profile));
    const auto report = [&](const QJsonObject &op) {
        model.apply(op, profile);
        std::printf("%s\n", line(op).toUtf8().constData());
        std::fflush(stdout);
    };
    const auto sync = [&] {
        const int code = cli.run({QStringLiteral("sync")}).exitCode;
        report({{QStringLiteral("op"), QStringLiteral("sync")}, {QStringLiteral("code"), code}});
        return code == 0;
    };
    for (int i = 0; i < 30 && !sync(); ++i) {
    }
    for (const QStringList &list :
         {QStringList{QStringLiteral("list"), QStringLiteral("--json")},
          QStringList{QStringLiteral("list"), QStringLiteral("--archived"),
                      QStringLiteral("--json")}}) {
        for (const QJsonValue &item : QJsonDocument::fromJson(cli.run(list).out.toUtf8()).array()) {
            const QString name = item[QStringLiteral("name")].toString();
            if (model.records.value(name, ModelRecord{{}, true, 0, {}}).owner == -1)
                report({{QStringLiteral("op"), QStringLiteral("id")},
                        {QStringLiteral("name"), name},
                        {QStringLiteral("id"), item[QStringLiteral("id")].toString()}});
        }
    }
    for (int i = 0; i < iterations; ++i) {
        for (int n = 1 + rng.bounded(3); n > 0; --n) {
            QString why;
            const QJsonObject op = randomEdit(cli, profile, model, rng, true, &why);
            report(op.isEmpty() ? QJsonObject{{QStringLiteral("op"), QStringLiteral("refused")},
                                              {QStringLiteral("why"), why}}
                                : op);
        }
        sync();
    }
    return 0;
}
