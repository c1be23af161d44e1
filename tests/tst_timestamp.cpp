// The one text form of times and dates, as the cache, the server and the wire store them.
#include "Timestamp.h"

#include <QTest>
#include <QTimeZone>

class TestTimestamp final : public QObject
{
    Q_OBJECT

private slots:
    void writesUtcWithMilliseconds()
    {
        const QDateTime berlin(QDate(2026, 7, 15), QTime(11, 30, 0, 5),
                               QTimeZone(QByteArrayLiteral("Europe/Berlin")));
        QCOMPARE(Timestamp::toText(berlin), QStringLiteral("2026-07-15T09:30:00.005Z"));
        QCOMPARE(Timestamp::fromText(Timestamp::toText(berlin)), berlin);
        QCOMPARE(Timestamp::fromText(Timestamp::toText(berlin)).timeSpec(), Qt::UTC);
    }

    void nullIsEmptyBothWays()
    {
        QCOMPARE(Timestamp::toText(QDateTime()), QString());
        QVERIFY(Timestamp::toText(QDateTime()).isEmpty());
        QVERIFY(Timestamp::fromText(QString()).isNull());
        QVERIFY(Timestamp::fromText(QStringLiteral("yesterday")).isNull());
        QCOMPARE(Timestamp::dateToText(QDate()), QString());
        QVERIFY(Timestamp::dateFromText(QString()).isNull());
    }

    // The fast path and the general parser agree: seconds without milliseconds, and a date that
    // does not exist is no time at all.
    void readsTheShortFormAndRefusesImpossibleDays()
    {
        QCOMPARE(Timestamp::fromText(QStringLiteral("2026-07-15T09:30:00Z")),
                 QDateTime(QDate(2026, 7, 15), QTime(9, 30), Qt::UTC));
        QVERIFY(Timestamp::fromText(QStringLiteral("2026-02-30T09:30:00.000Z")).isNull());
        QVERIFY(Timestamp::fromText(QStringLiteral("2026-07-15T25:30:00.000Z")).isNull());
        QVERIFY(!Timestamp::dateFromText(QStringLiteral("2026-02-30")).isValid());
        QVERIFY(!Timestamp::dateFromText(QStringLiteral("abcd-07-15")).isValid());
    }

    void readsOffsetsAsTheSameInstant()
    {
        QCOMPARE(Timestamp::fromText(QStringLiteral("2026-07-15T11:30:00.000+02:00")),
                 QDateTime(QDate(2026, 7, 15), QTime(9, 30), Qt::UTC));
    }

    void datesAreIsoDays()
    {
        QCOMPARE(Timestamp::dateToText(QDate(2026, 1, 2)), QStringLiteral("2026-01-02"));
        QCOMPARE(Timestamp::dateFromText(QStringLiteral("2026-01-02")), QDate(2026, 1, 2));
        QVERIFY(!Timestamp::dateFromText(QStringLiteral("02.01.2026")).isValid());
    }
};

QTEST_GUILESS_MAIN(TestTimestamp)
#include "tst_timestamp.moc"
