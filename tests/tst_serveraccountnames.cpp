// The list page's account names, which the SQLite listing keeps in memory between pages rather
// than joining each time: an account renamed between two pages shows its new name on the second,
// whether this store renamed it or another process on the same database did; a deal without an
// account shows null. Runs on both backends (tst_serveraccountnames_pg).
#include "StoreDatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <memory>

class TestServerAccountNames final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<StoreDatabase> m_database;

    ServerStore &store() const { return m_database->store(); }

    // Deal name -> account_name (null as an undefined QJsonValue's string: "<null>") on page 1.
    static QHash<QString, QString> accountNames(ServerStore &store)
    {
        const auto page = store.listOpportunityPageJson({}, 1, 50, true);
        if (!page)
            qFatal("listing: %s", qPrintable(page.error()));
        QHash<QString, QString> names;
        const QJsonArray records = QJsonDocument::fromJson(*page)
                                       .object()
                                       .value(QStringLiteral("opportunities"))
                                       .toArray();
        for (const QJsonValue &record : records) {
            const QJsonValue name = record.toObject().value(QStringLiteral("account_name"));
            names.insert(record.toObject().value(QStringLiteral("name")).toString(),
                         name.isNull() ? QStringLiteral("<null>") : name.toString());
        }
        return names;
    }

private slots:
    void init()
    {
        auto created = StoreDatabase::createWithStore(QStringLiteral("tst_serveraccountnames"));
        QVERIFY2(created, qPrintable(created.error()));
        m_database = std::move(created).value();
    }
    void cleanup() { m_database.reset(); }

    void renamedByThisStore()
    {
        const QString acme = m_database->addAccount(QStringLiteral("Acme"));
        const QString globex = m_database->addAccount(QStringLiteral("Globex"));
        m_database->addOpportunity(QStringLiteral("A1"), Stage::Prospecting, acme);
        m_database->addOpportunity(QStringLiteral("A2"), Stage::Proposal, acme);
        m_database->addOpportunity(QStringLiteral("G1"), Stage::Prospecting, globex);
        m_database->addOpportunity(QStringLiteral("No account"));
        QHash<QString, QString> names = accountNames(store());
        QCOMPARE(names.value(QStringLiteral("A1")), QStringLiteral("Acme"));
        QCOMPARE(names.value(QStringLiteral("A2")), QStringLiteral("Acme"));
        QCOMPARE(names.value(QStringLiteral("G1")), QStringLiteral("Globex"));
        QCOMPARE(names.value(QStringLiteral("No account")), QStringLiteral("<null>"));

        const auto renamed = store().renameAccount(acme, QStringLiteral("Acme \"Ünlimited\""));
        QVERIFY2(renamed && renamed->has_value(), renamed ? "" : qPrintable(renamed.error()));
        names = accountNames(store());
        QCOMPARE(names.value(QStringLiteral("A1")), QStringLiteral("Acme \"Ünlimited\""));
        QCOMPARE(names.value(QStringLiteral("A2")), QStringLiteral("Acme \"Ünlimited\""));
        QCOMPARE(names.value(QStringLiteral("G1")), QStringLiteral("Globex"));
    }

    // Another kashew-server on the same database renames it: the change clock tells this one.
    void renamedByAnotherProcess()
    {
        const QString acme = m_database->addAccount(QStringLiteral("Acme"));
        m_database->addOpportunity(QStringLiteral("A1"), Stage::Prospecting, acme);
        QCOMPARE(accountNames(store()).value(QStringLiteral("A1")), QStringLiteral("Acme"));

        ServerStore other(QStringLiteral("tst_serveraccountnames_other"));
        const Status opened = other.open(m_database->location());
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error()));
        const auto renamed = other.renameAccount(acme, QStringLiteral("Acme Two"));
        QVERIFY2(renamed && renamed->has_value(), renamed ? "" : qPrintable(renamed.error()));
        QCOMPARE(accountNames(store()).value(QStringLiteral("A1")), QStringLiteral("Acme Two"));
    }
};

QTEST_GUILESS_MAIN(TestServerAccountNames)
#include "tst_serveraccountnames.moc"
