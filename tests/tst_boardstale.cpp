// Stale deals on the board (issue 15): a stale card shows an amber clock with its days and says
// "No change for 23 days" in its tooltip; each open column's header counts its stale cards (the
// count matching a hand count under a filter, a stale-only filter, a rule change, a new today and
// a move, which is a change); closed columns never count or mark any. Every column under
// QAbstractItemModelTester.
#include "BoardView.h"
#include "CardDelegate.h"
#include "CardText.h"
#include "EnglishPlurals.h"
#include "FilterBar.h"
#include "ItemRoles.h"
#include "LocalZone.h"
#include "MainWindow.h"
#include "OpportunityListModel.h"
#include "SampleRows.h"
#include "SeededBoard.h"
#include "StageColumnProxy.h"
#include "StagePartition.h"
#include "StaleCountLabel.h"
#include "StaleMark.h"

#include <QAbstractItemModelTester>
#include <QHelpEvent>
#include <QImage>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QPainter>
#include <QStandardPaths>
#include <QTest>
#include <QToolTip>
#include <cmath>
#include <optional>

using SampleRows::id;

namespace {

// A deal last changed at 09:00 UTC on `changed`.
OpportunityRow deal(int n, Stage stage, const QDate &changed)
{
    OpportunityRow row;
    Opportunity &o = row.opportunity;
    o.id = id(n);
    o.name = QStringLiteral("Deal %1").arg(n);
    o.stage = stage;
    o.value = 1000;
    o.currency = QStringLiteral("EUR");
    o.probability = 50;
    o.expectedCloseDate = QDate(2026, 3, n % 28 + 1);
    o.createdAt = o.updatedAt = QDateTime(changed, QTime(9, 0), Qt::UTC);
    return row;
}

// WCAG's contrast ratio of two colours.
double contrast(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto linear = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF()) + 0.0722 * linear(c.blueF());
    };
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QPalette darkPalette()
{
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::WindowText, Qt::white);
    dark.setColor(QPalette::Base, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::Text, Qt::white);
    dark.setColor(QPalette::Highlight, QColor(0x2a, 0x82, 0xda));
    return dark;
}

} // namespace

class TestBoardStale final : public QObject, private SeededBoard
{
    Q_OBJECT

    EnglishPlurals m_plurals;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCoreApplication::installTranslator(&m_plurals);
        // Days are local calendar days: fixed here, restored after.
        m_zone.emplace("UTC");
    }

    void cleanupTestCase() { m_zone.reset(); }

    void init()
    {
        setUpBoard();
        if (QTest::currentTestFailed())
            return;
        recordCloseConfirmations(); // answered yes
    }

    void cleanup() { tearDownBoard(); }

    void aStaleCardShowsAnAmberClockWithItsDays()
    {
        // Sample deals were last changed on 1 January: 23 days on the 24th, stale in every open
        // stage (7, 14, 14, 10 days built in).
        m_seeded->model.setToday(QDate(2026, 1, 24));
        QCoreApplication::processEvents();
        QListView *view = m_board->columnView(Stage::Proposal);
        const QModelIndex card = m_board->columnProxy(Stage::Proposal)->index(0, 0);
        QCOMPARE(card.data(ItemRoles::Id).toString(), id(1));
        QCOMPARE(CardText::of(card).staleDays.value_or(-1), 23);
        QVERIFY(CardDelegate::toolTipText(card).contains(QStringLiteral("No change for 23 days")));
        // The tooltip as the user gets it, by hovering.
        const QPoint centre = view->visualRect(card).center();
        QHelpEvent help(QEvent::ToolTip, centre, view->viewport()->mapToGlobal(centre));
        QCoreApplication::sendEvent(view->viewport(), &help);
        QVERIFY2(QToolTip::text().contains(QStringLiteral("No change for 23 days")),
                 qPrintable(QToolTip::text()));
        QToolTip::hideText();

        // The mark: in the card's corner, clear of the name, the sync marker and the last line.
        const QStyleOptionViewItem option = optionFor(view, card);
        const QRect mark = CardDelegate::staleMarkRect(option, card);
        QVERIFY(!mark.isNull());
        QVERIFY(option.rect.contains(mark));
        const int line = option.fontMetrics.height() + 2;
        QVERIFY2(mark.top() >= option.rect.top() + line &&
                     mark.bottom() < option.rect.top() + 3 * line,
                 "on the account's line, below the name and its sync marker, above the date");
        QVERIFY(!mark.intersects(CardDelegate::ownerAvatarRect(option, card)));
        QVERIFY(mark.width() >= option.fontMetrics.horizontalAdvance(StaleMark::badge(23)));
        // Painted amber, in the light palette and in a dark one.
        for (const QPalette &palette : {view->palette(), darkPalette()}) {
            const QColor amber = StaleMark::color(palette.color(QPalette::Base));
            const QImage painted = paintCard(view, card, palette);
            if (const QByteArray shots = qgetenv("KASHEW_SHOTS"); !shots.isEmpty())
                painted.save(QString::fromLocal8Bit(shots) +
                             QStringLiteral("/stale-card-%1.png").arg(amber.name().mid(1)));
            QVERIFY2(amberPixels(painted, mark, amber) >= 12, qPrintable(amber.name()));
        }

        // Four days after the change the deal is fresh: no mark, no words.
        m_seeded->model.setToday(QDate(2026, 1, 5));
        QVERIFY(!CardText::of(card).staleDays);
        QVERIFY(CardDelegate::staleMarkRect(option, card).isNull());
        QVERIFY(!CardDelegate::toolTipText(card).contains(QStringLiteral("No change")));
        const QColor amber = StaleMark::color(view->palette().color(QPalette::Base));
        QCOMPARE(amberPixels(paintCard(view, card, view->palette()), mark, amber), 0);
    }

    void theAmberReadsOnLightAndDarkPalettes()
    {
        const QPalette light = m_board->palette();
        const QPalette dark = darkPalette();
        for (const QColor &background :
             {light.color(QPalette::Base), light.color(QPalette::Window), QColor(Qt::white),
              dark.color(QPalette::Base), dark.color(QPalette::Window), QColor(Qt::black)}) {
            const double ratio = contrast(StaleMark::color(background), background);
            QVERIFY2(ratio >= 4.5,
                     qPrintable(QStringLiteral("%1 on %2: %3")
                                    .arg(StaleMark::color(background).name(), background.name())
                                    .arg(ratio)));
        }
        // The header's count follows the palette it is shown in.
        m_seeded->model.setToday(QDate(2026, 1, 24));
        QCoreApplication::processEvents();
        StaleCountLabel *label = m_board->columnStale(Stage::Proposal);
        label->setPalette(dark);
        QVERIFY(contrast(label->palette().color(QPalette::WindowText),
                         dark.color(QPalette::Window)) >= 4.5);
        label->setPalette(light);
        QVERIFY(contrast(label->palette().color(QPalette::WindowText),
                         light.color(QPalette::Window)) >= 4.5);
    }

    void eachOpenColumnCountsItsStaleDeals()
    {
        // On 12 January the sample deals are 11 days old: stale in Prospecting (7) and
        // Negotiation (10), not in Qualification or Proposal (14).
        store({deal(100, Stage::Qualification, QDate(2025, 12, 1)),
               deal(101, Stage::Qualification, QDate(2026, 1, 11)),
               deal(102, Stage::ClosedWon, QDate(2025, 6, 1))});
        m_seeded->model.setToday(QDate(2026, 1, 12));
        QCoreApplication::processEvents();
        const QHash<Stage, int> expected{{Stage::Prospecting, 1}, {Stage::Qualification, 1},
                                         {Stage::Proposal, 0},    {Stage::Negotiation, 1},
                                         {Stage::ClosedWon, 0},   {Stage::ClosedLost, 0}};
        for (Stage stage : Stages::all()) {
            QCOMPARE(m_board->columnProxy(stage)->staleCount(), expected.value(stage));
            QCOMPARE(m_board->columnProxy(stage)->staleCount(), handCount(stage));
            const StaleCountLabel *label = m_board->columnStale(stage);
            QCOMPARE(label->text().isEmpty(), expected.value(stage) == 0); // "0 stale" never
            if (expected.value(stage) > 0)
                QCOMPARE(label->accessibleName(),
                         QStringLiteral("%1 stale").arg(expected.value(stage)));
        }
        QCOMPARE(m_board->columnStale(Stage::Qualification)->toolTip(),
                 QStringLiteral("%1 stale\nNo change for 14 days or more in Qualification")
                     .arg(expected.value(Stage::Qualification)));
        QCOMPARE(m_board->columnStale(Stage::Prospecting)->toolTip(),
                 QStringLiteral("%1 stale\nNo change for 7 days or more in Prospecting")
                     .arg(expected.value(Stage::Prospecting)));

        // Typed into the filter bar: only the deals named "Deal", counted as they show.
        // Across: how tall the totals are follows their currencies (tst_boardheaders).
        QHash<Stage, QPair<int, int>> columnsBefore;
        for (Stage stage : Stages::all()) {
            const QWidget *frame = m_board->columnView(stage)->parentWidget();
            columnsBefore.insert(stage, {frame->x(), frame->width()});
        }
        const int countWidth = m_board->columnStale(Stage::Prospecting)->width();
        QTest::keyClicks(m_window->filterBar()->searchField(), QStringLiteral("Deal"));
        QCoreApplication::processEvents();
        QCoreApplication::processEvents(); // anything the headers asked of the layout, done
        // The counts went, their room stays: no column is laid out again (at 100,000 deals that
        // would cost a keystroke a frame).
        QCOMPARE(m_board->columnStale(Stage::Prospecting)->width(), countWidth);
        for (Stage stage : Stages::all()) {
            const QWidget *frame = m_board->columnView(stage)->parentWidget();
            QCOMPARE(frame->x(), columnsBefore.value(stage).first);
            QCOMPARE(frame->width(), columnsBefore.value(stage).second);
        }
        QCOMPARE(column(Stage::Qualification), (QStringList{id(100), id(101)}));
        QCOMPARE(m_board->columnStale(Stage::Qualification)->accessibleName(),
                 QStringLiteral("1 stale"));
        for (Stage stage : {Stage::Prospecting, Stage::Negotiation}) {
            QCOMPARE(m_board->columnProxy(stage)->staleCount(), 0);
            QVERIFY(m_board->columnStale(stage)->text().isEmpty());
        }
        for (Stage stage : Stages::all())
            QCOMPARE(m_board->columnProxy(stage)->staleCount(), handCount(stage));
    }

    void aStaleOnlyBoardFollowsTheRuleAndToday()
    {
        // The board's own partition and columns, each under the tester, over the window's model.
        OpportunityListModel &model = m_seeded->model;
        store({deal(100, Stage::Qualification, QDate(2025, 12, 1)),
               deal(101, Stage::Negotiation, QDate(2026, 1, 2)),   // 10 days
               deal(102, Stage::Negotiation, QDate(2026, 1, 3))}); // 9 days
        model.setToday(QDate(2026, 1, 12));
        StagePartition partition;
        std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
        for (Stage stage : Stages::all())
            testers.push_back(std::make_unique<QAbstractItemModelTester>(
                partition.column(stage), QAbstractItemModelTester::FailureReportingMode::QtTest));
        partition.setSourceModel(&model);
        OpportunityFilter filter;
        filter.staleOnly = true;
        partition.setFilter(filter);
        const auto ids = [&](Stage stage) {
            QStringList result;
            const StageColumnProxy *column = partition.column(stage);
            for (int row = 0; row < column->rowCount(); ++row)
                result.append(column->index(row, 0).data(ItemRoles::Id).toString());
            return result;
        };
        const auto allCountedStale = [&] {
            for (Stage stage : Stages::all()) {
                if (partition.column(stage)->staleCount() != partition.column(stage)->rowCount())
                    return false;
            }
            return true;
        };
        QCOMPARE(ids(Stage::Prospecting), QStringList{id(3)});
        QCOMPARE(ids(Stage::Qualification), QStringList{id(100)});
        QCOMPARE(ids(Stage::Proposal), QStringList());
        QCOMPARE(ids(Stage::Negotiation), (QStringList{id(101), id(2)})); // by close date
        QCOMPARE(ids(Stage::ClosedWon), QStringList());
        QCOMPARE(ids(Stage::ClosedLost), QStringList());
        QVERIFY(allCountedStale());

        // Negotiation allows 11 days, Qualification's rule is off.
        StaleRule rule = model.staleRule();
        rule.setDays(Stage::Negotiation, 11);
        rule.setDays(Stage::Qualification, 0);
        model.setStaleRule(rule);
        QCOMPARE(ids(Stage::Negotiation), QStringList{id(2)});
        QCOMPARE(ids(Stage::Qualification), QStringList());
        QCOMPARE(ids(Stage::Prospecting), QStringList{id(3)});
        QVERIFY(allCountedStale());

        // Four days on, Proposal's deal (15 days) has gone stale too.
        model.setToday(QDate(2026, 1, 16));
        QCOMPARE(ids(Stage::Proposal), QStringList{id(1)});
        QCOMPARE(ids(Stage::Negotiation), (QStringList{id(101), id(102), id(2)}));
        QVERIFY(allCountedStale());

        // The whole board counts the same as the filtered one.
        partition.setFilter({});
        QCOMPARE(partition.column(Stage::Negotiation)->rowCount(), 3);
        QCOMPARE(partition.column(Stage::Negotiation)->staleCount(), 3);
        QCOMPARE(partition.column(Stage::Qualification)->staleCount(), 0);
        testers.clear();
    }

    void aMovedDealIsFreshAgain()
    {
        // Today as it is (a move takes the clock's time): the sample deals, last changed in
        // January 2026, are long stale.
        m_seeded->model.setToday(QDate::currentDate());
        QVERIFY2(QDate::currentDate() > QDate(2026, 2, 1), "the machine's clock is behind");
        QCoreApplication::processEvents();
        QCOMPARE(m_board->columnProxy(Stage::Prospecting)->staleCount(), 1);
        QCOMPARE(m_board->columnProxy(Stage::Negotiation)->staleCount(), 1);
        QCOMPARE(m_board->columnStale(Stage::Negotiation)->accessibleName(),
                 QStringLiteral("1 stale"));
        // A move is a change: the local edit takes today's time (LocalEdits::edit), so the card
        // arrives fresh and leaves its old column's count.
        QVERIFY(drop(id(3), Stage::Negotiation));
        QCoreApplication::processEvents();
        QCOMPARE(column(Stage::Negotiation), (QStringList{id(2), id(3)}));
        QCOMPARE(m_board->columnProxy(Stage::Prospecting)->staleCount(), 0);
        QVERIFY(m_board->columnStale(Stage::Prospecting)->text().isEmpty());
        QCOMPARE(m_board->columnProxy(Stage::Negotiation)->staleCount(), 1);
        QCOMPARE(m_board->columnStale(Stage::Negotiation)->accessibleName(),
                 QStringLiteral("1 stale"));
        const QModelIndex moved = m_board->columnProxy(Stage::Negotiation)->index(1, 0);
        QCOMPARE(moved.data(ItemRoles::Id).toString(), id(3));
        QVERIFY(!CardText::of(moved).staleDays);
        for (Stage stage : Stages::all())
            QCOMPARE(m_board->columnProxy(stage)->staleCount(), handCount(stage));
    }

    void closedColumnsNeverShowStale()
    {
        // Closed months ago and left alone since: never stale.
        m_seeded->model.setToday(SampleRows::today());
        addDeal(100, Stage::ClosedWon, QDate(2025, 11, 1));
        addDeal(101, Stage::ClosedLost, QDate(2025, 10, 1));
        QVERIFY(drop(id(2), Stage::ClosedWon)); // closing is a change, and closed anyway
        QCoreApplication::processEvents();
        for (Stage stage : {Stage::ClosedWon, Stage::ClosedLost}) {
            StageColumnProxy *proxy = m_board->columnProxy(stage);
            QVERIFY(proxy->rowCount() >= 2);
            QCOMPARE(proxy->staleCount(), 0);
            QVERIFY(m_board->columnStale(stage)->text().isEmpty());
            QListView *view = m_board->columnView(stage);
            for (int row = 0; row < proxy->rowCount(); ++row) {
                const QModelIndex card = proxy->index(row, 0);
                QVERIFY(!card.data(ItemRoles::StaleRole).toBool());
                QVERIFY(CardDelegate::staleMarkRect(optionFor(view, card), card).isNull());
                QVERIFY(!CardDelegate::toolTipText(card).contains(QStringLiteral("No change")));
            }
        }
        // Open columns beside them do count, so the rule is on.
        QCOMPARE(m_board->columnProxy(Stage::Proposal)->staleCount(), 1);
    }

private:
    // Deals as the server sends them, into the window's cache.
    void store(const QList<OpportunityRow> &rows)
    {
        for (const OpportunityRow &row : rows)
            QVERIFY(m_seeded->store.mergeServerRecord(row.opportunity, QByteArray()));
    }

    // The stale cards of a column, counted here from each card's record and the rule.
    int handCount(Stage stage) const
    {
        const StageColumnProxy *proxy = m_board->columnProxy(stage);
        int stale = 0;
        for (int row = 0; row < proxy->rowCount(); ++row) {
            const auto o =
                proxy->index(row, 0).data(ItemRoles::OpportunityRole).value<Opportunity>();
            stale +=
                m_seeded->model.staleRule().isStale(o.stage, o.updatedAt, m_seeded->model.today())
                    ? 1
                    : 0;
        }
        return stale;
    }

    static QStyleOptionViewItem optionFor(QListView *view, const QModelIndex &card)
    {
        QStyleOptionViewItem option;
        option.initFrom(view);
        option.rect = QRect(QPoint(0, 0), view->visualRect(card).size());
        return option;
    }

    static QImage paintCard(QListView *view, const QModelIndex &card, const QPalette &palette)
    {
        QStyleOptionViewItem option = optionFor(view, card);
        option.palette = palette;
        option.state &= ~QStyle::State_Selected;
        QImage image(option.rect.size(), QImage::Format_ARGB32);
        image.fill(palette.color(QPalette::Window));
        QPainter painter(&image);
        view->itemDelegate()->paint(&painter, option, card);
        return image;
    }

    // Pixels within `area` close to `amber` (antialiased edges aside).
    static int amberPixels(const QImage &image, const QRect &area, const QColor &amber)
    {
        int count = 0;
        for (int y = area.top(); y <= area.bottom(); ++y) {
            for (int x = area.left(); x <= area.right(); ++x) {
                const QColor pixel = image.pixelColor(x, y);
                if (std::abs(pixel.red() - amber.red()) + std::abs(pixel.green() - amber.green()) +
                        std::abs(pixel.blue() - amber.blue()) <
                    60)
                    ++count;
            }
        }
        return count;
    }

    std::optional<LocalZone> m_zone;
};

QTEST_MAIN(TestBoardStale)
#include "tst_boardstale.moc"
