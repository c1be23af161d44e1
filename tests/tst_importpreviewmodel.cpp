// The import preview's model: the file's rows and columns, each column's header naming the
// field it fills, each row marked as the plan found it (valid, invalid with its reasons, a
// likely duplicate), the file's lines in the vertical header; under QAbstractItemModelTester.
#include "CsvReader.h"
#include "ImportPreviewModel.h"
#include "ItemRoles.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QSignalSpy>
#include <QTest>

namespace {

// A file of four columns (the last not imported) whose second row spans two lines, and a
// ragged last row with a fifth field.
CsvTable sampleTable()
{
    CsvTable table;
    table.header = {QStringLiteral("Name"), QStringLiteral("Kunde"), QStringLiteral("Wert"),
                    QStringLiteral("Notes")};
    table.rows = {
        {QStringLiteral("Acme — Pilot"), QStringLiteral("Acme"), QStringLiteral("900"),
         QStringLiteral("<b>bold?</b>")},
        {QStringLiteral("Two\nlines"), QStringLiteral("Globex"), QStringLiteral("abc"), QString()},
        {QStringLiteral("Müller — Renewal"), QStringLiteral("Müller"), QStringLiteral("1.234,50"),
         QString(), QStringLiteral("extra")},
    };
    table.lines = {2, 3, 5};
    return table;
}

ImportMapping sampleMapping()
{
    ImportMapping mapping;
    mapping.setField(0, OpportunityField::Name);
    mapping.setField(1, OpportunityField::AccountName);
    mapping.setField(2, OpportunityField::Value);
    mapping.setField(3, std::nullopt);
    return mapping;
}

// The plan's verdict, in another order than the file's: rows are matched by line.
QList<ImportRow> sampleVerdict()
{
    ImportRow duplicate;
    duplicate.line = 5;
    duplicate.duplicateOf = QStringLiteral("deal-9");
    ImportRow invalid;
    invalid.line = 3;
    invalid.errors = {{QStringLiteral("value"), QStringLiteral("not a number: 'abc'")},
                      {QStringLiteral("accountId"), QStringLiteral("no account named 'Globex'")}};
    ImportRow valid;
    valid.line = 2;
    return {duplicate, invalid, valid};
}

Opportunity existingDeal()
{
    Opportunity deal;
    deal.id = QStringLiteral("deal-9");
    deal.name = QStringLiteral("Müller — <i>Renewal</i>");
    return deal;
}

} // namespace

class TestImportPreviewModel final : public QObject
{
    Q_OBJECT

private slots:
    void cellsAndHeaders()
    {
        ImportPreviewModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTable(sampleTable(), sampleMapping());

        QCOMPARE(model.rowCount(), 3);
        // As wide as the widest row: the ragged row's fifth field is shown too.
        QCOMPARE(model.columnCount(), 5);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Acme — Pilot"));
        QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("Two\nlines"));
        // The file's text as it is (the view shows it as plain text).
        QCOMPARE(model.index(0, 3).data().toString(), QStringLiteral("<b>bold?</b>"));
        QCOMPARE(model.index(2, 4).data().toString(), QStringLiteral("extra"));
        QCOMPARE(model.index(0, 4).data().toString(), QString());

        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Name → name"));
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(),
                 QStringLiteral("Kunde → account_name"));
        QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), QStringLiteral("Wert → value"));
        QCOMPARE(model.headerData(3, Qt::Horizontal).toString(),
                 QStringLiteral("Notes (not imported)"));
        QCOMPARE(model.headerData(4, Qt::Horizontal).toString(),
                 QStringLiteral("Column 5 (not imported)"));
        QCOMPARE(model.headerData(2, Qt::Horizontal, ItemRoles::ImportFieldRole).toUInt(),
                 static_cast<quint32>(OpportunityField::Value));
        QVERIFY(!model.headerData(3, Qt::Horizontal, ItemRoles::ImportFieldRole).isValid());
        // The vertical header counts the file's lines, as the problems list names them.
        QCOMPARE(model.headerData(0, Qt::Vertical).toInt(), 2);
        QCOMPARE(model.headerData(1, Qt::Vertical).toInt(), 3);
        QCOMPARE(model.headerData(2, Qt::Vertical).toInt(), 5);
    }

    void remappingChangesOnlyHeaders()
    {
        ImportPreviewModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTable(sampleTable(), sampleMapping());
        QSignalSpy headers(&model, &QAbstractItemModel::headerDataChanged);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        ImportMapping mapping = sampleMapping();
        mapping.setField(3, OpportunityField::Description);
        mapping.setField(2, std::nullopt);
        model.setMapping(mapping);
        QCOMPARE(headers.count(), 1);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(model.headerData(3, Qt::Horizontal).toString(),
                 QStringLiteral("Notes → description"));
        QCOMPARE(model.headerData(2, Qt::Horizontal).toString(),
                 QStringLiteral("Wert (not imported)"));
    }

    void rowsMarkedAsThePlanFoundThem()
    {
        ImportPreviewModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setExisting({existingDeal()});
        model.setTable(sampleTable(), sampleMapping());
        // Before the verdict every row counts as valid.
        QCOMPARE(model.rowState(1), ImportPreviewModel::RowState::Valid);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setRows(sampleVerdict());
        QCOMPARE(changed.count(), 1);

        const auto state = [&model](int row) {
            return model.index(row, 0).data(ItemRoles::ImportRowStateRole).toInt();
        };
        QCOMPARE(state(0), int(ImportPreviewModel::RowState::Valid));
        QCOMPARE(state(1), int(ImportPreviewModel::RowState::Invalid));
        QCOMPARE(state(2), int(ImportPreviewModel::RowState::Duplicate));

        // Valid: no mark, no tool tip.
        QVERIFY(!model.index(0, 0).data(Qt::DecorationRole).isValid());
        QVERIFY(model.index(0, 0).data(Qt::ToolTipRole).toString().isEmpty());
        QVERIFY(model.index(0, 0).data(ItemRoles::ImportProblemsRole).toStringList().isEmpty());

        // Invalid: red before the first cell, the reasons by field (as headers name fields).
        QCOMPARE(model.index(1, 0).data(Qt::DecorationRole).value<QColor>(),
                 ImportPreviewModel::invalidColour());
        QVERIFY(!model.index(1, 1).data(Qt::DecorationRole).isValid());
        const QStringList problems =
            model.index(1, 2).data(ItemRoles::ImportProblemsRole).toStringList();
        QCOMPARE(problems, (QStringList{QStringLiteral("value: not a number: 'abc'"),
                                        QStringLiteral("account_id: no account named 'Globex'")}));
        // Every cell of the row tells why; tool tips render markup, so the text is escaped.
        const QString tip = model.index(1, 3).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("value: not a number: &#x27;abc&#x27;")) ||
                     tip.contains(QStringLiteral("value: not a number: 'abc'")),
                 qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("no account named")), qPrintable(tip));

        // A likely duplicate: amber, and the existing deal named (its markup shown as text).
        QCOMPARE(model.index(2, 0).data(Qt::DecorationRole).value<QColor>(),
                 ImportPreviewModel::duplicateColour());
        const QString duplicateTip = model.index(2, 1).data(Qt::ToolTipRole).toString();
        QVERIFY2(duplicateTip.contains(
                     QStringLiteral("Same name and account as &#x27;Müller — &lt;i&gt;Renewal&lt;/"
                                    "i&gt;&#x27;")) ||
                     duplicateTip.contains(QStringLiteral(
                         "Same name and account as 'Müller — &lt;i&gt;Renewal&lt;/i&gt;'")),
                 qPrintable(duplicateTip));
        QVERIFY(model.index(2, 0).data(ItemRoles::ImportProblemsRole).toStringList().isEmpty());
    }

    void duplicateOfAnEarlierRowNamesItsLine()
    {
        ImportPreviewModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTable(sampleTable(), sampleMapping());
        ImportRow row;
        row.line = 5;
        row.duplicateLine = 2;
        row.duplicateOf = QStringLiteral("line 2");
        model.setRows({row});
        QCOMPARE(model.rowState(2), ImportPreviewModel::RowState::Duplicate);
        QVERIFY(model.index(2, 0)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("Same name and account as line 2")));
        // Rows the plan says nothing of are valid.
        QCOMPARE(model.rowState(0), ImportPreviewModel::RowState::Valid);
        QCOMPARE(model.rowState(1), ImportPreviewModel::RowState::Valid);
    }

    // The same through the real reader and plan: a file's errors and duplicates land on the
    // rows they are about, even after a field spanning lines.
    void markedFromARealPlan()
    {
        const QByteArray file = "Name;Kunde;Wert;Beschreibung\r\n"
                                "\"Acme \"\"Pilot\"\"\";Acme Corp;1.234,50;\"two\r\nlines\"\r\n"
                                "Broken;Acme Corp;abc;\r\n"
                                "Big deal;Globex;2500000;\r\n";
        const Result<CsvTable> table = CsvReader::read(file);
        QVERIFY2(table.ok(), qPrintable(table.error()));
        Account acme;
        acme.id = QStringLiteral("10000000-0000-4000-8000-000000000001");
        acme.name = QStringLiteral("Acme Corp");
        Account globex;
        globex.id = QStringLiteral("10000000-0000-4000-8000-000000000002");
        globex.name = QStringLiteral("Globex");
        Opportunity bigDeal;
        bigDeal.id = QStringLiteral("deal-big");
        bigDeal.name = QStringLiteral("Big Deal");
        bigDeal.accountId = globex.id;
        bigDeal.accountName = globex.name;
        ImportPlan::Context context;
        context.existing = {bigDeal};
        context.accounts = {acme, globex};
        context.locale = QLocale(QLocale::German, QLocale::Germany);
        const ImportMapping mapping = ImportMapping::guess(table->header);
        const ImportPlan plan =
            ImportPlan::build(*table, mapping, ImportPlan::Mode::CreateOnly, context);

        ImportPreviewModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setExisting(context.existing);
        model.setTable(*table, mapping);
        model.setRows(plan.rows());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.headerData(1, Qt::Vertical).toInt(), 4);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Acme \"Pilot\""));
        QCOMPARE(model.rowState(0), ImportPreviewModel::RowState::Valid);
        QCOMPARE(model.rowState(1), ImportPreviewModel::RowState::Invalid);
        const QStringList problems =
            model.index(1, 0).data(ItemRoles::ImportProblemsRole).toStringList();
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().startsWith(QStringLiteral("value: ")),
                 qPrintable(problems.first()));
        QCOMPARE(model.rowState(2), ImportPreviewModel::RowState::Duplicate);
        QVERIFY(model.index(2, 0)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("Big Deal")));
    }
};

QTEST_GUILESS_MAIN(TestImportPreviewModel)
#include "tst_importpreviewmodel.moc"
