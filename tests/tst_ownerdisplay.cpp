// Owners by name with an avatar wherever a deal shows: the list's owner cell (the full id on
// hover, sorted by the shown name), the board's cards, the detail panel and its history. An id
// the people book has no name for shows shortened. A new people book shows everywhere at once.
#include "BoardView.h"
#include "CardDelegate.h"
#include "CardText.h"
#include "DetailPanel.h"
#include "ItemRoles.h"
#include "MainWindow.h"
#include "OpportunityFilterProxy.h"
#include "OpportunityListModel.h"
#include "OwnerDelegate.h"
#include "PersonAvatar.h"
#include "PipelineViews.h"
#include "SampleRows.h"
#include "SeededBoard.h"
#include "ServerText.h"
#include "StageColumnProxy.h"

#include <QAbstractItemModelTester>
#include <QHash>
#include <QHeaderView>
#include <QJsonValue>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <algorithm>

using SampleRows::id;

namespace {

const QString unknownId = QStringLiteral("auth0|5f1c9a7e2b4d");

Person person(const char *id, const char *name)
{
    return Person{QString::fromLatin1(id), QString::fromUtf8(name), QString()};
}

// The colour most pixels of `area` have: an avatar's fill (the circle is most of its square;
// the initials and the corners are less).
QColor dominantColour(const QImage &image, const QRect &area)
{
    QHash<QRgb, int> counts;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x)
            ++counts[image.pixel(x, y)];
    }
    const auto most = std::max_element(counts.cbegin(), counts.cend());
    return most == counts.cend() ? QColor() : QColor(most.key());
}

QColor avatarColourIn(QWidget *widget, const QRect &avatar)
{
    return dominantColour(widget->grab().toImage(), avatar);
}

} // namespace

class TestOwnerDisplay final : public QObject, private SeededBoard
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void init()
    {
        setUpBoard();
        m_listTester = std::make_unique<QAbstractItemModelTester>(
            m_window->proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        // Sample rows: ana owns 1 (Proposal) and 3, ben 2 and 4, cy 5 and 7. A deal of someone
        // the book does not know, on the board's first column.
        addDeal(8, Stage::Prospecting, QDate(2026, 6, 1), true, unknownId);
        PeopleBook people;
        people.insert(person("ana", "Ana Maria Souza"));
        people.insert(person("ben", "Bruno Lima"));
        m_seeded->model.setPeople(people);
    }

    void cleanup()
    {
        m_listTester.reset();
        tearDownBoard();
    }

    void listShowsOwnersByNameWithTheFullIdOnHover()
    {
        showList();
        QCOMPARE(ownerCell(id(1)).data().toString(), QStringLiteral("Ana Maria Souza"));
        QVERIFY2(ownerCell(id(1))
                     .data(Qt::ToolTipRole)
                     .toString()
                     .contains(QStringLiteral("Ana Maria Souza (ana)")),
                 qPrintable(ownerCell(id(1)).data(Qt::ToolTipRole).toString()));
        // Unknown: shortened in the cell, whole on hover.
        QCOMPARE(ownerCell(id(8)).data().toString(), QStringLiteral("5f1c9a7e\u2026"));
        QVERIFY2(ownerCell(id(8)).data(Qt::ToolTipRole).toString().contains(unknownId),
                 qPrintable(ownerCell(id(8)).data(Qt::ToolTipRole).toString()));
        // The avatar before the name, in the person's colour.
        for (const auto &[record, owner] :
             {std::pair{id(1), QStringLiteral("ana")}, std::pair{id(8), unknownId}}) {
            const QRect cell = m_window->table()->visualRect(ownerCell(record));
            QVERIFY(!cell.isEmpty());
            QCOMPARE(avatarColourIn(m_window->table()->viewport(), OwnerDelegate::avatarRect(cell)),
                     PersonAvatar::colour(owner));
        }
        saveShot(QStringLiteral("owners-list.png"));
    }

    void ownerColumnSortsByShownName()
    {
        showList();
        m_window->table()->sortByColumn(OpportunityListModel::Owner, Qt::AscendingOrder);
        // "5f1c9a7e…", then Ana Maria Souza's, Bruno Lima's, cy's (live deals only).
        QCOMPARE(ownersInListOrder(),
                 (QStringList{QStringLiteral("5f1c9a7e\u2026"), QStringLiteral("Ana Maria Souza"),
                              QStringLiteral("Ana Maria Souza"), QStringLiteral("Bruno Lima"),
                              QStringLiteral("Bruno Lima"), QStringLiteral("cy"),
                              QStringLiteral("cy")}));
        PeopleBook renamed = m_seeded->model.people();
        renamed.insert(person("cy", "Aaron Cyr"));
        m_seeded->model.setPeople(renamed);
        QCOMPARE(ownersInListOrder().mid(0, 3),
                 (QStringList{QStringLiteral("5f1c9a7e\u2026"), QStringLiteral("Aaron Cyr"),
                              QStringLiteral("Aaron Cyr")}));
    }

    void cardsShowTheOwnersAvatarAndName()
    {
        for (const auto &[record, stage, owner, shown] :
             {std::tuple{id(1), Stage::Proposal, QStringLiteral("ana"),
                         QStringLiteral("Ana Maria Souza")},
              std::tuple{id(8), Stage::Prospecting, unknownId, QStringLiteral("5f1c9a7e\u2026")}}) {
            const QModelIndex card = cardOf(record, stage);
            QVERIFY(card.isValid());
            const CardText text = CardText::of(card);
            QCOMPARE(text.owner, shown);
            // The tooltip names the owner in full.
            QVERIFY2(text.ownerInFull.contains(owner), qPrintable(text.ownerInFull));
            QCOMPARE(avatarColourOn(card, stage), PersonAvatar::colour(owner));
        }
        QCOMPARE(CardText::of(cardOf(id(1), Stage::Proposal)).ownerInFull,
                 QStringLiteral("Ana Maria Souza (ana)"));
        select(id(1));
        saveShot(QStringLiteral("owners-board.png"));
    }

    void detailAndHistoryNameThePeople()
    {
        OpportunityUpdate handedOver;
        handedOver.createdAt = QDateTime(QDate(2026, 5, 2), QTime(14, 30), Qt::UTC);
        handedOver.ownerId = QStringLiteral("ben");
        handedOver.changes = {
            FieldChange{QStringLiteral("owner_id"), QJsonValue(unknownId),
                        QJsonValue(QStringLiteral("ana"))},
            FieldChange{QStringLiteral("stage"), QJsonValue(QStringLiteral("qualification")),
                        QJsonValue(QStringLiteral("proposal"))},
        };
        QVERIFY(m_seeded->store.storeUpdates(id(1), {handedOver}, QStringLiteral("v1")));
        select(id(1));
        DetailPanel *detail = m_window->detail();
        QCOMPARE(detail->currentId(), id(1));
        QVERIFY2(detail->shownTexts().contains(QStringLiteral("Ana Maria Souza")),
                 qPrintable(detail->shownTexts().join(QLatin1Char('|'))));
        const QString history = detail->historyTexts().join(QLatin1Char('\n'));
        // Who made the change, and the owner change, by name; the unknown one shortened.
        QVERIFY2(history.contains(ServerText::isolated(QStringLiteral("Bruno Lima"))),
                 qPrintable(history));
        QVERIFY2(history.contains(QStringLiteral("Owner: ") +
                                  ServerText::isolated(QStringLiteral("5f1c9a7e\u2026")) +
                                  QStringLiteral(" → ") +
                                  ServerText::isolated(QStringLiteral("Ana Maria Souza"))),
                 qPrintable(history));
        QVERIFY2(!history.contains(QStringLiteral("auth0")), qPrintable(history));
        // The owner's avatar beside the name.
        const auto *avatar = detail->findChild<QLabel *>(QStringLiteral("ownerAvatar"));
        QVERIFY(avatar);
        QVERIFY(avatar->isVisible());
        const QImage image = avatar->pixmap().toImage();
        QVERIFY(!image.isNull());
        QCOMPARE(dominantColour(image, image.rect()), PersonAvatar::colour(QStringLiteral("ana")));
    }

    void newNamesShowEverywhere()
    {
        OpportunityUpdate update;
        update.createdAt = QDateTime(QDate(2026, 5, 2), QTime(14, 30), Qt::UTC);
        update.ownerId = QStringLiteral("ana");
        update.changes = {
            FieldChange{QStringLiteral("probability"), QJsonValue(50), QJsonValue(60)}};
        QVERIFY(m_seeded->store.storeUpdates(id(1), {update}, QStringLiteral("v1")));
        // The card of deal 1 on the board, and deal 1 in the detail.
        StageColumnProxy *column = m_board->columnProxy(Stage::Proposal);
        const QModelIndex card = cardOf(id(1), Stage::Proposal);
        QVERIFY(card.isValid());
        QSignalSpy cardChanged(column, &QAbstractItemModel::dataChanged);
        select(id(1));
        QCOMPARE(m_window->detail()->currentId(), id(1));

        PeopleBook renamed = m_seeded->model.people();
        renamed.insert(person("ana", "Ana Lima-Souza"));
        m_seeded->model.setPeople(renamed);

        QCOMPARE(ownerCell(id(1)).data().toString(), QStringLiteral("Ana Lima-Souza"));
        QCOMPARE(CardText::of(card).owner, QStringLiteral("Ana Lima-Souza"));
        // The card is told to repaint.
        const auto repainted = [&] {
            for (const QList<QVariant> &signal : std::as_const(cardChanged)) {
                const auto from = signal.at(0).toModelIndex();
                const auto to = signal.at(1).toModelIndex();
                if (from.row() <= card.row() && card.row() <= to.row())
                    return true;
            }
            return false;
        };
        QVERIFY(repainted());
        const QStringList shown = m_window->detail()->shownTexts();
        QVERIFY2(shown.contains(QStringLiteral("Ana Lima-Souza")),
                 qPrintable(shown.join(QLatin1Char('|'))));
        const QString history = m_window->detail()->historyTexts().join(QLatin1Char('\n'));
        QVERIFY2(history.contains(ServerText::isolated(QStringLiteral("Ana Lima-Souza"))),
                 qPrintable(history));
        QVERIFY2(!history.contains(QStringLiteral("Ana Maria Souza")), qPrintable(history));
    }

private:
    // For the README: KASHEW_SHOTS=<folder> keeps a picture of the window.
    void saveShot(const QString &name) const
    {
        if (const QByteArray shots = qgetenv("KASHEW_SHOTS"); !shots.isEmpty())
            m_window->grab().save(QString::fromLocal8Bit(shots) + QLatin1Char('/') + name);
    }

    // Makes a deal current on the board (the detail follows).
    void select(const QString &record)
    {
        qobject_cast<PipelineViews *>(m_window->views())->select(record);
    }

    void showList()
    {
        m_window->views()->setCurrentWidget(m_window->table());
        m_window->resize(1360, 820);
        QCoreApplication::processEvents();
        // The owner column in view whatever the window's width.
        m_window->table()->horizontalHeader()->resizeSections(QHeaderView::ResizeToContents);
    }

    QModelIndex ownerCell(const QString &record) const
    {
        const OpportunityFilterProxy *proxy = m_window->proxy();
        for (int row = 0; row < proxy->rowCount(); ++row) {
            if (proxy->index(row, 0).data(ItemRoles::Id).toString() == record)
                return proxy->index(row, OpportunityListModel::Owner);
        }
        return {};
    }

    QStringList ownersInListOrder() const
    {
        QStringList owners;
        const OpportunityFilterProxy *proxy = m_window->proxy();
        for (int row = 0; row < proxy->rowCount(); ++row)
            owners.append(proxy->index(row, OpportunityListModel::Owner).data().toString());
        return owners;
    }

    QModelIndex cardOf(const QString &record, Stage stage) const
    {
        const StageColumnProxy *column = m_board->columnProxy(stage);
        for (int row = 0; row < column->rowCount(); ++row) {
            if (column->index(row, 0).data(ItemRoles::Id).toString() == record)
                return column->index(row, 0);
        }
        return {};
    }

    QColor avatarColourOn(const QModelIndex &card, Stage stage) const
    {
        QListView *view = m_board->columnView(stage);
        QStyleOptionViewItem option;
        option.initFrom(view);
        option.rect = view->visualRect(card);
        const QRect avatar = CardDelegate::ownerAvatarRect(option, card);
        if (avatar.isEmpty())
            return {};
        return avatarColourIn(view->viewport(), avatar);
    }

    std::unique_ptr<QAbstractItemModelTester> m_listTester;
};

QTEST_MAIN(TestOwnerDisplay)
#include "tst_ownerdisplay.moc"
