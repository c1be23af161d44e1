// The board on a small screen and what its cards say: at 1024×700 the window fits the screen,
// the filter bar, the detail and every column's title and figures are whole (the board scrolls
// sideways rather than cut them); cards show the deal's own part of its name and never a raw
// owner id.
#include "BoardView.h"
#include "CardText.h"
#include "DetailPanel.h"
#include "FilterBar.h"
#include "ItemRoles.h"
#include "MainWindow.h"
#include "SampleRows.h"
#include "SeededBoard.h"
#include "StageColumnProxy.h"
#include "StageTotalsView.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QPaintEngine>
#include <QPainter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>

using SampleRows::id;

namespace {

// A paint device that keeps the text drawn on it.
class TextEngine final : public QPaintEngine
{
public:
    explicit TextEngine(QStringList &texts)
        : m_texts(texts)
    {}
    bool begin(QPaintDevice *) override { return true; }
    bool end() override { return true; }
    void updateState(const QPaintEngineState &) override {}
    void drawPixmap(const QRectF &, const QPixmap &, const QRectF &) override {}
    void drawPolygon(const QPointF *, int, PolygonDrawMode) override {}
    void drawTextItem(const QPointF &, const QTextItem &item) override
    {
        m_texts.append(item.text());
    }
    Type type() const override { return User; }

private:
    QStringList &m_texts;
};

class TextDevice final : public QPaintDevice
{
public:
    TextDevice(QSize size, QStringList &texts)
        : m_size(size)
        , m_engine(texts)
    {}
    QPaintEngine *paintEngine() const override { return &m_engine; }

protected:
    int metric(PaintDeviceMetric metric) const override
    {
        switch (metric) {
        case PdmWidth:
            return m_size.width();
        case PdmHeight:
            return m_size.height();
        case PdmDpiX:
        case PdmDpiY:
        case PdmPhysicalDpiX:
        case PdmPhysicalDpiY:
            return 96;
        case PdmDepth:
            return 32;
        case PdmDevicePixelRatio:
            return 1;
        case PdmDevicePixelRatioScaled:
            return static_cast<int>(devicePixelRatioFScale());
        default:
            return QPaintDevice::metric(metric);
        }
    }

private:
    QSize m_size;
    mutable TextEngine m_engine;
};

// Paints into a TextDevice; `texts` is what was written.
struct RecordingPainter
{
    explicit RecordingPainter(QSize size)
        : device(size, texts)
        , painter(&device)
    {}
    QStringList texts;
    TextDevice device;
    QPainter painter;
};

} // namespace

class TestBoardLayout final : public QObject, private SeededBoard
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void init() { setUpBoard(); }

    void cleanup() { tearDownBoard(); }

    void aSmallScreenKeepsTheBoardUsable()
    {
        // What makes widths grow: long account and owner names, a column of many deals.
        QList<Account> accounts = m_seeded->store.accounts().value();
        for (int n = 0; n < 3; ++n) {
            Account account;
            account.id = QStringLiteral("acct-long-%1").arg(n);
            account.name =
                QStringLiteral("Château Lumière Holdings International (São Paulo) %1").arg(n);
            accounts.append(account);
        }
        QVERIFY(m_seeded->store.storeAccounts(accounts));
        // A collapsed column whose count grows after it was collapsed.
        m_board->setCollapsed(Stage::ClosedLost, true);
        for (int n = 100; n < 1100; ++n)
            addDeal(n, Stage::ClosedLost, QDate(2026, 3, 1), false);
        for (int n = 1100; n < 1400; ++n)
            addDeal(n, Stage::Qualification, QDate(2026, 8, 1), false);
        addDeal(99, Stage::Negotiation, QDate(2026, 8, 1), true,
                QStringLiteral("google-oauth2|104857600123456789012"));
        QCoreApplication::processEvents();
        m_window->resize(1024, 700);
        QCoreApplication::processEvents();
        QVERIFY2(m_window->minimumSizeHint().width() <= 1024,
                 qPrintable(QString::number(m_window->minimumSizeHint().width())));
        QVERIFY2(m_window->width() <= 1024, qPrintable(QString::number(m_window->width())));
        QVERIFY2(m_window->height() <= 700, qPrintable(QString::number(m_window->height())));
        // The filter bar's every control whole and inside the window.
        FilterBar *bar = m_window->filterBar();
        for (QWidget *control : std::initializer_list<QWidget *>{
                 bar->searchField(), bar->stageButton(), bar->accountBox(), bar->ownerBox(),
                 bar->archivedBox()}) {
            QVERIFY2(control->width() >= control->minimumSizeHint().width(),
                     control->metaObject()->className());
            const QRect inWindow(control->mapTo(m_window, QPoint(0, 0)), control->size());
            QVERIFY2(m_window->rect().contains(inWindow), control->metaObject()->className());
        }
        // The detail beside the board, whole.
        QVERIFY(m_window->detail()->isVisible());
        QVERIFY(m_window->detail()->width() >= m_window->detail()->minimumSizeHint().width());
        // Every column's title and figures whole (scrolled to, perhaps, never cut).
        QVERIFY(m_board->headerText(Stage::ClosedLost).startsWith(QStringLiteral("Closed lost")));
        for (Stage stage : Stages::all()) {
            const QLabel *title = m_board->columnTitle(stage);
            QVERIFY2(title->fontMetrics().horizontalAdvance(title->text()) <=
                         title->contentsRect().width(),
                     qPrintable(title->text()));
            const StageTotalsView *totals = m_board->columnTotals(stage);
            if (totals->isHidden())
                continue;
            QVERIFY(!totals->cells().isEmpty());
            for (const StageTotalsView::Cell &cell : totals->cells()) {
                QVERIFY2(totals->fontMetrics().horizontalAdvance(cell.text) <= cell.area.width() &&
                             totals->rect().contains(cell.area),
                         qPrintable(QStringLiteral("%1: %2").arg(Stages::label(stage), cell.text)));
            }
        }
        if (const QByteArray shots = qgetenv("KASHEW_SHOTS"); !shots.isEmpty())
            m_window->grab().save(QString::fromLocal8Bit(shots) +
                                  QStringLiteral("/board-1024.png"));
    }

    void cardsShowTheDealAndTheOwnerReadably()
    {
        // The pure rules.
        QCOMPARE(CardText::titleOf(QStringLiteral("Acme Corp — Pilot"),
                                   QStringLiteral("Acme Corp (Berlin)")),
                 QStringLiteral("Pilot"));
        QCOMPARE(CardText::titleOf(QStringLiteral("MÜLLER – Renewal"), QStringLiteral("Müller")),
                 QStringLiteral("Renewal"));
        QCOMPARE(CardText::titleOf(QStringLiteral("Acme - Pilot"), QStringLiteral("Acme")),
                 QStringLiteral("Pilot"));
        for (const auto &[name, account] : QList<QPair<QString, QString>>{
                 {QStringLiteral("Acme — Pilot"), QString()},                // no account shown
                 {QStringLiteral("Acme — Pilot"), QStringLiteral("Acmeco")}, // not its words
                 {QStringLiteral("Acme Corp — Pilot"), QStringLiteral("Acme")},
                 {QStringLiteral("Globex — Pilot"), QStringLiteral("Acme")},
                 {QStringLiteral("Coca-Cola renewal"), QStringLiteral("Coca")},
                 {QStringLiteral("Acme —"), QStringLiteral("Acme")}, // nothing after it
                 {QStringLiteral("Pilot"), QStringLiteral("Acme")}})
            QCOMPARE(CardText::titleOf(name, account), name);
        // How an unknown owner id is shortened: PeopleBook's rule (tst_peoplebook).

        // A card as the board paints it, from a demo-like record.
        Opportunity o = m_seeded->store.opportunity(id(1))->opportunity;
        o.name = QStringLiteral("Müller AG — Enterprise License");
        o.accountName = QStringLiteral("Müller AG (Lyon)");
        o.ownerId = QStringLiteral("auth0|63d2e8b410");
        QVERIFY(m_seeded->store.mergeServerRecord(o, QByteArray()));
        const QModelIndex card = m_board->columnProxy(Stage::Proposal)->index(0, 0);
        QCOMPARE(card.data(ItemRoles::Id).toString(), id(1));
        const CardText text = CardText::of(card);
        QCOMPARE(text.title, QStringLiteral("Enterprise License"));
        QCOMPARE(text.account, QStringLiteral("Müller AG (Lyon)"));
        QCOMPARE(text.owner, QStringLiteral("63d2e8b4\u2026"));
        QCOMPARE(text.ownerInFull, QStringLiteral("63d2e8b4\u2026 (auth0|63d2e8b410)"));
        // And what the card paints: the title, never the raw owner id.
        QListView *view = m_board->columnView(Stage::Proposal);
        RecordingPainter painted(view->visualRect(card).size());
        QStyleOptionViewItem option;
        option.initFrom(view);
        option.rect = QRect(QPoint(0, 0), view->visualRect(card).size());
        view->itemDelegate()->paint(&painted.painter, option, card);
        const QString all = painted.texts.join(QLatin1Char('|'));
        QVERIFY2(painted.texts.contains(QStringLiteral("Enterprise License")), qPrintable(all));
        QVERIFY2(!all.contains(QStringLiteral("auth0")), qPrintable(all));
        QVERIFY2(!all.contains(QStringLiteral("Müller AG —")), qPrintable(all));
    }
};

QTEST_MAIN(TestBoardLayout)
#include "tst_boardlayout.moc"
