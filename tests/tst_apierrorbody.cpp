#include "ApiErrorBody.h"

#include <QTest>

class TestApiErrorBody final : public QObject
{
    Q_OBJECT

private slots:
    void detailAsText()
    {
        const ApiErrorBody error =
            ApiErrorBody::read(R"({"detail": "Rate limit exceeded. Try again in 42 seconds."})");
        QCOMPARE(error.message, QStringLiteral("Rate limit exceeded. Try again in 42 seconds."));
        QVERIFY(error.fieldErrors.isEmpty());
    }

    void detailAsValidationList()
    {
        const ApiErrorBody error = ApiErrorBody::read(
            R"({"detail": [{"loc": ["body", "probability"], "msg": "too high", "type": "value_error"},
                           {"loc": ["body"], "msg": "bad", "type": "x"}]})");
        QCOMPARE(error.fieldErrors.size(), 2);
        QCOMPARE(error.fieldErrors.first(),
                 (FieldError{QStringLiteral("probability"), QStringLiteral("too high")}));
        QVERIFY(error.message.contains(QStringLiteral("probability: too high")));
    }

    void detailAsListOfSentences()
    {
        const ApiErrorBody error =
            ApiErrorBody::read(R"({"detail": ["Invalid key", "Try later"]})");
        QCOMPARE(error.message, QStringLiteral("Invalid key; Try later"));
        QVERIFY(error.fieldErrors.isEmpty());
    }

    void garbageGivesNoMessage()
    {
        QVERIFY(ApiErrorBody::read("<html>502 Bad Gateway</html>").message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestApiErrorBody)
#include "tst_apierrorbody.moc"
