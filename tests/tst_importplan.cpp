#include "CsvReader.h"
#include "ImportPlan.h"

#include <QTest>

using namespace Qt::StringLiterals;

// What an import would do, worked out before anything is written: each row read and checked,
// its errors named by line and field, likely duplicates, the file's own problems, the batch.
class TestImportPlan final : public QObject
{
    Q_OBJECT

private:
    static inline const QString acmeId = u"a1111111-1111-4111-8111-111111111111"_s;
    static inline const QString globexId = u"a2222222-2222-4222-8222-222222222222"_s;
    static inline const QString existingId = u"e0000000-0000-4000-8000-000000000001"_s;

    static ImportPlan::Context context(const QLocale &locale = QLocale(QLocale::German,
                                                                       QLocale::Germany))
    {
        ImportPlan::Context context;
        Account acme;
        acme.id = acmeId;
        acme.name = u"Acme Corp"_s;
        Account globex;
        globex.id = globexId;
        globex.name = u"Globex"_s;
        context.accounts = {acme, globex};
        context.people.insert(Person{u"auth0|ana"_s, u"Ana Souza"_s, QString()});
        Opportunity existing;
        existing.id = existingId;
        existing.name = u"Existing deal"_s;
        existing.accountId = acmeId;
        existing.accountName = u"Acme Corp"_s;
        existing.value = 100;
        existing.stage = Stage::Qualification;
        context.existing = {existing};
        context.locale = locale;
        return context;
    }

    static CsvTable table(const QString &text)
    {
        const auto read = CsvReader::read(text.toUtf8());
        if (!read)
            qFatal("%s", qPrintable(read.error()));
        return *read;
    }

    static ImportPlan plan(const QString &text,
                           ImportPlan::Mode mode = ImportPlan::Mode::CreateOnly,
                           const ImportPlan::Context &given = context())
    {
        const CsvTable read = table(text);
        return ImportPlan::build(read, ImportMapping::guess(read.header), mode, given);
    }

private slots:
    void errorsNameLineFieldAndReason()
    {
        const ImportPlan imported =
            plan(u"name,account,value,close date,stage,probability\r\n"
                 u"\"Two\r\nlines\",Acme Corp,abc,2026-07-15,proposal,60\r\n"
                 u"Fine,Initech,10,2026-07-15,proposal,60\r\n"
                 u"Big,Acme Corp,2000000000000000,,won,100\r\n"
                 u"Odd,Acme Corp,10,2026-07-15,maybe,60\r\n"
                 u"Pct,Acme Corp,10,31.02.2026,proposal,60.5\r\n"
                 u"Good,acme corp,\"1,500.00\",15.07.2026,Angebot,60 %\r\n"
                 u",Globex,10,,,\r\n"_s);
        QVERIFY(imported.problems().isEmpty());
        QCOMPARE(imported.rows().size(), 7);
        QCOMPARE(imported.report(),
                 (QStringList{
                     u"line 2, value: not a number: 'abc'"_s,
                     u"line 4, account_id: no account named 'Initech'"_s,
                     u"line 5, value: Value must be at most 1000000000000000."_s,
                     u"line 6, stage: not a stage: 'maybe'"_s,
                     u"line 7, probability: not a whole number from 0 to 100: '60.5'"_s,
                     u"line 7, expected_close_date: not a date: '31.02.2026'"_s,
                     u"line 9, name: Name is required."_s,
                 }));
        QCOMPARE(imported.invalidCount(), 6);
        QCOMPARE(imported.validCount(), 1);
        const ImportRow &good = imported.rows().at(5);
        QCOMPARE(good.line, 8);
        QVERIFY(good.isValid());
        QCOMPARE(good.opportunity.name, u"Good"_s);
        QCOMPARE(good.opportunity.accountId, acmeId);
        QCOMPARE(good.opportunity.value, 1500.0);
        QCOMPARE(good.opportunity.stage, Stage::Proposal);
        QCOMPARE(good.opportunity.probability, 60);
        QCOMPARE(good.opportunity.expectedCloseDate, QDate(2026, 7, 15));
        QCOMPARE(imported.rows().at(1).errors,
                 (FieldErrors{{u"accountId"_s, u"no account named 'Initech'"_s}}));
    }

    void slashedDates()
    {
        // Unambiguous by the column: 13/08 says day first.
        ImportPlan imported = plan(u"name;close date\nA;07/08/2026\nB;13/08/2026\n"_s);
        QCOMPARE(imported.invalidCount(), 0);
        QCOMPARE(imported.rows().at(0).opportunity.expectedCloseDate, QDate(2026, 8, 7));
        // Only ambiguous slashed dates: those rows are errors, asking for a form that tells.
        imported = plan(u"name;close date\nA;07/08/2026\nB;2026-08-13\nC;07/07/2026\n"_s);
        QCOMPARE(imported.report(),
                 (QStringList{u"line 2, expected_close_date: ambiguous date '07/08/2026': write "
                              u"it as 2026-08-07 or 07.08.2026"_s}));
        QCOMPARE(imported.rows().at(2).opportunity.expectedCloseDate, QDate(2026, 7, 7));
    }

    void thousandsSeparatorsBothWays()
    {
        const QString file = u"name\tvalue\nA\t1,500\nB\t1.500\nC\t1.234,50\nD\t1,234.50\n"_s;
        const ImportPlan english = plan(file, ImportPlan::Mode::CreateOnly,
                                        context(QLocale(QLocale::English, QLocale::UnitedStates)));
        const ImportPlan german = plan(file);
        QCOMPARE(english.invalidCount(), 0);
        QCOMPARE(german.invalidCount(), 0);
        // The column shows both decimal points: the locale reads the open ones.
        QCOMPARE(english.rows().at(0).opportunity.value, 1500.0);
        QCOMPARE(english.rows().at(1).opportunity.value, 1.5);
        QCOMPARE(german.rows().at(0).opportunity.value, 1.5);
        QCOMPARE(german.rows().at(1).opportunity.value, 1500.0);
        for (const ImportPlan *imported : {&english, &german}) {
            QCOMPARE(imported->rows().at(2).opportunity.value, 1234.5);
            QCOMPARE(imported->rows().at(3).opportunity.value, 1234.5);
        }
        // A column of German numbers reads its open ones the German way, whatever the locale.
        const ImportPlan column =
            plan(u"name;value\nA;1.500\nB;2.000.000,25\n"_s, ImportPlan::Mode::CreateOnly,
                 context(QLocale(QLocale::English, QLocale::UnitedStates)));
        QCOMPARE(column.rows().at(0).opportunity.value, 1500.0);
        QCOMPARE(column.rows().at(1).opportunity.value, 2000000.25);
    }

    void currencyWithTheValue()
    {
        const ImportPlan imported =
            plan(u"name,value,currency\nA,€ 10,EUR\nB,$10,EUR\nC,10 GBP,\n"_s);
        QVERIFY(imported.rows().at(0).isValid());
        QCOMPARE(imported.report(),
                 (QStringList{u"line 3, value: '$10' is in USD, the deal in EUR"_s,
                              u"line 4, value: '10 GBP' is in GBP, the deal in USD"_s}));
    }

    void updateById()
    {
        const QString file = u"id,name,stage\n"_s + existingId +
                             u",,Verhandlung\nno-such-id,X,proposal\n,New deal,\n"_s;
        ImportPlan imported = plan(file, ImportPlan::Mode::UpdateById);
        QCOMPARE(imported.report(), (QStringList{u"line 3, id: no deal with id 'no-such-id'"_s}));
        const ImportRow &update = imported.rows().at(0);
        QCOMPARE(update.updateId, existingId);
        QCOMPARE(update.fields, OpportunityFields(OpportunityField::Stage));
        // The record with the row's values: the rest as it was.
        QCOMPARE(update.opportunity.name, u"Existing deal"_s);
        QCOMPARE(update.opportunity.value, 100.0);
        QCOMPARE(update.opportunity.stage, Stage::Negotiation);
        QCOMPARE(imported.updateCount(), 1);
        QCOMPARE(imported.createCount(), 1);

        // Create only: the id column is ignored, every row is new.
        imported = plan(file, ImportPlan::Mode::CreateOnly);
        QCOMPARE(imported.report(), (QStringList{u"line 2, name: Name is required."_s}));
        QCOMPARE(imported.createCount(), 2);
        QCOMPARE(imported.updateCount(), 0);
    }

    void ownersByIdOrName()
    {
        const ImportPlan imported = plan(u"name,owner\nA,auth0|ana\nB,ana souza\nC,Bob\n"_s);
        QCOMPARE(imported.rows().at(0).opportunity.ownerId, u"auth0|ana"_s);
        QCOMPARE(imported.rows().at(1).opportunity.ownerId, u"auth0|ana"_s);
        QCOMPARE(imported.report(), (QStringList{u"line 4, owner_id: no person named 'Bob'"_s}));
    }

    void duplicates()
    {
        const ImportPlan imported = plan(u"name,account\n"
                                         u" existing DEAL ,Acme Corp\n"
                                         u"New one,Globex\n"
                                         u"new one,globex\n"
                                         u"Existing deal,Globex\n"_s);
        QCOMPARE(imported.rows().at(0).duplicateOf, existingId);
        QCOMPARE(imported.rows().at(1).duplicateOf, QString());
        QCOMPARE(imported.rows().at(2).duplicateOf, u"line 3"_s);
        QCOMPARE(imported.rows().at(2).duplicateLine, 3);
        QCOMPARE(imported.rows().at(3).duplicateOf, QString());
        QCOMPARE(imported.duplicateCount(), 2);
        // A likely duplicate is no error.
        QCOMPARE(imported.validCount(), 4);
    }

    void fileProblems()
    {
        ImportPlan imported = plan(u"value,stage\n10,proposal\n"_s);
        QCOMPARE(imported.problems(),
                 (QStringList{u"no column is mapped to the name, which new deals need"_s}));
        QCOMPARE(imported.validCount(), 0);
        QVERIFY(imported.batch().isEmpty());

        imported = plan(u"name,stage\nA,proposal\n"_s, ImportPlan::Mode::UpdateById);
        QCOMPARE(
            imported.problems(),
            (QStringList{u"no column is mapped to the id, which updating deals by id needs"_s}));

        const CsvTable read = table(u"Name,Amount,Value\nA,1,2\n"_s);
        ImportMapping mapping = ImportMapping::guess(read.header);
        mapping.setField(2, OpportunityField::Value);
        imported = ImportPlan::build(read, mapping, ImportPlan::Mode::CreateOnly, context());
        QCOMPARE(imported.problems(),
                 (QStringList{u"value is mapped to more than one column: 'Amount', 'Value'"_s}));
        QCOMPARE(imported.report().first(), imported.problems().first());
        QCOMPARE(imported.validCount(), 0);
        QCOMPARE(imported.createCount(), 0);
        QVERIFY(imported.batch().isEmpty());
    }

    void batchHoldsTheValidRowsWithTheirFields()
    {
        const QString file = u"id,name,value,stage,account\n"
                             u",Fresh,10,,Globex\n"_s +
                             existingId + u",,,closed_won,\n,Broken,abc,,\n"_s;
        const ImportPlan imported = plan(file, ImportPlan::Mode::UpdateById);
        QCOMPARE(imported.invalidCount(), 1);
        const RecordBatch batch = imported.batch();
        QCOMPARE(batch.creates.size(), 1);
        QCOMPARE(batch.edits.size(), 1);
        QVERIFY(batch.deletions.isEmpty());

        Opportunity expected;
        expected.name = u"Fresh"_s;
        expected.value = 10;
        expected.accountId = globexId;
        expected.accountName = u"Globex"_s;
        QCOMPARE(batch.creates.first(), expected);
        QCOMPARE(imported.rows().at(0).fields,
                 OpportunityField::Name | OpportunityField::Value | OpportunityField::AccountId);

        const RecordEdit &edit = batch.edits.first();
        QCOMPARE(edit.id, existingId);
        QCOMPARE(edit.fields, OpportunityFields(OpportunityField::Stage));
        QCOMPARE(edit.edited.stage, Stage::ClosedWon);
    }
};

QTEST_GUILESS_MAIN(TestImportPlan)
#include "tst_importplan.moc"
