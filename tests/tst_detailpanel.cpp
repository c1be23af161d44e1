// DetailPanel with hostile server text: a right-to-left override in a value, an owner or an error
// is shown, but reorders only itself, never the words and figures around it. And its history in
// the rep's words: names for ids, amounts and dates as the list shows them, the creation in one
// sentence.
#include "DetailPanel.h"
#include "Money.h"
#include "ServerText.h"

#include <QApplication>
#include <QJsonValue>
#include <QLocale>
#include <QTest>
#include <QTextLayout>

namespace {

const QChar rightToLeftOverride(0x202e);

// Where each character of `line` is drawn, from left to right, as Qt lays the line out.
qreal xOf(const QString &line, qsizetype position)
{
    QTextLayout layout(line, QApplication::font());
    layout.beginLayout();
    QTextLine textLine = layout.createLine();
    textLine.setLineWidth(10000);
    layout.endLayout();
    return textLine.cursorToX(int(position));
}

// The line of the panel's texts that contains `needle`.
QString lineWith(const QStringList &texts, const QString &needle)
{
    for (const QString &text : texts) {
        for (const QString &line : text.split(QLatin1Char('\n'))) {
            if (line.contains(needle))
                return line;
        }
    }
    return {};
}

FieldChange change(const char *field, const QJsonValue &from, const QJsonValue &to)
{
    return {QString::fromLatin1(field), from, to};
}

const QJsonValue none(QJsonValue::Null);

// The entry kashew-server writes for a creation: every field set, from nothing.
OpportunityUpdate creationBy(const QString &ownerId)
{
    OpportunityUpdate created;
    created.createdAt = QDateTime(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC);
    created.ownerId = ownerId;
    created.changes = {
        change("account_id", none, QStringLiteral("acc-1")),
        change("currency", none, QStringLiteral("GBP")),
        change("description", none, QStringLiteral("Pilot for the north depot")),
        change("expected_close_date", none, QStringLiteral("2026-09-30")),
        change("is_archived", none, false),
        change("name", none, QStringLiteral("Acme — Pilot")),
        change("owner_id", none, ownerId),
        change("probability", none, 50),
        change("stage", none, QStringLiteral("proposal")),
        change("value", none, 600),
    };
    return created;
}

// Names the rep knows: two accounts and two people.
HistoryFormatter knownNames()
{
    const QHash<QString, QString> accounts{{QStringLiteral("acc-1"), QStringLiteral("Acme")},
                                           {QStringLiteral("acc-2"), QStringLiteral("Globex")}};
    const QHash<QString, QString> owners{{QStringLiteral("u-1"), QStringLiteral("Alice")},
                                         {QStringLiteral("u-2"), QStringLiteral("Bob")}};
    return HistoryFormatter([accounts](const QString &id) { return accounts.value(id); },
                            [owners](const QString &id) { return owners.value(id); });
}

CachedOpportunity pilot()
{
    CachedOpportunity record;
    record.opportunity.id = QStringLiteral("a");
    record.opportunity.name = QStringLiteral("Acme — Pilot");
    record.opportunity.currency = QStringLiteral("GBP");
    return record;
}

QString iso(const QString &text)
{
    return ServerText::isolated(text);
}

} // namespace

class TestDetailPanel final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Another locale than the C one, so that "as the app shows it" means something.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    }

    void creationIsOneSentence()
    {
        DetailPanel panel;
        panel.showRecord(pilot(), QList<OpportunityUpdate>{creationBy(QStringLiteral("u-1"))},
                         PeopleBook(), knownNames());
        const QStringList entries = panel.historyTexts();
        QCOMPARE(entries.size(), 1);
        const QStringList lines = entries.first().split(QLatin1Char('\n'));
        // When, then who made it, where and for how much: not a line per field from nothing.
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(0), QLocale().toString(
                                  QDateTime(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC).toLocalTime(),
                                  QLocale::ShortFormat));
        QCOMPARE(lines.at(1), QStringLiteral("Created by ") + iso(QStringLiteral("Alice")) +
                                  QStringLiteral(" in Proposal, ") +
                                  formatMoney(600, QStringLiteral("GBP")));
        QVERIFY2(!entries.first().contains(QStringLiteral("—")), qPrintable(entries.first()));
    }

    void changesSpeakTheRepsLanguage()
    {
        OpportunityUpdate moved;
        moved.createdAt = QDateTime(QDate(2026, 5, 2), QTime(14, 30), Qt::UTC);
        moved.ownerId = QStringLiteral("u-2");
        moved.changes = {
            change("account_id", QStringLiteral("acc-1"), QStringLiteral("acc-2")),
            change("expected_close_date", QStringLiteral("2026-09-30"),
                   QStringLiteral("2026-10-15")),
            change("is_archived", false, true),
            change("owner_id", QStringLiteral("u-1"), QStringLiteral("u-2")),
            change("probability", 50, 75),
            change("stage", QStringLiteral("proposal"), QStringLiteral("negotiation")),
            change("value", 600, 1250.5),
        };
        DetailPanel panel;
        panel.showRecord(pilot(),
                         QList<OpportunityUpdate>{moved, creationBy(QStringLiteral("u-1"))},
                         PeopleBook(), knownNames());
        const QStringList entries = panel.historyTexts();
        QCOMPARE(entries.size(), 2);
        const QStringList lines = entries.first().split(QLatin1Char('\n'));
        const QLocale locale;
        const QStringList expected{
            locale.toString(moved.createdAt.toLocalTime(), QLocale::ShortFormat) +
                QStringLiteral(" · ") + iso(QStringLiteral("Bob")),
            QStringLiteral("Account: ") + iso(QStringLiteral("Acme")) + QStringLiteral(" → ") +
                iso(QStringLiteral("Globex")),
            QStringLiteral("Expected close: ") +
                locale.toString(QDate(2026, 9, 30), QLocale::ShortFormat) + QStringLiteral(" → ") +
                locale.toString(QDate(2026, 10, 15), QLocale::ShortFormat),
            QStringLiteral("Archived"),
            QStringLiteral("Owner: ") + iso(QStringLiteral("Alice")) + QStringLiteral(" → ") +
                iso(QStringLiteral("Bob")),
            QStringLiteral("Probability: 50% → 75%"),
            QStringLiteral("Stage: Proposal → Negotiation"),
            QStringLiteral("Value: ") + formatMoney(600, QStringLiteral("GBP")) +
                QStringLiteral(" → ") + formatMoney(1250.5, QStringLiteral("GBP")),
        };
        QCOMPARE(lines, expected);
        // No id the rep never typed.
        for (const QString &id : {QStringLiteral("acc-1"), QStringLiteral("acc-2"),
                                  QStringLiteral("u-1"), QStringLiteral("u-2")})
            QVERIFY2(!panel.historyTexts().join(QLatin1Char('\n')).contains(id), qPrintable(id));
    }

    void amountsKeepTheCurrencyTheyHadThen()
    {
        // Newest first: the currency went from USD to EUR; the value before that was in USD.
        OpportunityUpdate switched;
        switched.createdAt = QDateTime(QDate(2026, 6, 1), QTime(9, 0), Qt::UTC);
        switched.ownerId = QStringLiteral("u-1");
        switched.changes = {change("currency", QStringLiteral("USD"), QStringLiteral("EUR")),
                            change("value", 1000, 900)};
        OpportunityUpdate raised;
        raised.createdAt = QDateTime(QDate(2026, 5, 1), QTime(9, 0), Qt::UTC);
        raised.ownerId = QStringLiteral("u-1");
        raised.changes = {change("value", 800, 1000)};
        CachedOpportunity record = pilot();
        record.opportunity.currency = QStringLiteral("EUR");
        DetailPanel panel;
        panel.showRecord(record, QList<OpportunityUpdate>{switched, raised}, PeopleBook(),
                         knownNames());
        const QStringList entries = panel.historyTexts();
        QCOMPARE(entries.size(), 2);
        QVERIFY2(entries.at(0).contains(
                     QStringLiteral("Value: ") + formatMoney(1000, QStringLiteral("USD")) +
                     QStringLiteral(" → ") + formatMoney(900, QStringLiteral("EUR"))),
                 qPrintable(entries.at(0)));
        QVERIFY2(entries.at(1).contains(
                     QStringLiteral("Value: ") + formatMoney(800, QStringLiteral("USD")) +
                     QStringLiteral(" → ") + formatMoney(1000, QStringLiteral("USD"))),
                 qPrintable(entries.at(1)));
    }

    void unknownIdsAreShownAsSentIsolated()
    {
        // An account or person this computer has no name for: the id, isolated, rather than
        // nothing.
        OpportunityUpdate update;
        update.createdAt = QDateTime(QDate(2026, 5, 1), QTime(9, 0), Qt::UTC);
        update.ownerId = QStringLiteral("u-9");
        update.changes = {change("account_id", none, QStringLiteral("acc-9"))};
        DetailPanel panel;
        panel.showRecord(pilot(), QList<OpportunityUpdate>{update}, PeopleBook(), knownNames());
        const QString entry = panel.historyTexts().value(0);
        QVERIFY2(entry.contains(iso(QStringLiteral("u-9"))), qPrintable(entry));
        QVERIFY2(entry.contains(QStringLiteral("Account: — → ") + iso(QStringLiteral("acc-9"))),
                 qPrintable(entry));
    }

    void serverTextCannotReorderItsSurroundings()
    {
        CachedOpportunity record;
        record.opportunity.id = QStringLiteral("a");
        record.opportunity.name = QStringLiteral("Deal");
        record.state = SyncState::Failed;
        record.syncError = QStringLiteral("refused ") + rightToLeftOverride + QStringLiteral("xyz");
        OpportunityUpdate update;
        update.createdAt = QDateTime(QDate(2026, 5, 1), QTime(9, 0), Qt::UTC);
        update.ownerId = QStringLiteral("owner") + rightToLeftOverride + QStringLiteral("42");
        FieldChange change;
        change.field = QStringLiteral("name");
        change.from =
            QJsonValue(QStringLiteral("abc") + rightToLeftOverride + QStringLiteral("def"));
        change.to = QJsonValue(QStringLiteral("Zulu"));
        update.changes.append(change);
        OpportunityUpdate created;
        created.createdAt = QDateTime(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC);
        created.ownerId = QStringLiteral("someone");

        DetailPanel panel;
        panel.showRecord(record, QList<OpportunityUpdate>{update, created}, PeopleBook());
        const QStringList texts = panel.shownTexts();

        // "Name: abc<RLO>def → Zulu": the arrow stays before the new value, left to right.
        const QString changeLine = lineWith(texts, QStringLiteral("Zulu"));
        QVERIFY(!changeLine.isEmpty());
        QVERIFY(changeLine.contains(rightToLeftOverride)); // shown, not dropped
        QVERIFY2(xOf(changeLine, changeLine.indexOf(QStringLiteral("→"))) <
                     xOf(changeLine, changeLine.indexOf(QStringLiteral("Zulu"))),
                 "the override in the old value moved the arrow past the new value");

        // "when · owner<RLO>42": the date stays left of the owner.
        const QString whoLine = lineWith(texts, QStringLiteral("owner"));
        QVERIFY(!whoLine.isEmpty());
        const qsizetype dot = whoLine.indexOf(QStringLiteral("·"));
        QVERIFY2(xOf(whoLine, 0) < xOf(whoLine, dot) &&
                     xOf(whoLine, dot) < xOf(whoLine, whoLine.indexOf(QStringLiteral("owner"))),
                 "the override in the owner moved the date");

        // The server's refusal is shown as it came, override included.
        QVERIFY(!lineWith(texts, QStringLiteral("refused ") + rightToLeftOverride).isEmpty());
    }
};

QTEST_MAIN(TestDetailPanel)
#include "tst_detailpanel.moc"
