// The list repaints on every search keystroke: its scroll bar from a picture while it looks the
// same, its plain cells' text from laid-out lines. Both must look as Qt's own drawing does: the
// handle where the rows are, text aligned, elided to the column, and new text once it changes.
#include "CachedScrollBar.h"
#include "ItemRoles.h"
#include "ListCellDelegate.h"
#include "StageChipDelegate.h"

#include <QHeaderView>
#include <QImage>
#include <QStandardItemModel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTest>

namespace {

QImage shot(QWidget &widget)
{
    return widget.grab().toImage().convertToFormat(QImage::Format_ARGB32);
}

// The columns of `image` where anything differs from its top-left pixel (the cell's background),
// within `row`: {first, last}, or {-1, -1}.
std::pair<int, int> inkColumns(const QImage &image, const QRect &row)
{
    const QRgb background = image.pixel(row.left() + 1, row.top() + 1);
    int first = -1;
    int last = -1;
    for (int x = row.left(); x <= row.right(); ++x) {
        for (int y = row.top(); y <= row.bottom(); ++y) {
            if (image.pixel(x, y) != background) {
                if (first < 0)
                    first = x;
                last = x;
                break;
            }
        }
    }
    return {first, last};
}

} // namespace

class TestListPainting final : public QObject
{
    Q_OBJECT

private slots:
    void scrollBarRepaintsOnlyWhenItsLookChanges()
    {
        CachedScrollBar bar(Qt::Vertical);
        QScrollBar plain(Qt::Vertical);
        for (QScrollBar *each : {static_cast<QScrollBar *>(&bar), &plain}) {
            each->resize(16, 400);
            each->setRange(0, 100000);
            each->setPageStep(20);
        }
        const QImage first = shot(bar);
        QCOMPARE(first, shot(plain));
        const int drawn = bar.drawnCount();
        QVERIFY(drawn >= 1);

        // Fewer rows (a keystroke): the handle keeps its least length at the top.
        bar.setRange(0, 30000);
        plain.setRange(0, 30000);
        QCOMPARE(shot(bar), first);
        QCOMPARE(shot(plain), first);
        QCOMPARE(bar.drawnCount(), drawn);

        // Scrolled, or so few rows that the handle grows: drawn anew, as QScrollBar draws it.
        for (int value : {15000, 0}) {
            bar.setValue(value);
            plain.setValue(value);
            QCOMPARE(shot(bar), shot(plain));
        }
        bar.setRange(0, 40);
        plain.setRange(0, 40);
        const QImage few = shot(bar);
        QCOMPARE(few, shot(plain));
        QVERIFY(few != first);
        QVERIFY(bar.drawnCount() > drawn);
    }

    void cellsAlignAndElideAsQtDoes()
    {
        QStandardItemModel model(2, 2);
        model.setItem(0, 0,
                      new QStandardItem(QStringLiteral("Søndergaard Group — Enterprise License")));
        model.setItem(1, 0, new QStandardItem(QStringLiteral("Short")));
        for (int row = 0; row < 2; ++row) {
            auto *amount = new QStandardItem(QStringLiteral("1,234,567 USD"));
            amount->setData(QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter),
                            Qt::TextAlignmentRole);
            model.setItem(row, 1, amount);
        }
        QTableView cached;
        QTableView plain;
        cached.setItemDelegate(new ListCellDelegate(&cached));
        for (QTableView *view : {&cached, &plain}) {
            view->setModel(&model);
            view->setShowGrid(false);
            view->verticalHeader()->hide();
            view->horizontalHeader()->hide();
            view->setColumnWidth(0, 120); // the long name elided
            view->setColumnWidth(1, 160);
            view->resize(320, 120);
            view->setTextElideMode(Qt::ElideRight);
            view->setWordWrap(false);
        }
        for (int pass = 0; pass < 2; ++pass) { // laid out, then from the cache
            const QImage a = shot(*cached.viewport());
            const QImage b = shot(*plain.viewport());
            for (int row = 0; row < 2; ++row) {
                for (int column = 0; column < 2; ++column) {
                    const QRect cell = cached.visualRect(model.index(row, column));
                    const auto [aFirst, aLast] = inkColumns(a, cell);
                    const auto [bFirst, bLast] = inkColumns(b, cell);
                    QVERIFY(aFirst >= 0);
                    // The same start (left) or end (right), within a pixel of rounding.
                    if (column == 0)
                        QVERIFY2(std::abs(aFirst - bFirst) <= 1,
                                 qPrintable(QString::number(aFirst - bFirst)));
                    else
                        QVERIFY2(std::abs(aLast - bLast) <= 1,
                                 qPrintable(QString::number(aLast - bLast)));
                    QVERIFY2(std::abs((aLast - aFirst) - (bLast - bFirst)) <= 2,
                             qPrintable(QString::number((aLast - aFirst) - (bLast - bFirst))));
                    QVERIFY(aLast < cell.right());
                }
            }
        }
    }

    void cellsShowNewTextAndNewWidths()
    {
        QStandardItemModel model(1, 1);
        model.setItem(0, 0,
                      new QStandardItem(QStringLiteral("Søndergaard Group — Enterprise License")));
        QTableView view;
        auto *delegate = new ListCellDelegate(&view);
        view.setItemDelegate(delegate);
        view.setModel(&model);
        view.setShowGrid(false);
        view.verticalHeader()->hide();
        view.horizontalHeader()->hide();
        view.setTextElideMode(Qt::ElideRight);
        view.setWordWrap(false);
        view.resize(400, 100);
        view.setColumnWidth(0, 360);
        const QRect cell = view.visualRect(model.index(0, 0));
        const auto whole = inkColumns(shot(*view.viewport()), cell);
        // Narrower: elided to the new width, not drawn as laid out for the old one.
        view.setColumnWidth(0, 100);
        const auto narrow = inkColumns(shot(*view.viewport()), view.visualRect(model.index(0, 0)));
        QVERIFY(narrow.second < view.visualRect(model.index(0, 0)).right());
        QVERIFY(narrow.second < whole.second);
        // New text in the same cell: the new text, not the old one's lines.
        view.setColumnWidth(0, 360);
        model.item(0, 0)->setText(QStringLiteral("Ab"));
        const auto changed = inkColumns(shot(*view.viewport()), cell);
        QVERIFY(changed.second < whole.second - 100);
        QVERIFY(delegate->cachedLines() >= 2);
    }
    // Chips are copied from pictures: each stage, label and width still shows as its own.
    void stageChipsShowTheirOwnStageAndWidth()
    {
        QStandardItemModel model(1, 1);
        QTableView view;
        view.setItemDelegate(new StageChipDelegate(&view));
        view.setModel(&model);
        view.setShowGrid(false);
        view.verticalHeader()->hide();
        view.horizontalHeader()->hide();
        view.resize(300, 80);
        view.setColumnWidth(0, 200);
        const auto chipOf = [&](const QString &label, int stage) {
            auto *item = new QStandardItem(label);
            item->setData(stage, ItemRoles::StageRole);
            model.setItem(0, 0, item);
            return shot(*view.viewport()).copy(view.visualRect(model.index(0, 0)));
        };
        const QImage qualification = chipOf(QStringLiteral("Qualification"), 1);
        const QImage proposal = chipOf(QStringLiteral("Proposal"), 2);
        QVERIFY(qualification != proposal);
        QCOMPARE(chipOf(QStringLiteral("Qualification"), 1), qualification);
        // The same label in another stage's colour.
        QVERIFY(chipOf(QStringLiteral("Qualification"), 3) != qualification);
        // A narrower column: a narrower chip, its label elided.
        view.setColumnWidth(0, 60);
        const QImage narrow = chipOf(QStringLiteral("Qualification"), 1);
        const auto [first, last] = inkColumns(narrow, narrow.rect());
        QVERIFY(last < 60);
        QVERIFY(narrow != qualification.copy(narrow.rect()));
    }
};

QTEST_MAIN(TestListPainting)
#include "tst_listpainting.moc"
