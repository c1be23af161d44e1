#include "CsvWriter.h"
#include "LocalZone.h"
#include "OpportunityCsv.h"

#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

// Deals written as CSV, every field, in the neutral form and in a spreadsheet locale's.
class TestOpportunityCsv final : public QObject
{
    Q_OBJECT

private:
    static Opportunity full()
    {
        Opportunity o;
        o.id = u"3f2a0c6e-0000-4000-8000-000000000001"_s;
        o.name = u"Acme Pilot"_s;
        o.accountId = u"a1111111-1111-4111-8111-111111111111"_s;
        o.accountName = u"Acme Corp"_s;
        o.leadId = u"b2222222-2222-4222-8222-222222222222"_s;
        o.value = 1234.5;
        o.currency = u"EUR"_s;
        o.stage = Stage::ClosedWon;
        o.probability = 60;
        o.expectedCloseDate = QDate(2026, 7, 15);
        o.description = u"Pilot"_s;
        o.ownerId = u"auth0|ana"_s;
        o.isArchived = true;
        o.createdAt = QDateTime(QDate(2026, 5, 20), QTime(10, 30), Qt::UTC);
        o.updatedAt = QDateTime(QDate(2026, 5, 21), QTime(8, 0, 5), Qt::UTC);
        return o;
    }
    static Opportunity bare()
    {
        Opportunity o;
        o.id = u"id2"_s;
        o.name = u"Bare"_s;
        o.value = 2500000;
        return o;
    }

private slots:
    void neutralWritesEveryField()
    {
        const QString expected =
            u"id,name,account_id,account_name,lead_id,value,currency,stage,probability,"
            u"expected_close_date,description,owner_id,is_archived,created_at,updated_at\r\n"
            u"3f2a0c6e-0000-4000-8000-000000000001,Acme Pilot,"
            u"a1111111-1111-4111-8111-111111111111,Acme Corp,"
            u"b2222222-2222-4222-8222-222222222222,1234.50,EUR,closed_won,60,2026-07-15,Pilot,"
            u"auth0|ana,true,2026-05-20T10:30:00Z,2026-05-21T08:00:05Z\r\n"
            u"id2,Bare,,,,2500000.00,USD,prospecting,0,,,,false,,\r\n"_s;
        QCOMPARE(OpportunityCsv::text({full(), bare()}), expected);
        // Neutral bytes are plain UTF-8: no byte order mark.
        QCOMPARE(OpportunityCsv::bytes({full(), bare()}, {}), expected.toUtf8());
    }

    void germanLocaleWritesWhatExcelOpens()
    {
        const LocalZone zone("Europe/Berlin");
        OpportunityCsv::Options options;
        options.style = OpportunityCsv::Style::Locale;
        options.locale = QLocale(QLocale::German, QLocale::Germany);
        const QString expected =
            u"id;name;account_id;account_name;lead_id;value;currency;stage;probability;"
            u"expected_close_date;description;owner_id;is_archived;created_at;updated_at\r\n"
            u"3f2a0c6e-0000-4000-8000-000000000001;Acme Pilot;"
            u"a1111111-1111-4111-8111-111111111111;Acme Corp;"
            u"b2222222-2222-4222-8222-222222222222;1234,50;EUR;closed_won;60;15.07.2026;Pilot;"
            u"auth0|ana;true;20.05.2026 12:30:00;21.05.2026 10:00:05\r\n"
            u"id2;Bare;;;;2500000,00;USD;prospecting;0;;;;false;;\r\n"_s;
        QCOMPARE(OpportunityCsv::text({full(), bare()}, options), expected);
        const QByteArray bytes = OpportunityCsv::bytes({full(), bare()}, options);
        QCOMPARE(bytes.left(3), QByteArray("\xEF\xBB\xBF"));
        QCOMPARE(bytes.mid(3), expected.toUtf8());
    }

    void americanLocaleKeepsCommasAndSlashedDates()
    {
        OpportunityCsv::Options options;
        options.style = OpportunityCsv::Style::Locale;
        options.locale = QLocale(QLocale::English, QLocale::UnitedStates);
        options.columns = {OpportunityField::Name, OpportunityField::Value,
                           OpportunityField::ExpectedCloseDate};
        QCOMPARE(OpportunityCsv::text({full(), bare()}, options),
                 u"name,value,expected_close_date\r\nAcme Pilot,1234.50,7/15/2026\r\n"
                 u"Bare,2500000.00,\r\n"_s);
    }

    void columnsChooseAndOrder()
    {
        OpportunityCsv::Options options;
        options.columns = {OpportunityField::Stage, OpportunityField::Name};
        QCOMPARE(OpportunityCsv::text({full()}, options),
                 u"stage,name\r\nclosed_won,Acme Pilot\r\n"_s);
    }

    void hostileTextIsQuotedAndGuarded()
    {
        QList<Opportunity> deals;
        const QStringList names{u"Say \"hi\", now"_s, u"=1+1"_s, u"+49 30 1234"_s, u"-5"_s,
                                u"@SUM(A1)"_s,        u"a;b"_s};
        for (const QString &name : names) {
            Opportunity o;
            o.id = u"x"_s;
            o.name = name;
            deals.append(o);
        }
        deals.first().description = u"one\r\ntwo\nthree"_s;
        OpportunityCsv::Options options;
        options.columns = {OpportunityField::Name, OpportunityField::Description};
        QCOMPARE(OpportunityCsv::text(deals, options),
                 u"name,description\r\n"
                 u"\"Say \"\"hi\"\", now\",\"one\r\ntwo\nthree\"\r\n"
                 u"'=1+1,\r\n"
                 u"'+49 30 1234,\r\n"
                 u"'-5,\r\n"
                 u"'@SUM(A1),\r\n"
                 u"a;b,\r\n"_s);
        // With `;` between fields, a `;` is quoted and a `,` is not.
        options.style = OpportunityCsv::Style::Locale;
        options.locale = QLocale(QLocale::German, QLocale::Germany);
        QCOMPARE(OpportunityCsv::text(deals.mid(5), options),
                 u"name;description\r\n\"a;b\";\r\n"_s);
        QCOMPARE(OpportunityCsv::text(deals.mid(0, 1), options),
                 u"name;description\r\n\"Say \"\"hi\"\", now\";\"one\r\ntwo\nthree\"\r\n"_s);
    }
};

QTEST_GUILESS_MAIN(TestOpportunityCsv)
#include "tst_opportunitycsv.moc"
