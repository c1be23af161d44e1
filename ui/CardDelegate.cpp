#include "CardDelegate.h"

#include "CardPixmaps.h"
#include "CardText.h"
#include "CardTextCache.h"
#include "ItemRoles.h"
#include "Opportunity.h"
#include "StaleMark.h"
#include "SyncState.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>
#include <algorithm>

namespace {

// Tight enough that eight cards show in a column at 1360×820 (tst_boardheaders).
constexpr int margin = 3;
constexpr int padding = 6;
// Between the stale mark's clock and its days.
constexpr int clockGap = 3;

QRect markerRect(const QRect &card)
{
    return QRect(card.right() - padding - 8, card.top() + padding + 2, 8, 8);
}

QColor mixed(const QColor &a, const QColor &b, double share)
{
    return QColor::fromRgbF(static_cast<float>(a.redF() * (1 - share) + b.redF() * share),
                            static_cast<float>(a.greenF() * (1 - share) + b.greenF() * share),
                            static_cast<float>(a.blueF() * (1 - share) + b.blueF() * share));
}

} // namespace

struct CardDelegate::BottomLine
{
    QRect area;
    QString when;
    bool overdue = false;
    // Null when the deal has no owner.
    QRect avatar;
    QRect owner;
    QString ownerText;
};

CardDelegate::BottomLine CardDelegate::bottomLine(const QStyleOptionViewItem &option,
                                                  const CardText &words)
{
    const QDate close = words.closeDate;
    const QRect text = option.rect.adjusted(margin + padding, margin + padding, -margin - padding,
                                            -margin - padding);
    const QFontMetrics &metrics = option.fontMetrics;
    CardTextCache &cache = CardTextCache::shared();
    const int line = metrics.height() + 2;
    BottomLine bottom;
    bottom.area = QRect(text.left(), text.top() + 3 * line, text.width(), line);
    bottom.overdue = words.overdue;
    const QString date = close.isValid() ? cache.shortDate(close) : tr("No close date");
    // The date first, with "overdue" when there is room and a warning sign when not (the tooltip
    // says it in words); the owner gets what is left, at least a third.
    bottom.when = bottom.overdue ? tr("%1 · overdue").arg(date) : date;
    if (bottom.overdue && cache.advance(option.font, bottom.when) + 8 > text.width() * 2 / 3)
        bottom.when = QStringLiteral("⚠ ") + date;
    if (words.ownerId.isEmpty())
        return bottom;
    const int ownerWidth =
        std::max(text.width() - cache.advance(option.font, bottom.when) - 8, text.width() / 3);
    const int side = metrics.height();
    constexpr int gap = 4;
    const int nameRoom = std::max(0, ownerWidth - side - gap);
    // Short of room, the first name beside the avatar says more than "Ana M…" would.
    const QString firstName = words.owner.section(QLatin1Char(' '), 0, 0);
    bottom.ownerText = cache.advance(option.font, words.owner) > nameRoom &&
                               cache.advance(option.font, firstName) <= nameRoom
                           ? firstName
                           : cache.elided(option.font, words.owner, nameRoom);
    // Two pixels of slack: rounding in the text measure must not clip the name.
    const int nameWidth = cache.advance(option.font, bottom.ownerText) + 2;
    bottom.owner = QRect(bottom.area.right() + 1 - nameWidth, bottom.area.top(), nameWidth, line);
    bottom.avatar =
        QRect(bottom.owner.left() - gap - side, bottom.area.top() + (line - side) / 2, side, side);
    return bottom;
}

QRect CardDelegate::ownerAvatarRect(const QStyleOptionViewItem &option, const QModelIndex &index)
{
    return bottomLine(option, CardText::forPainting(index)).avatar;
}

QRect CardDelegate::staleMark(const QStyleOptionViewItem &option, const CardText &words)
{
    if (!words.staleDays)
        return {};
    // The account's line, at the right: clear of the sync marker above and the date below.
    const QRect text = option.rect.adjusted(margin + padding, margin + padding, -margin - padding,
                                            -margin - padding);
    const QFontMetrics &metrics = option.fontMetrics;
    const int line = metrics.height() + 2;
    const int width =
        metrics.ascent() + clockGap +
        CardTextCache::shared().advance(option.font, StaleMark::badge(*words.staleDays)) + 1;
    return QRect(text.right() + 1 - width, text.top() + line, width, line);
}

QRect CardDelegate::staleMarkRect(const QStyleOptionViewItem &option, const QModelIndex &index)
{
    return staleMark(option, CardText::forPainting(index));
}

QSize CardDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const int line = option.fontMetrics.height();
    // Narrow on purpose: in a list the card then takes the column's width, whatever it is.
    return {120, 4 * line + 3 * 2 + 2 * padding + 2 * margin};
}

void CardDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                         const QModelIndex &index) const
{
    const CardText words = CardText::forPainting(index);
    const QRect card = option.rect.adjusted(margin, margin, -margin, -margin);
    const bool selected = option.state & QStyle::State_Selected;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    // Selected cards stand out in every column, the ones without the focus too: a board-wide
    // selection must be seen whole before Ctrl+Left/Right moves it.
    const QColor highlight = option.palette.color(QPalette::Active, QPalette::Highlight);
    const QColor fill = selected ? mixed(option.palette.base().color(), highlight, 0.18)
                                 : option.palette.base().color();
    // The frame and the other shapes every card shares come from pixmaps: filling antialiased
    // shapes costs more than the card's text.
    CardPixmaps &pixmaps = CardPixmaps::shared();
    pixmaps.drawFrame(*painter, card, fill, selected ? highlight : option.palette.mid().color(),
                      selected ? 2 : 1);

    const QRect text = card.adjusted(padding, padding, -padding, -padding);
    const int line = option.fontMetrics.height() + 2;
    QFont bold = option.font;
    bold.setBold(true);
    // Measured, elided and laid out once per text: a keystroke repaints every column.
    CardTextCache &cache = CardTextCache::shared();
    // The list's sync marker colour, from the model, so list and board mark alike.
    const QColor marker = index.siblingAtColumn(0).data(Qt::DecorationRole).value<QColor>();
    const int nameWidth = text.width() - (marker.isValid() ? 14 : 0);
    painter->setFont(bold);
    painter->setPen(option.palette.text().color());
    cache.draw(*painter, QRect(text.left(), text.top(), nameWidth, line), Qt::AlignLeft,
               cache.elided(bold, words.title, nameWidth));
    if (marker.isValid()) {
        painter->setBrush(marker);
        painter->setPen(Qt::NoPen);
        painter->drawEllipse(markerRect(card));
    }
    painter->setFont(option.font);
    const QFontMetrics &metrics = option.fontMetrics;
    const QColor muted = option.palette.placeholderText().color();
    const auto row = [&](int n, const QString &left, const QString &right, const QColor &leftColor,
                         int reserved = 0) {
        const QRect area(text.left(), text.top() + n * line, text.width(), line);
        const int rightWidth = right.isEmpty() ? reserved : cache.advance(option.font, right) + 8;
        painter->setPen(leftColor);
        cache.draw(*painter, area.adjusted(0, 0, -rightWidth, 0), Qt::AlignLeft,
                   cache.elided(option.font, left, area.width() - rightWidth));
        painter->setPen(muted);
        cache.draw(*painter, area, Qt::AlignRight, right);
    };
    const QRect stale = staleMark(option, words);
    row(1, words.account.isEmpty() ? tr("No account") : words.account, QString(), muted,
        stale.isNull() ? 0 : stale.width() + 6);
    if (!stale.isNull()) {
        const QColor amber = StaleMark::color(fill);
        const int side = metrics.ascent();
        pixmaps.drawClock(
            *painter, QRectF(stale.left(), stale.top() + (line - side) / 2.0, side, side), amber);
        painter->setPen(amber);
        cache.draw(*painter, stale.adjusted(side + clockGap, 0, 0, 0), Qt::AlignLeft,
                   StaleMark::badge(*words.staleDays));
    }
    row(2, words.amount, words.probability, option.palette.text().color());
    const BottomLine bottom = bottomLine(option, words);
    const int ownerSpace =
        bottom.avatar.isNull() ? 0 : bottom.area.right() + 1 - bottom.avatar.left() + 8;
    painter->setPen(bottom.overdue ? QColor(0xc6, 0x28, 0x28) : muted);
    cache.draw(*painter, bottom.area.adjusted(0, 0, -ownerSpace, 0), Qt::AlignLeft,
               cache.elided(option.font, bottom.when, bottom.area.width() - ownerSpace));
    if (!bottom.avatar.isNull()) {
        pixmaps.drawAvatar(*painter, bottom.avatar, words.ownerId, words.ownerInitials);
        painter->setPen(muted);
        cache.draw(*painter, bottom.owner, Qt::AlignRight, bottom.ownerText);
    }
    painter->restore();
}

bool CardDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                             const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() == QEvent::ToolTip) {
        // Server text as text: escaped, so a name with markup is shown, not rendered.
        QToolTip::showText(event->globalPos(),
                           QStringLiteral("<p style='white-space:pre-wrap'>") +
                               toolTipText(index).toHtmlEscaped() + QStringLiteral("</p>"),
                           view);
        return true;
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

QString CardDelegate::toolTipText(const QModelIndex &index)
{
    const int state = index.data(ItemRoles::SyncStateRole).toInt();
    const CardText words = CardText::of(index);
    // The name and the owner in full: the card may show them shortened.
    QString tip = index.data(ItemRoles::OpportunityRole).value<Opportunity>().name;
    if (!words.ownerInFull.isEmpty())
        tip += QLatin1Char('\n') + tr("Owner: %1").arg(words.ownerInFull);
    if (words.overdue)
        tip += QLatin1Char('\n') + tr("Overdue: its expected close date has passed");
    if (words.staleDays)
        tip += QLatin1Char('\n') + StaleMark::cardToolTip(*words.staleDays);
    if (state != static_cast<int>(SyncState::Synced)) {
        const QString reason = index.data(ItemRoles::SyncErrorRole).toString();
        tip += QLatin1Char('\n') +
               (reason.isEmpty() ? tr("Waiting to be sent to the server") : reason);
    }
    return tip;
}
