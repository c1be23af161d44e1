// How the app names people: a known name as it is, an unknown id shortened to the part that tells
// owners apart, initials for an avatar, a colour seed that is the same on every run and machine,
// everyone in name order, and the full id beside the name for tooltips.
#include "PeopleBook.h"

#include <QTest>

namespace {

Person person(const QString &id, const QString &name)
{
    return Person{id, name, QString()};
}

} // namespace

class TestPeopleBook final : public QObject
{
    Q_OBJECT

private slots:
    void knownNamesAreShownAsTheyAre()
    {
        PeopleBook book;
        book.insert(person(QStringLiteral("auth0|5f1c9a7e2b"), QStringLiteral("  Ana Souza ")));
        QVERIFY(book.hasName(QStringLiteral("auth0|5f1c9a7e2b")));
        QCOMPARE(book.displayName(QStringLiteral("auth0|5f1c9a7e2b")), QStringLiteral("Ana Souza"));
        // A person known by id only, or by a blank name, is not named.
        book.insert(person(QStringLiteral("u-7"), QStringLiteral("   ")));
        QVERIFY(!book.hasName(QStringLiteral("u-7")));
        QCOMPARE(book.displayName(QStringLiteral("u-7")), QStringLiteral("u-7"));
    }

    void unknownIdsAreShortened()
    {
        const PeopleBook book;
        // The provider goes; what is left is kept to eight characters and an ellipsis.
        QCOMPARE(book.displayName(QStringLiteral("auth0|5f1c9a7e2b")),
                 QStringLiteral("5f1c9a7e\u2026"));
        QCOMPARE(PeopleBook::shortenedId(QStringLiteral("user_0123456789abcdef")),
                 QStringLiteral("user_012\u2026"));
        QCOMPARE(PeopleBook::shortenedId(QStringLiteral("google-oauth2|1048")),
                 QStringLiteral("1048"));
        // Nine characters fit whole: an ellipsis would hide nothing.
        QCOMPARE(PeopleBook::shortenedId(QStringLiteral("123456789")), QStringLiteral("123456789"));
        // Nothing after the bar: the id as it is.
        QCOMPARE(PeopleBook::shortenedId(QStringLiteral("auth0|")), QStringLiteral("auth0|"));
    }

    void noOwnerIsNoName()
    {
        const PeopleBook book;
        QVERIFY(book.displayName(QString()).isEmpty());
        QVERIFY(book.initials(QString()).isEmpty());
        QVERIFY(book.nameWithId(QString()).isEmpty());
        QVERIFY(!book.hasName(QString()));
        // An empty id is nobody: it is not added.
        PeopleBook withEmpty;
        withEmpty.insert(person(QString(), QStringLiteral("Ghost")));
        QVERIFY(withEmpty.isEmpty());
    }

    void initials()
    {
        PeopleBook book;
        book.insert(person(QStringLiteral("a"), QStringLiteral("Ana Maria Souza")));
        book.insert(person(QStringLiteral("b"), QStringLiteral("bruno")));
        book.insert(person(QStringLiteral("c"), QStringLiteral("(Chloé) 'Dubois")));
        book.insert(person(QStringLiteral("d"), QStringLiteral("Łukasz   Żak")));
        // First and last word, in upper case.
        QCOMPARE(book.initials(QStringLiteral("a")), QStringLiteral("AS"));
        // One word: one letter.
        QCOMPARE(book.initials(QStringLiteral("b")), QStringLiteral("B"));
        // Leading punctuation is passed over to the first letter.
        QCOMPARE(book.initials(QStringLiteral("c")), QStringLiteral("CD"));
        QCOMPARE(book.initials(QStringLiteral("d")), QStringLiteral("ŁŻ"));
        // Unknown: the first character of the shortened id, not the provider's.
        QCOMPARE(book.initials(QStringLiteral("auth0|x5f1c9a7e2b")), QStringLiteral("X"));
    }

    void colourSeedIsStable()
    {
        // FNV-1a over UTF-16 code units, worked out by hand once: the same on every run and
        // machine (qHash would be seeded per process).
        QCOMPARE(PeopleBook::colourSeed(QStringLiteral("ana")), 338283141u);
        QCOMPARE(PeopleBook::colourSeed(QStringLiteral("auth0|5f1c9a7e2b")), 3068571738u);
        QCOMPARE(PeopleBook::colourSeed(QString()), 2166136261u);
        QCOMPARE(PeopleBook::colourSeed(QStringLiteral("ana")),
                 PeopleBook::colourSeed(QStringLiteral("ana")));
        QVERIFY(PeopleBook::colourSeed(QStringLiteral("ana")) !=
                PeopleBook::colourSeed(QStringLiteral("ben")));
    }

    void peopleInNameOrder()
    {
        PeopleBook book;
        book.insert(person(QStringLiteral("u-3"), QStringLiteral("carla")));
        book.insert(person(QStringLiteral("u-2"), QStringLiteral("Bruno Lima")));
        book.insert(person(QStringLiteral("auth0|aaaa1111bbbb"), QString())); // "aaaa1111…"
        book.insert(person(QStringLiteral("u-9"), QStringLiteral("Ana Souza")));
        book.insert(person(QStringLiteral("u-1"), QStringLiteral("Ana Souza"))); // same name
        QStringList ids;
        for (const Person &p : book.people())
            ids.append(p.id);
        // By shown name, case aside; the same name by id.
        QCOMPARE(ids, (QStringList{QStringLiteral("auth0|aaaa1111bbbb"), QStringLiteral("u-1"),
                                   QStringLiteral("u-9"), QStringLiteral("u-2"),
                                   QStringLiteral("u-3")}));
    }

    void nameWithIdForTooltips()
    {
        PeopleBook book;
        book.insert(person(QStringLiteral("auth0|5f1c9a7e2b"), QStringLiteral("Ana Souza")));
        book.insert(person(QStringLiteral("ben"), QStringLiteral("ben")));
        QCOMPARE(book.nameWithId(QStringLiteral("auth0|5f1c9a7e2b")),
                 QStringLiteral("Ana Souza (auth0|5f1c9a7e2b)"));
        // Unknown: the shortened id, then the whole of it.
        QCOMPARE(book.nameWithId(QStringLiteral("auth0|63d2e8b410")),
                 QStringLiteral("63d2e8b4\u2026 (auth0|63d2e8b410)"));
        // Shown as it is: said once.
        QCOMPARE(book.nameWithId(QStringLiteral("ben")), QStringLiteral("ben"));
    }

    void meIsKept()
    {
        PeopleBook book;
        QVERIFY(book.meId().isEmpty());
        book.setMeId(QStringLiteral("u-1"));
        QCOMPARE(book.meId(), QStringLiteral("u-1"));
        PeopleBook other;
        QVERIFY(!(book == other)); // who "me" is counts in a comparison (setPeople's check)
    }
};

QTEST_APPLESS_MAIN(TestPeopleBook)
#include "tst_peoplebook.moc"
