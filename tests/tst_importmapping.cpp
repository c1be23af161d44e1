#include "ImportMapping.h"

#include <QTest>

using namespace Qt::StringLiterals;

using Field = OpportunityField;
using Fields = QList<std::optional<OpportunityField>>;
Q_DECLARE_METATYPE(Fields)

// Which field each column of an imported file fills: guessed from the header, set by hand.
class TestImportMapping final : public QObject
{
    Q_OBJECT

private:
    static Fields fieldsOf(const ImportMapping &mapping)
    {
        Fields fields;
        for (int column = 0; column < mapping.columnCount(); ++column)
            fields.append(mapping.field(column));
        return fields;
    }

private slots:
    void guessesFromHeaders_data()
    {
        QTest::addColumn<QStringList>("header");
        QTest::addColumn<Fields>("expected");
        const std::optional<OpportunityField> none;
        QTest::newRow("API snake_case") << QStringList{u"id"_s,          u"name"_s,
                                                       u"account_id"_s,  u"account_name"_s,
                                                       u"lead_id"_s,     u"value"_s,
                                                       u"currency"_s,    u"stage"_s,
                                                       u"probability"_s, u"expected_close_date"_s,
                                                       u"description"_s, u"owner_id"_s,
                                                       u"is_archived"_s, u"created_at"_s,
                                                       u"updated_at"_s}
                                        << Fields{Field::Id,
                                                  Field::Name,
                                                  Field::AccountId,
                                                  Field::AccountName,
                                                  Field::LeadId,
                                                  Field::Value,
                                                  Field::Currency,
                                                  Field::Stage,
                                                  Field::Probability,
                                                  Field::ExpectedCloseDate,
                                                  Field::Description,
                                                  Field::OwnerId,
                                                  Field::IsArchived,
                                                  none,
                                                  none};
        QTest::newRow("API camelCase")
            << QStringList{u"accountId"_s, u"expectedCloseDate"_s, u"ownerId"_s, u"isArchived"_s,
                           u"leadId"_s,    u"createdAt"_s}
            << Fields{Field::AccountId, Field::ExpectedCloseDate,
                      Field::OwnerId,   Field::IsArchived,
                      Field::LeadId,    none};
        // The list's columns in either language: the same fields, the computed ones unmapped.
        const Fields listFields{
            Field::Name, Field::AccountId,         Field::Stage,   Field::Value, Field::Probability,
            none,        Field::ExpectedCloseDate, Field::OwnerId, none,         none};
        QTest::newRow("kashew's list, English")
            << QStringList{u"Name"_s,        u"Account"_s,  u"Stage"_s,          u"Value"_s,
                           u"Probability"_s, u"Weighted"_s, u"Expected close"_s, u"Owner"_s,
                           u"Updated"_s,     u"Stale"_s}
            << listFields;
        QTest::newRow("kashew's list, German") << QStringList{u"Name"_s,
                                                              u"Kunde"_s,
                                                              u"Phase"_s,
                                                              u"Wert"_s,
                                                              u"Wahrscheinlichkeit"_s,
                                                              u"Gewichtet"_s,
                                                              u"Voraussichtlicher Abschluss"_s,
                                                              u"Zuständig"_s,
                                                              u"Aktualisiert"_s,
                                                              u"Veraltet"_s}
                                               << listFields;
        QTest::newRow("spreadsheet words, English")
            << QStringList{u"Deal"_s,  u"Company"_s,  u"Amount"_s,    u"Close Date"_s,
                           u"Notes"_s, u"Archived"_s, u"Sales rep"_s, u"Deal ID"_s}
            << Fields{
                   Field::Name,        Field::AccountId,  Field::Value,   Field::ExpectedCloseDate,
                   Field::Description, Field::IsArchived, Field::OwnerId, Field::Id};
        QTest::newRow("spreadsheet words, German")
            << QStringList{u"Verkaufschance"_s, u"Firma"_s,          u"Betrag (€)"_s,
                           u"WÄHRUNG"_s,        u"Abschlussdatum"_s, u"Beschreibung"_s,
                           u"Verantwortlich"_s, u"Archiviert"_s}
            << Fields{Field::Name,     Field::AccountId,         Field::Value,
                      Field::Currency, Field::ExpectedCloseDate, Field::Description,
                      Field::OwnerId,  Field::IsArchived};
        QTest::newRow("a field goes to its first column only")
            << QStringList{u"Amount"_s, u"Value"_s, u"Something else"_s, u""_s}
            << Fields{Field::Value, none, none, none};
    }

    void guessesFromHeaders()
    {
        QFETCH(QStringList, header);
        QFETCH(Fields, expected);
        const ImportMapping mapping = ImportMapping::guess(header);
        QCOMPARE(mapping.columnCount(), header.size());
        QCOMPARE(fieldsOf(mapping), expected);
    }

    void columnOfFindsTheFirst()
    {
        const ImportMapping mapping = ImportMapping::guess({u"Kunde"_s, u"Name"_s, u"Amount"_s});
        QCOMPARE(mapping.columnOf(Field::Name), 1);
        QCOMPARE(mapping.columnOf(Field::Value), 2);
        QCOMPARE(mapping.columnOf(Field::Stage), -1);
    }

    void setByHeaderOrNumber()
    {
        const QStringList header{u"Deal"_s, u"Net"_s, u"X"_s};
        ImportMapping mapping = ImportMapping::guess(header);
        QCOMPARE(fieldsOf(mapping), (Fields{Field::Name, std::nullopt, std::nullopt}));

        QVERIFY(mapping.set(header, u"Net"_s, u"value"_s).ok());
        QVERIFY(mapping.set(header, u"3"_s, u"expectedCloseDate"_s).ok());
        QCOMPARE(fieldsOf(mapping), (Fields{Field::Name, Field::Value, Field::ExpectedCloseDate}));
        // Case aside for a header; an empty field leaves the column out.
        QVERIFY(mapping.set(header, u"deal"_s, QString()).ok());
        QCOMPARE(mapping.field(0), std::nullopt);
    }

    void setRefusesWhatItCannotPlace()
    {
        const QStringList header{u"Deal"_s, u"Net"_s};
        ImportMapping mapping = ImportMapping::guess(header);
        const ImportMapping before = mapping;

        Status status = mapping.set(header, u"Deal"_s, u"bogus"_s);
        QVERIFY(!status.ok());
        QCOMPARE(status.error(), u"no field named 'bogus'"_s);
        status = mapping.set(header, u"Nope"_s, u"name"_s);
        QCOMPARE(status.error(), u"no column named 'Nope'"_s);
        status = mapping.set(header, u"3"_s, u"name"_s);
        QCOMPARE(status.error(), u"no column 3: columns are numbered 1 to 2"_s);
        status = mapping.set(header, u"Net"_s, u"created_at"_s);
        QCOMPARE(status.error(), u"'created_at' is set by the server: it cannot be imported"_s);
        QCOMPARE(mapping, before);
    }

    void importableLeavesOutTheServersFields()
    {
        const QList<OpportunityField> fields = ImportMapping::importable();
        QCOMPARE(fields.size(), 13);
        QVERIFY(fields.contains(Field::AccountName));
        QVERIFY(!fields.contains(Field::CreatedAt));
        QVERIFY(!fields.contains(Field::UpdatedAt));
    }
};

QTEST_GUILESS_MAIN(TestImportMapping)
#include "tst_importmapping.moc"
