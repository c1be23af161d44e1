#include "OpportunityJson.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

namespace {

QJsonObject fixture(const char *name)
{
    QFile file(QStringLiteral(KASHEW_FIXTURES "/") + QString::fromLatin1(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return QJsonDocument::fromJson(file.readAll()).object();
}

Opportunity seedOpportunity()
{
    Opportunity o;
    o.id = QStringLiteral("9854b730-41aa-4152-9296-c896c1ff00c0");
    o.name = QStringLiteral("Acme Corp — Enterprise Deal");
    o.accountId = QStringLiteral("543d15e7-0000-4000-8000-000000000001");
    o.accountName = QStringLiteral("Acme Corp");
    o.value = 50000;
    o.currency = QStringLiteral("USD");
    o.stage = Stage::Proposal;
    o.probability = 60;
    o.expectedCloseDate = QDate(2026, 7, 15);
    o.description = QStringLiteral("Enterprise license for 50 seats");
    o.ownerId = QStringLiteral("auth0|abc");
    o.createdAt = QDateTime(QDate(2026, 5, 20), QTime(10, 30), Qt::UTC);
    o.updatedAt = QDateTime(QDate(2026, 5, 21), QTime(8, 0), Qt::UTC);
    return o;
}

} // namespace

class TestOpportunityJson final : public QObject
{
    Q_OBJECT

private slots:
    void writesTheSeedRequestBody()
    {
        const QJsonObject body = OpportunityJson::toRequestBody(
            seedOpportunity(), OpportunityFieldNames::writable() &
                                   ~OpportunityFields(OpportunityField::OwnerId) &
                                   ~OpportunityFields(OpportunityField::IsArchived));
        const QJsonObject expected{
            {QStringLiteral("name"), QStringLiteral("Acme Corp — Enterprise Deal")},
            {QStringLiteral("accountId"), QStringLiteral("543d15e7-0000-4000-8000-000000000001")},
            {QStringLiteral("leadId"), QJsonValue::Null},
            {QStringLiteral("value"), 50000},
            {QStringLiteral("currency"), QStringLiteral("USD")},
            {QStringLiteral("stage"), QStringLiteral("proposal")},
            {QStringLiteral("probability"), 60},
            {QStringLiteral("expectedCloseDate"), QStringLiteral("2026-07-15")},
            {QStringLiteral("description"), QStringLiteral("Enterprise license for 50 seats")}};
        QCOMPARE(body, expected);
    }

    void requestBodyHoldsOnlyTheGivenWritableFields()
    {
        const QJsonObject body = OpportunityJson::toRequestBody(
            seedOpportunity(),
            OpportunityField::Stage | OpportunityField::Id | OpportunityField::CreatedAt);
        QCOMPARE(body, (QJsonObject{{QStringLiteral("stage"), QStringLiteral("proposal")}}));
    }

    void responseFormRoundTrips()
    {
        const Opportunity original = seedOpportunity();
        const QJsonObject response = OpportunityJson::toResponse(original);
        QCOMPARE(response.value(QStringLiteral("expected_close_date")).toString(),
                 QStringLiteral("2026-07-15"));
        QVERIFY(response.value(QStringLiteral("lead_id")).isNull());
        const auto reading = OpportunityJson::read(response, OpportunityJson::ReadMode::Response);
        QVERIFY(reading.ok());
        QCOMPARE(reading.opportunity, original);
    }

    void readsSnakeCaseFixture()
    {
        const auto reading = OpportunityJson::read(fixture("opportunity-snake.json"),
                                                   OpportunityJson::ReadMode::Response);
        QVERIFY(reading.ok());
        QCOMPARE(reading.opportunity, seedOpportunity());
    }

    void readsCamelCaseWithStringNumbersAndDateTimes()
    {
        const auto reading = OpportunityJson::read(fixture("opportunity-camel-strings.json"),
                                                   OpportunityJson::ReadMode::Response);
        QVERIFY(reading.ok());
        Opportunity expected = seedOpportunity();
        expected.createdAt = expected.createdAt.addMSecs(123);
        QCOMPARE(reading.opportunity, expected);
    }

    void readsTheSeedPostResponseWithOmittedFields()
    {
        const auto reading = OpportunityJson::read(fixture("opportunity-seed-post-response.json"),
                                                   OpportunityJson::ReadMode::Response);
        QVERIFY(reading.ok());
        QVERIFY(!reading.present.testFlag(OpportunityField::Probability));
        QVERIFY(!reading.present.testFlag(OpportunityField::UpdatedAt));
        QCOMPARE(reading.opportunity.stage, Stage::Proposal);
        QCOMPARE(reading.opportunity.value, 50000.0);
    }

    void reportsTheFieldItCannotRead_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("field");
        QTest::newRow("value") << "value" << QJsonValue(QStringLiteral("lots")) << "value";
        QTest::newRow("probability") << "probability" << QJsonValue(12.5) << "probability";
        QTest::newRow("stage") << "stage" << QJsonValue(QStringLiteral("won")) << "stage";
        QTest::newRow("date") << "expected_close_date" << QJsonValue(QStringLiteral("soon"))
                              << "expectedCloseDate";
        QTest::newRow("archived") << "is_archived" << QJsonValue(QStringLiteral("perhaps"))
                                  << "isArchived";
        QTest::newRow("name object") << "name" << QJsonValue(QJsonObject()) << "name";
        QTest::newRow("updated") << "updated_at" << QJsonValue(QStringLiteral("yesterday"))
                                 << "updatedAt";
    }
    void reportsTheFieldItCannotRead()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, field);
        QJsonObject object = fixture("opportunity-snake.json");
        object.insert(key, value);
        const auto reading = OpportunityJson::read(object, OpportunityJson::ReadMode::Response);
        QCOMPARE(reading.errors.size(), 1);
        QCOMPARE(reading.errors.first().field, field);
        QVERIFY(!reading.errors.first().message.isEmpty());
    }

    void responseWithoutIdIsAnError()
    {
        QJsonObject object = fixture("opportunity-snake.json");
        object.remove(QStringLiteral("id"));
        const auto reading = OpportunityJson::read(object, OpportunityJson::ReadMode::Response);
        QCOMPARE(reading.errors.size(), 1);
        QCOMPARE(reading.errors.first().field, QStringLiteral("id"));
    }

    void requestModeRefusesNullOnRequiredFieldsAndIgnoresServerFields()
    {
        const QJsonObject body{{QStringLiteral("name"), QJsonValue::Null},
                               {QStringLiteral("id"), QStringLiteral("forged")},
                               {QStringLiteral("created_at"), QStringLiteral("nonsense")},
                               {QStringLiteral("description"), QJsonValue::Null},
                               {QStringLiteral("unknownField"), 1}};
        const auto reading = OpportunityJson::read(body, OpportunityJson::ReadMode::Request);
        QCOMPARE(reading.errors.size(), 1);
        QCOMPARE(reading.errors.first().field, QStringLiteral("name"));
        QVERIFY(reading.present.testFlag(OpportunityField::Description));
        QVERIFY(reading.opportunity.description.isNull());
        QVERIFY(!reading.present.testFlag(OpportunityField::Id));
    }

    void responseModeTreatsNullAsAbsent()
    {
        QJsonObject object = fixture("opportunity-snake.json");
        object.insert(QStringLiteral("probability"), QJsonValue::Null);
        const auto reading = OpportunityJson::read(object, OpportunityJson::ReadMode::Response);
        QVERIFY(reading.ok());
        QVERIFY(!reading.present.testFlag(OpportunityField::Probability));
    }

    // CONTRACT.md, List: isArchived=true lists only archived records, false (the default) only
    // live ones; a record that leaves is_archived out is what its request listed.
    void listedRecordWithoutIsArchivedIsWhatTheRequestListed_data()
    {
        QTest::addColumn<bool>("listedArchived");
        QTest::addColumn<QJsonValue>("isArchived");
        QTest::addColumn<bool>("expected");
        QTest::newRow("archived list, absent") << true << QJsonValue(QJsonValue::Undefined) << true;
        QTest::newRow("archived list, null") << true << QJsonValue(QJsonValue::Null) << true;
        QTest::newRow("live list, absent") << false << QJsonValue(QJsonValue::Undefined) << false;
        // What a record says of itself wins over what it was listed by.
        QTest::newRow("archived list, says false") << true << QJsonValue(false) << false;
        QTest::newRow("live list, says true") << false << QJsonValue(true) << true;
    }
    void listedRecordWithoutIsArchivedIsWhatTheRequestListed()
    {
        QFETCH(bool, listedArchived);
        QFETCH(QJsonValue, isArchived);
        QFETCH(bool, expected);
        QJsonObject object = fixture("opportunity-snake.json");
        object.remove(QStringLiteral("is_archived"));
        if (!isArchived.isUndefined())
            object.insert(QStringLiteral("isArchived"), isArchived);
        const auto reading = OpportunityJson::readListed(object, listedArchived);
        QVERIFY(reading.ok());
        QCOMPARE(reading.opportunity.isArchived, expected);
    }

    // A response without a name cannot be kept (it is required); it is reported with the field.
    void responseWithoutNameIsReportedAsMissing_data()
    {
        QTest::addColumn<QJsonValue>("name");
        QTest::newRow("absent") << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("null") << QJsonValue(QJsonValue::Null);
    }
    void responseWithoutNameIsReportedAsMissing()
    {
        QFETCH(QJsonValue, name);
        QJsonObject object = fixture("opportunity-snake.json");
        object.remove(QStringLiteral("name"));
        if (!name.isUndefined())
            object.insert(QStringLiteral("name"), name);
        const auto reading = OpportunityJson::read(object, OpportunityJson::ReadMode::Response);
        QCOMPARE(reading.errors,
                 (FieldErrors{{QStringLiteral("name"), QStringLiteral("is missing")}}));
        // A request (a partial PUT) may leave the name out.
        object.remove(QStringLiteral("name"));
        QVERIFY(OpportunityJson::read(object, OpportunityJson::ReadMode::Request).ok());
    }

    // null says the server has no value or currency: not a gap to fill with 0 and USD.
    void nullValueAndCurrencyAreReportedNotDefaulted()
    {
        QJsonObject object = fixture("opportunity-snake.json");
        object.insert(QStringLiteral("value"), QJsonValue::Null);
        object.insert(QStringLiteral("currency"), QJsonValue::Null);
        const auto reading = OpportunityJson::read(object, OpportunityJson::ReadMode::Response);
        QCOMPARE(reading.errors,
                 (FieldErrors{{QStringLiteral("value"), QStringLiteral("must be a number")},
                              {QStringLiteral("currency"),
                               QStringLiteral("must be an ISO 4217 code, such as USD")}}));
        QVERIFY(!reading.present.testFlag(OpportunityField::Value));
        QVERIFY(!reading.present.testFlag(OpportunityField::Currency));
    }

    // The report names the record and each field at fault, the field first, in the contract's
    // words; a value that is there but unreadable reads the same as null.
    void unreadableRecordIsDescribedByIdAndField()
    {
        QJsonObject object = fixture("opportunity-snake.json");
        object.insert(QStringLiteral("id"), QStringLiteral("opp_123"));
        object.remove(QStringLiteral("name"));
        object.insert(QStringLiteral("value"), QStringLiteral("lots"));
        const auto reading = OpportunityJson::read(object, OpportunityJson::ReadMode::Response);
        QCOMPARE(OpportunityJson::idOf(object), QStringLiteral("opp_123"));
        QCOMPARE(OpportunityJson::describeErrors(OpportunityJson::idOf(object), reading.errors),
                 QStringLiteral("opportunity 'opp_123': name is missing; value must be a number"));
        object.remove(QStringLiteral("id"));
        QCOMPARE(OpportunityJson::idOf(object), QString());
        QCOMPARE(OpportunityJson::describeErrors(
                     QString(),
                     OpportunityJson::read(object, OpportunityJson::ReadMode::Response).errors),
                 QStringLiteral("an opportunity without an id: id is missing; name is missing; "
                                "value must be a number"));
    }

    void updatesRoundTripAndReportBadEntries()
    {
        OpportunityUpdate update;
        update.id = QStringLiteral("u1");
        update.createdAt = QDateTime(QDate(2026, 5, 21), QTime(8, 0), Qt::UTC);
        update.ownerId = QStringLiteral("auth0|abc");
        update.changes.append(
            {QStringLiteral("stage"), QStringLiteral("proposal"), QStringLiteral("negotiation")});
        QJsonArray array = OpportunityJson::updatesToJson({update});
        array.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("u0")},
                                 {QStringLiteral("created_at"), QStringLiteral("never")}});
        FieldErrors errors;
        const QList<OpportunityUpdate> read = OpportunityJson::readUpdates(array, &errors);
        QCOMPARE(read.size(), 1);
        QCOMPARE(read.first().changes.first().to.toString(), QStringLiteral("negotiation"));
        QCOMPARE(read.first().createdAt, update.createdAt);
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().field, QStringLiteral("updates[1].created_at"));
    }
};

QTEST_GUILESS_MAIN(TestOpportunityJson)
#include "tst_opportunityjson.moc"
