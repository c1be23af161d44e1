// DetailPanel with hostile server text: a right-to-left override in a value, an owner or an error
// is shown, but reorders only itself, never the words and figures around it.
#include "DetailPanel.h"

#include <QApplication>
#include <QJsonValue>
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

} // namespace

class TestDetailPanel final : public QObject
{
    Q_OBJECT

private slots:
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
        panel.showRecord(record, QList<OpportunityUpdate>{update, created}, QString());
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
