// JsonCursor, which the SQLite list page is written through: whatever the pieces and however far
// past the array's room they go, the array ends up holding exactly what QByteArray's own appends
// would, numbers are QByteArray::number's, and a rewind forgets what came after its point.
#include "JsonCursor.h"

#include <QTest>
#include <limits>

class TestJsonCursor final : public QObject
{
    Q_OBJECT

private slots:
    void piecesPastTheRoomAreAllKept();
    void keepsWhatTheArrayHeldBefore();
    void numbersAreQByteArrayNumbers();
    void rewindForgetsWhatCameAfter();
};

void TestJsonCursor::piecesPastTheRoomAreAllKept()
{
    QByteArray written;
    QByteArray expected;
    {
        JsonCursor cursor(written);
        for (int i = 0; i < 20000; ++i) {
            // Pieces of growing length, some larger than the room the cursor starts with.
            const QByteArray piece(i % 997, static_cast<char>('a' + i % 26));
            cursor.put(piece);
            cursor.put(',');
            cursor.putLiteral("\"k\":");
            expected += piece;
            expected += ",\"k\":";
        }
    }
    QCOMPARE(written.size(), expected.size());
    QVERIFY(written == expected);
}

void TestJsonCursor::keepsWhatTheArrayHeldBefore()
{
    QByteArray json = "{\"opportunities\":[";
    {
        JsonCursor cursor(json);
        cursor.putLiteral("{}");
    }
    QCOMPARE(json, QByteArray("{\"opportunities\":[{}"));
}

void TestJsonCursor::numbersAreQByteArrayNumbers()
{
    const QList<qint64> values{0,
                               7,
                               -7,
                               10,
                               99,
                               100,
                               -100,
                               2147483647,
                               -2147483648LL,
                               std::numeric_limits<qint64>::max(),
                               std::numeric_limits<qint64>::min()};
    for (const qint64 value : values) {
        QByteArray json;
        {
            JsonCursor cursor(json);
            cursor.putNumber(value);
        }
        QCOMPARE(json, QByteArray::number(value));
    }
}

void TestJsonCursor::rewindForgetsWhatCameAfter()
{
    QByteArray json = "[";
    JsonCursor cursor(json);
    cursor.putLiteral("1,");
    const qsizetype before = cursor.finish().size();
    cursor.put(QByteArray(5000, 'x')); // past the room: the array grows meanwhile
    cursor.rewind(before);
    cursor.put(']');
    QCOMPARE(cursor.finish(), QByteArray("[1,]"));
}

QTEST_GUILESS_MAIN(TestJsonCursor)
#include "tst_jsoncursor.moc"
