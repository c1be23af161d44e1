// Board cards painted from caches (CardPixmaps, CardTextCache, LocalDays): a card whose deal
// changes (name, value, owner, stale mark), whose selection changes or whose column is resized
// repaints with what it now shows, exactly as a card painted with every cache empty; the shared
// shapes and the text look as painted directly.
#include "CardDelegate.h"
#include "CardPixmaps.h"
#include "CardTextCache.h"
#include "LocalDays.h"
#include "LocalZone.h"
#include "OpportunityListModel.h"
#include "PersonAvatar.h"
#include "StaleMark.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QImage>
#include <QListView>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QTest>
#include <memory>
#include <optional>

namespace {

OpportunityRow deal(int n, const QString &name)
{
    OpportunityRow row;
    Opportunity &o = row.opportunity;
    o.id = QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0'));
    o.name = name;
    o.accountName = QStringLiteral("Account %1").arg(n);
    o.stage = Stage::Proposal;
    o.value = 1000 * n;
    o.currency = QStringLiteral("EUR");
    o.probability = 50;
    o.expectedCloseDate = QDate(2026, 3, 1);
    o.ownerId = QStringLiteral("ana");
    o.createdAt = o.updatedAt = QDateTime(QDate(2026, 1, 2), QTime(9, 0), Qt::UTC);
    return row;
}

QImage blank(const QSize &size)
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    return image;
}

// Whether two images differ by at most `tolerance` in any channel of any pixel (a pixmap copied
// onto the card rounds its antialiased edges once more than painting in place).
bool alike(const QImage &a, const QImage &b, int tolerance)
{
    if (a.size() != b.size())
        return false;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            const QRgb p = a.pixel(x, y);
            const QRgb q = b.pixel(x, y);
            if (std::abs(qRed(p) - qRed(q)) > tolerance ||
                std::abs(qGreen(p) - qGreen(q)) > tolerance ||
                std::abs(qBlue(p) - qBlue(q)) > tolerance ||
                std::abs(qAlpha(p) - qAlpha(q)) > tolerance)
                return false;
        }
    }
    return true;
}

} // namespace

class TestCardPaint final : public QObject
{
    Q_OBJECT

    std::optional<LocalZone> m_zone;
    std::unique_ptr<OpportunityListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<QListView> m_view;

    // The first card as the view paints it now, caches and all.
    QImage card() const
    {
        const QRect rect = m_view->visualRect(m_model->index(0, 0));
        return m_view->viewport()->grab(rect).toImage();
    }
    // The same with every cache emptied first: what the card must look like.
    QImage fresh() const
    {
        CardPixmaps::shared().clear();
        CardTextCache::shared().clear();
        LocalDays::shared().clear();
        return card();
    }
    // A change to the deal, then: the card shows it, as painted from nothing.
    void expectRepaintAfter(const std::function<void()> &change, const char *what)
    {
        card(); // everything the card paints is cached now
        card(); // text is drawn from the cache from its second time on
        const QImage before = card();
        change();
        const QImage after = card();
        QVERIFY2(after != before, what);
        QVERIFY2(after == fresh(), what);
    }

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_zone.emplace("UTC"); // stale days are local days
    }

    void cleanupTestCase() { m_zone.reset(); }

    void init()
    {
        m_model = std::make_unique<OpportunityListModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get());
        PeopleBook people;
        people.insert({QStringLiteral("ana"), QStringLiteral("Ana Lima"), QString()});
        people.insert({QStringLiteral("bo"), QStringLiteral("Bo Berg"), QString()});
        m_model->setPeople(people);
        m_model->setToday(QDate(2026, 2, 1)); // a month without a change: stale in Proposal
        m_model->resetRows({deal(1, QStringLiteral("Renewal")), deal(2, QStringLiteral("Pilot"))});
        m_view = std::make_unique<QListView>();
        m_view->setModel(m_model.get());
        m_view->setItemDelegate(new CardDelegate(m_view.get()));
        m_view->setUniformItemSizes(true);
        m_view->setResizeMode(QListView::Adjust);
        m_view->resize(240, 300);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    }

    void cleanup()
    {
        m_view.reset();
        m_tester.reset();
        m_model.reset();
    }

    void aChangedDealRepaintsWithWhatItNowSays()
    {
        OpportunityRow row = deal(1, QStringLiteral("Renewal"));
        expectRepaintAfter(
            [&] {
                row.opportunity.name = QStringLiteral("Expansion");
                m_model->upsertRows({row});
            },
            "name");
        expectRepaintAfter(
            [&] {
                row.opportunity.value = 2500;
                m_model->upsertRows({row});
            },
            "value");
        expectRepaintAfter(
            [&] {
                row.opportunity.ownerId = QStringLiteral("bo");
                m_model->upsertRows({row});
            },
            "owner");
        expectRepaintAfter([&] { m_model->setToday(QDate(2026, 2, 5)); }, "stale days");
        expectRepaintAfter(
            [&] {
                row.opportunity.updatedAt = QDateTime(QDate(2026, 2, 4), QTime(9, 0), Qt::UTC);
                m_model->upsertRows({row});
            },
            "no longer stale");
    }

    void selectionAndWidthRepaintTheCard()
    {
        expectRepaintAfter(
            [&] {
                m_view->selectionModel()->select(m_model->index(0, 0), QItemSelectionModel::Select);
            },
            "selected");
        expectRepaintAfter([&] { m_view->selectionModel()->clearSelection(); }, "unselected");
        expectRepaintAfter(
            [&] {
                m_view->resize(300, 300);
                QCoreApplication::processEvents();
            },
            "wider");
    }

    void sharedShapesLookAsPaintedDirectly()
    {
        const QSize size(60, 40);
        const QRect card(3, 4, 50, 30);
        for (const int pen : {1, 2}) {
            QImage direct = blank(size);
            {
                QPainter painter(&direct);
                painter.setRenderHint(QPainter::Antialiasing);
                QPainterPath shape;
                shape.addRoundedRect(QRectF(card).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
                painter.fillPath(shape, QColor(0xfa, 0xfa, 0xf0));
                painter.setPen(QPen(QColor(0x30, 0x60, 0xc0), pen));
                painter.drawPath(shape);
            }
            QImage copied = blank(size);
            {
                QPainter painter(&copied);
                CardPixmaps::shared().drawFrame(painter, card, QColor(0xfa, 0xfa, 0xf0),
                                                QColor(0x30, 0x60, 0xc0), pen);
            }
            QVERIFY(alike(direct, copied, 2));
        }
        const QRectF clock(7.25, 5.5, 11, 11);
        QImage direct = blank(size);
        {
            QPainter painter(&direct);
            StaleMark::paintClock(painter, clock, QColor(0xb2, 0x6a, 0x00));
            PersonAvatar::paint(painter, QRect(30, 8, 16, 16), QStringLiteral("ana"),
                                QStringLiteral("AL"));
        }
        QImage copied = blank(size);
        {
            QPainter painter(&copied);
            CardPixmaps::shared().drawClock(painter, clock, QColor(0xb2, 0x6a, 0x00));
            CardPixmaps::shared().drawAvatar(painter, QRect(30, 8, 16, 16), QStringLiteral("ana"),
                                             QStringLiteral("AL"));
        }
        QVERIFY(direct != blank(size));
        QVERIFY(alike(direct, copied, 2));
    }

    void textLooksTheSameDrawnOnceOrFromTheCache()
    {
        CardTextCache &cache = CardTextCache::shared();
        cache.clear();
        const QRect area(4, 3, 180, 19);
        for (const QString &text : {QStringLiteral("Müller 12345 — Renewal"),
                                    QStringLiteral("1,234,567 EUR"), QStringLiteral("漢字 name")}) {
            for (const Qt::Alignment alignment : {Qt::AlignLeft, Qt::AlignRight}) {
                QImage first = blank(QSize(200, 26));
                QImage again = first;
                QImage plain = first;
                {
                    QPainter painter(&first);
                    cache.draw(painter, area, alignment, text); // drawn directly
                }
                {
                    QPainter painter(&again);
                    cache.draw(painter, area, alignment, text); // laid out and kept
                }
                {
                    QPainter painter(&plain);
                    painter.drawText(area, int(alignment | Qt::AlignVCenter), text);
                }
                QVERIFY(first != blank(first.size()));
                QVERIFY2(first == again, qPrintable(text));
                QVERIFY2(alike(first, plain, 0), qPrintable(text));
            }
        }
    }
};

QTEST_MAIN(TestCardPaint)
#include "tst_cardpaint.moc"
