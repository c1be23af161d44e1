// The `kashew` command's records: ids shortened to a prefix, `set field=` clearing a field,
// `list --json` and `list` search, server text that cannot steer the terminal, the server given
// once and the id `new` prints, against a real kashew-server.
#include "CliOnProfile.h"
#include "TestData.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using Cli = CliOnProfile;
using TestData::serverRecord;

class TestKashewCliRecords final : public QObject
{
    Q_OBJECT

private slots:
    // IDs may be shortened to a unique prefix; a prefix two records share is refused (3) and
    // changes nothing.
    void uniqueAndAmbiguousPrefixes()
    {
        ServerProcess server;
        QVERIFY(server.start());
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        // Seventeen ids in sixteen hex digits: at least two start alike.
        for (int i = 0; i < 17; ++i) {
            QCOMPARE(http.post(QStringLiteral("/opportunities"),
                               {{QStringLiteral("name"), QStringLiteral("Deal %1").arg(i)},
                                {QStringLiteral("value"), 100 + i}})
                         .status,
                     201);
        }
        QTemporaryDir profile;
        const Cli cli(profile.path(), server.baseUrl());
        EXPECT_EXIT(cli.run({QStringLiteral("sync")}), 0);
        QStringList ids;
        for (const QJsonValue &item : serverRecords(http))
            ids.append(item.toObject().value(QStringLiteral("id")).toString());
        QCOMPARE(ids.size(), 17);

        // The longest prefix that two ids share: ambiguous.
        QString shared;
        for (const QString &a : ids) {
            for (const QString &b : ids) {
                if (a == b)
                    continue;
                int n = 0;
                while (n < a.size() && n < b.size() && a.at(n) == b.at(n))
                    ++n;
                if (n > shared.size())
                    shared = a.left(n);
            }
        }
        QVERIFY(!shared.isEmpty());
        for (const QStringList &arguments :
             {QStringList{QStringLiteral("show"), shared},
              QStringList{QStringLiteral("set"), shared, QStringLiteral("value=1")},
              QStringList{QStringLiteral("move"), shared, QStringLiteral("closed_won")},
              QStringList{QStringLiteral("delete"), shared}}) {
            const CliRun run = cli.run(arguments);
            EXPECT_EXIT(run, 3);
            QVERIFY2(run.err.contains(QStringLiteral("more than one")), qPrintable(run.err));
        }
        QCOMPARE(cli.run({QStringLiteral("pending")}).out, QString());

        // One character more than any two ids share: unique for every record.
        const QString target = ids.at(3);
        const QString unique = target.left(shared.size() + 1);
        const CliRun shown = cli.run({QStringLiteral("show"), unique, QStringLiteral("--json")});
        EXPECT_EXIT(shown, 0);
        QCOMPARE(QJsonDocument::fromJson(shown.out.toUtf8())
                     .object()
                     .value(QStringLiteral("id"))
                     .toString(),
                 target);
        // The prefix is matched without regard to case.
        const CliRun set =
            cli.run({QStringLiteral("set"), unique.toUpper(), QStringLiteral("value=4242")});
        EXPECT_EXIT(set, 0);
        QVERIFY2(set.out.contains(target), qPrintable(set.out));
        EXPECT_EXIT(cli.run({QStringLiteral("sync")}), 0);
        for (const QString &id : ids) {
            const double value = serverRecord(http, id).value(QStringLiteral("value")).toDouble();
            if (id == target)
                QCOMPARE(value, 4242.0);
            else
                QVERIFY2(value < 200, qPrintable(id));
        }
    }

    // `set ID description=` clears the field: after sync the server has none.
    void emptyValueClearsAField()
    {
        ServerProcess server;
        QVERIFY(server.start());
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        QTemporaryDir profile;
        const Cli cli(profile.path(), server.baseUrl());
        EXPECT_EXIT(cli.run({QStringLiteral("new"), QStringLiteral("name=Described"),
                             QStringLiteral("description=Long story"),
                             QStringLiteral("expectedCloseDate=2026-12-31")}),
                    0);
        EXPECT_EXIT(cli.run({QStringLiteral("sync")}), 0);
        const QString id =
            serverRecords(http).first().toObject().value(QStringLiteral("id")).toString();
        QCOMPARE(serverRecord(http, id).value(QStringLiteral("description")).toString(),
                 QStringLiteral("Long story"));

        EXPECT_EXIT(cli.run({QStringLiteral("set"), id.left(13), QStringLiteral("description="),
                             QStringLiteral("value=55000")}),
                    0);
        const QString pending = cli.run({QStringLiteral("pending")}).out;
        QVERIFY2(pending.contains(QStringLiteral("description")), qPrintable(pending));
        EXPECT_EXIT(cli.run({QStringLiteral("sync")}), 0);

        const QJsonObject onServer = serverRecord(http, id);
        const QJsonValue description = onServer.value(QStringLiteral("description"));
        QVERIFY2(description.isNull() || description.isUndefined() ||
                     description.toString().isEmpty(),
                 qPrintable(QString::fromUtf8(QJsonDocument(onServer).toJson())));
        QCOMPARE(onServer.value(QStringLiteral("value")).toDouble(), 55000.0);
        // The fields not named keep their values.
        QCOMPARE(onServer.value(QStringLiteral("expected_close_date")).toString(),
                 QStringLiteral("2026-12-31"));
        QCOMPARE(onServer.value(QStringLiteral("name")).toString(), QStringLiteral("Described"));
        // And the cache agrees.
        const QJsonObject cached =
            QJsonDocument::fromJson(
                cli.run({QStringLiteral("show"), id, QStringLiteral("--json")}).out.toUtf8())
                .object();
        QVERIFY(cached.value(QStringLiteral("description")).isNull());
        QCOMPARE(cached.value(QStringLiteral("sync_state")).toString(), QStringLiteral("synced"));
    }

    // `list --json`: standard output is one JSON array of the listed records with their fields
    // and sync state, and nothing else.
    void listJson()
    {
        ServerProcess server;
        QVERIFY(server.start());
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        QTemporaryDir profile;
        const Cli cli(profile.path(), server.baseUrl());
        EXPECT_EXIT(cli.run({QStringLiteral("new"), QStringLiteral("name=Acme — Pilot"),
                             QStringLiteral("value=5000"), QStringLiteral("currency=EUR"),
                             QStringLiteral("stage=proposal"), QStringLiteral("probability=40"),
                             QStringLiteral("expectedCloseDate=2026-12-31"),
                             QStringLiteral("description=Two \"quoted\" words\nand a line")}),
                    0);
        EXPECT_EXIT(cli.run({QStringLiteral("new"), QStringLiteral("name=Beta"),
                             QStringLiteral("value=12.5")}),
                    0);
        EXPECT_EXIT(cli.run({QStringLiteral("sync")}), 0);
        // One more, not yet sent; and an archived one, which a plain list leaves out.
        EXPECT_EXIT(cli.run({QStringLiteral("new"), QStringLiteral("name=Gamma")}), 0);
        EXPECT_EXIT(cli.run({QStringLiteral("new"), QStringLiteral("name=Old"),
                             QStringLiteral("isArchived=true")}),
                    0);

        const CliRun run = cli.run({QStringLiteral("list"), QStringLiteral("--json")});
        EXPECT_EXIT(run, 0);
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(run.out.toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError,
                 qPrintable(error.errorString() + QStringLiteral(": ") + run.out));
        QVERIFY(document.isArray());
        const QJsonArray list = document.array();
        QCOMPARE(list.size(), 3);
        QHash<QString, QJsonObject> byName;
        for (const QJsonValue &item : list) {
            const QJsonObject o = item.toObject();
            for (const char *field :
                 {"id", "name", "value", "currency", "stage", "probability", "expected_close_date",
                  "description", "account_id", "owner_id", "is_archived", "sync_state"})
                QVERIFY2(o.contains(QLatin1String(field)), field);
            byName.insert(o.value(QStringLiteral("name")).toString(), o);
        }
        const QJsonObject pilot = byName.value(QStringLiteral("Acme — Pilot"));
        QCOMPARE(pilot.value(QStringLiteral("value")).toDouble(), 5000.0);
        QCOMPARE(pilot.value(QStringLiteral("currency")).toString(), QStringLiteral("EUR"));
        QCOMPARE(pilot.value(QStringLiteral("stage")).toString(), QStringLiteral("proposal"));
        QCOMPARE(pilot.value(QStringLiteral("probability")).toInt(), 40);
        QCOMPARE(pilot.value(QStringLiteral("expected_close_date")).toString(),
                 QStringLiteral("2026-12-31"));
        QCOMPARE(pilot.value(QStringLiteral("description")).toString(),
                 QStringLiteral("Two \"quoted\" words\nand a line"));
        QCOMPARE(pilot.value(QStringLiteral("sync_state")).toString(), QStringLiteral("synced"));
        QCOMPARE(pilot.value(QStringLiteral("is_archived")).toBool(), false);
        // The synced ones carry the server's ids.
        for (const QJsonValue &item : serverRecords(http)) {
            const QJsonObject o = item.toObject();
            QCOMPARE(byName.value(o.value(QStringLiteral("name")).toString())
                         .value(QStringLiteral("id"))
                         .toString(),
                     o.value(QStringLiteral("id")).toString());
        }
        QCOMPARE(byName.value(QStringLiteral("Beta")).value(QStringLiteral("value")).toDouble(),
                 12.5);
        QCOMPARE(
            byName.value(QStringLiteral("Gamma")).value(QStringLiteral("sync_state")).toString(),
            QStringLiteral("pending"));

        // With a filter: only the matching record; archived ones on request.
        const QJsonArray proposals =
            QJsonDocument::fromJson(cli.run({QStringLiteral("list"), QStringLiteral("--stage"),
                                             QStringLiteral("proposal"), QStringLiteral("--json")})
                                        .out.toUtf8())
                .array();
        QCOMPARE(proposals.size(), 1);
        QCOMPARE(proposals.first().toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Acme — Pilot"));
        const QJsonArray archived =
            QJsonDocument::fromJson(cli.run({QStringLiteral("list"), QStringLiteral("--archived"),
                                             QStringLiteral("--json")})
                                        .out.toUtf8())
                .array();
        QCOMPARE(archived.size(), 1);
        QCOMPARE(archived.first().toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Old"));
        // Nothing matches: still valid JSON, an empty array.
        const CliRun none = cli.run({QStringLiteral("list"), QStringLiteral("--search"),
                                     QStringLiteral("no such name"), QStringLiteral("--json")});
        EXPECT_EXIT(none, 0);
        QVERIFY(QJsonDocument::fromJson(none.out.toUtf8()).isArray());
        QCOMPARE(QJsonDocument::fromJson(none.out.toUtf8()).array().size(), 0);
    }

    // `list --search` ignores case and accents and looks in the account's name too.
    void listSearchIgnoresAccentsAndFindsAccounts()
    {
        ServerProcess server;
        QVERIFY(server.start());
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        const QString account = TestData::createAccount(http, QStringLiteral("Kraków Logistik"));
        TestData::createOpportunity(http, {{QStringLiteral("name"), QStringLiteral("Łódź Pilot")}});
        TestData::createOpportunity(http, {{QStringLiteral("name"), QStringLiteral("Renewal")},
                                           {QStringLiteral("accountId"), account}});
        TestData::createOpportunity(http, {{QStringLiteral("name"), QStringLiteral("Other")}});
        QTemporaryDir profile;
        const Cli cli(profile.path(), server.baseUrl());
        EXPECT_EXIT(cli.run({QStringLiteral("sync")}), 0);
        const auto found = [&](const QString &search) {
            const CliRun run = cli.run({QStringLiteral("list"), QStringLiteral("--search"), search,
                                        QStringLiteral("--json")});
            QStringList names;
            for (const QJsonValue &item : QJsonDocument::fromJson(run.out.toUtf8()).array())
                names.append(item.toObject().value(QStringLiteral("name")).toString());
            names.sort();
            return names;
        };
        QCOMPARE(found(QStringLiteral("krakow")), QStringList{QStringLiteral("Renewal")});
        QCOMPARE(found(QStringLiteral("KRAKÓW")), QStringList{QStringLiteral("Renewal")});
        QCOMPARE(found(QStringLiteral("lodz")), QStringList{QStringLiteral("Łódź Pilot")});
        QCOMPARE(found(QStringLiteral("l")),
                 (QStringList{QStringLiteral("Renewal"), QStringLiteral("Łódź Pilot")}));
    }

    // A record's name cannot steer the terminal: escape sequences, bells, carriage returns and
    // bidi overrides come out escaped in text, and JSON stays valid and exact.
    void serverTextCannotSteerTheTerminal()
    {
        ServerProcess server;
        QVERIFY(server.start());
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        const QString name = QStringLiteral("Evil") + QChar(0x1b) + QStringLiteral("[2J") +
                             QChar(0x07) + QChar(u'\r') + QChar(0x202e) +
                             QStringLiteral("redaolnwod") + QChar(0x9b);
        const TestHttp::Reply created =
            http.post(QStringLiteral("/opportunities"), {{QStringLiteral("name"), name}});
        QCOMPARE(created.status, 201);
        const QString id = created.json().value(QStringLiteral("id")).toString();
        QTemporaryDir profile;
        const Cli cli(profile.path(), server.baseUrl());
        EXPECT_EXIT(cli.run({QStringLiteral("sync")}), 0);
        for (const QStringList &command :
             {QStringList{QStringLiteral("list")}, QStringList{QStringLiteral("show"), id}}) {
            const CliRun run = cli.run(command);
            EXPECT_EXIT(run, 0);
            for (const char16_t c : {u'\x1b', u'\x07', u'\r', u'\u202e', u'\u009b'})
                QVERIFY2(!run.out.contains(QChar(c)),
                         qPrintable(QStringLiteral("U+%1 reached the terminal: %2")
                                        .arg(int(c), 4, 16, QLatin1Char('0'))
                                        .arg(run.out)));
            QVERIFY2(run.out.contains(QStringLiteral("Evil\\u001b[2J\\u0007\\u000d"
                                                     "\\u202eredaolnwod\\u009b")),
                     qPrintable(run.out));
        }
        const CliRun json = cli.run({QStringLiteral("list"), QStringLiteral("--json")});
        EXPECT_EXIT(json, 0);
        QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8())
                     .array()
                     .first()
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
                 name);
    }

    // `--server` given once is the profile's server from then on, as in the app: `status`,
    // `list` and later syncs of that profile use it without being told again.
    void serverGivenOnceIsRemembered()
    {
        ServerProcess server;
        QVERIFY(server.start());
        QTemporaryDir profile;
        const Cli cli(profile.path(), server.baseUrl());
        EXPECT_EXIT(cli.run({QStringLiteral("sync")}), 0);
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        QCOMPARE(http.post(QStringLiteral("/opportunities"),
                           QJsonObject{{QStringLiteral("name"), QStringLiteral("Made elsewhere")}})
                     .status,
                 201);
        const Cli plain(profile.path(), QUrl()); // no --server
        const auto runPlain = [&](const QStringList &arguments) {
            return plain.run(arguments);
        };
        const CliRun synced = runPlain({QStringLiteral("sync")});
        EXPECT_EXIT(synced, 0);
        const CliRun listed = runPlain({QStringLiteral("list")});
        EXPECT_EXIT(listed, 0);
        QVERIFY2(listed.out.contains(QStringLiteral("Made elsewhere")), qPrintable(listed.out));
        const CliRun status = runPlain({QStringLiteral("status")});
        QVERIFY2(status.out.contains(server.baseUrl().toString()), qPrintable(status.out));
    }

    // The id `new` prints names the record for good, also once a sync gave it the server's id.
    void idFromNewStaysUsableAfterTheSync()
    {
        ServerProcess server;
        QVERIFY(server.start());
        QTemporaryDir profile;
        const Cli cli(profile.path(), server.baseUrl());
        const CliRun created = cli.run({QStringLiteral("new"), QStringLiteral("name=Renamed")});
        EXPECT_EXIT(created, 0);
        const QString localId = created.out.trimmed();
        EXPECT_EXIT(cli.run({QStringLiteral("sync")}), 0);
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        const QString serverId =
            serverRecords(http).first().toObject().value(QStringLiteral("id")).toString();
        QVERIFY(serverId != localId);
        const CliRun shown = cli.run({QStringLiteral("show"), localId});
        EXPECT_EXIT(shown, 0);
        QVERIFY2(shown.out.contains(serverId), qPrintable(shown.out));
        EXPECT_EXIT(cli.run({QStringLiteral("set"), localId, QStringLiteral("value=77")}), 0);
        EXPECT_EXIT(cli.run({QStringLiteral("sync")}), 0);
        QCOMPARE(serverRecord(http, serverId).value(QStringLiteral("value")).toDouble(), 77.0);
    }
};

QTEST_GUILESS_MAIN(TestKashewCliRecords)
#include "tst_kashewclirecords.moc"
