// NameFolder folds names exactly as OpportunityFilter::fold does (the model folds 100,000 names a
// load with it, a search folds what is typed with fold()): every character alone, every pair of
// the characters it folds alone, and names mixing them with characters it leaves to fold().
#include "NameFolder.h"
#include "OpportunityFilter.h"

#include <QRandomGenerator>
#include <QTest>

class TestNameFolder final : public QObject
{
    Q_OBJECT

private slots:
    void everyCharacterAlone()
    {
        NameFolder folder;
        for (char32_t c = 0; c <= 0xffff; ++c) {
            const QString text(QChar(static_cast<char16_t>(c)));
            const QString expected = OpportunityFilter::fold(text);
            const QString folded = folder.folded(text);
            if (folded != expected)
                QFAIL(qPrintable(QStringLiteral("U+%1").arg(uint(c), 4, 16, QLatin1Char('0'))));
        }
    }

    void everyPairOfTabledCharacters()
    {
        // Folding is local for these: a pair folds as its two characters one after the other.
        NameFolder folder;
        QList<char16_t> tabled;
        for (char16_t c = 0; c < 0x3000; ++c) {
            if (folder.foldsAlone(c))
                tabled.append(c);
        }
        QVERIFY(tabled.size() >= 700); // all of ASCII and the ranges tabled
        QVERIFY(tabled.contains(u'é'));
        QVERIFY(tabled.contains(u'ß'));
        QVERIFY(tabled.contains(u'—'));
        QVERIFY(!tabled.contains(u'\u0301')); // a combining accent goes to fold()
        int mismatches = 0;
        QString first;
        for (const char16_t a : std::as_const(tabled)) {
            for (const char16_t b : std::as_const(tabled)) {
                const QString text = QString(QChar(a)) + QChar(b);
                if (folder.folded(text) != OpportunityFilter::fold(text)) {
                    if (mismatches++ == 0)
                        first = text;
                }
            }
        }
        QVERIFY2(mismatches == 0,
                 qPrintable(QStringLiteral("%1 pairs differ, the first U+%2 U+%3")
                                .arg(mismatches)
                                .arg(uint(first.isEmpty() ? 0 : first.at(0).unicode()), 4, 16)
                                .arg(uint(first.isEmpty() ? 0 : first.at(1).unicode()), 4, 16)));
    }

    void names_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("null") << QString();
        QTest::newRow("empty") << QStringLiteral("");
        QTest::newRow("ascii") << QStringLiteral("Acme Corp, Q3 RENEWAL");
        QTest::newRow("controls") << QStringLiteral("Tab\there\nnew\x7f");
        QTest::newRow("bench name") << QStringLiteral("Müller 42 — Renewal");
        QTest::newRow("plain spellings") << QStringLiteral("Łódź Straße Ærø Œuvre Þór ı");
        QTest::newRow("combining accent") << QStringLiteral("Kra\u006Fo\u0301w Cafe\u0301");
        QTest::newRow("accent after a tabled letter") << QStringLiteral("Zürich\u0301 é\u0323");
        QTest::newRow("greek and cyrillic") << QStringLiteral("Ωμέγα Москва ΣΊΣΥΦΟΣ");
        QTest::newRow("ligatures and width") << QStringLiteral("ﬃ ＡＢＣ ½ ™ ℌ");
        QTest::newRow("hangul and cjk") << QStringLiteral("한국 東京 株式会社");
        QTest::newRow("surrogates") << QStringLiteral("emoji 😀 𝐀𝐁 end");
        QTest::newRow("lone surrogate") << QString(QChar(0xd800)) + QStringLiteral("x");
        QTest::newRow("ellipsis and dashes") << QStringLiteral("A… B–C ‴ ₨ €");
        QTest::newRow("long") << QStringLiteral("Søndergaard ").repeated(100);
        QTest::newRow("long, then a mark") << QStringLiteral("Ærø ").repeated(100) + QChar(0x0301);
    }

    void names()
    {
        QFETCH(QString, name);
        NameFolder folder;
        QCOMPARE(folder.folded(name), OpportunityFilter::fold(name));
        // Appended after what the buffer holds, as the model's name buffer.
        QString buffer = QStringLiteral("before");
        folder.appendFolded(name, buffer);
        QCOMPARE(buffer, QStringLiteral("before") + OpportunityFilter::fold(name));
    }

    void randomNames()
    {
        // Tabled characters, ASCII and marks mixed at random, in one folder (its table filled as
        // names go by).
        const QString alphabet = QStringLiteral("aZ 7-\t\u00e9\u00c5\u00df\u0142\u00f8\u01c4\u01f1"
                                                "\u2014\u2026\u20ac\u0301\u0308\u0345\u0130\u1e9e"
                                                "\u0149\u017f\u2126\u212a\u00b5\u00aa\u00bd");
        QRandomGenerator random(19);
        NameFolder folder;
        for (int round = 0; round < 20000; ++round) {
            QString name;
            const int length = random.bounded(12);
            for (int i = 0; i < length; ++i)
                name += alphabet.at(random.bounded(alphabet.size()));
            QCOMPARE(folder.folded(name), OpportunityFilter::fold(name));
        }
    }
};

QTEST_GUILESS_MAIN(TestNameFolder)
#include "tst_namefolder.moc"
