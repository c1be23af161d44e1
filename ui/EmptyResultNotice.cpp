#include "EmptyResultNotice.h"

#include <QAction>
#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

EmptyResultNotice::EmptyResultNotice(QWidget &view)
    : QWidget(&view)
    , m_view(view)
    , m_text(new QLabel(this))
    , m_clear(new QPushButton(tr("Clear filters"), this))
    , m_new(new QPushButton(this))
{
    setObjectName(QStringLiteral("emptyResultNotice"));
    // A card of its own: legible over the board's column lines.
    setAttribute(Qt::WA_StyledBackground, true);
    setStyleSheet(QStringLiteral("#emptyResultNotice { background: palette(base); "
                                 "border: 1px solid palette(mid); border-radius: 6px; }"));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    m_text->setAlignment(Qt::AlignCenter);
    QFont larger = m_text->font();
    larger.setPointSizeF(larger.pointSizeF() * 1.15);
    m_text->setFont(larger);
    m_new->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(10);
    layout->addWidget(m_text);
    layout->addWidget(m_clear, 0, Qt::AlignHCenter);
    layout->addWidget(m_new, 0, Qt::AlignHCenter);
    connect(m_clear, &QPushButton::clicked, this, &EmptyResultNotice::clearRequested);
    connect(m_new, &QPushButton::clicked, this, [this] {
        if (m_newAction)
            m_newAction->trigger();
    });
    view.installEventFilter(this);
    hide();
}

EmptyResultNotice::Reason EmptyResultNotice::reasonFor(int shown, int cached,
                                                       const OpportunityFilter &filter)
{
    if (shown > 0)
        return Reason::None;
    if (cached == 0)
        return Reason::NoDeals;
    OpportunityFilter onlyArchived;
    onlyArchived.archived = true;
    if (filter == onlyArchived)
        return Reason::NothingArchived;
    if (filter == OpportunityFilter())
        return Reason::NoLiveDeals;
    return filter.archived ? Reason::NoArchivedMatch : Reason::NoMatch;
}

void EmptyResultNotice::setReason(Reason reason)
{
    if (reason == m_reason)
        return; // nothing to redraw: no flicker while rows come and go
    m_reason = reason;
    switch (reason) {
    case Reason::None:
        hide();
        return;
    case Reason::NoMatch:
        m_text->setText(tr("No deals match these filters."));
        break;
    case Reason::NoArchivedMatch:
        m_text->setText(tr("No archived deals match these filters."));
        break;
    case Reason::NothingArchived:
        m_text->setText(tr("No archived deals."));
        break;
    case Reason::NoLiveDeals:
        m_text->setText(tr("No live deals: every deal is archived."));
        break;
    case Reason::NoDeals:
        m_text->setText(tr("No deals yet: add the first one."));
        break;
    }
    updateButtons();
    show();
    raise();
    place();
}

void EmptyResultNotice::setNewAction(QAction *action)
{
    if (m_newAction)
        disconnect(m_newAction, nullptr, this, nullptr);
    m_newAction = action;
    if (action)
        connect(action, &QAction::changed, this, &EmptyResultNotice::updateButtons);
    updateButtons();
}

void EmptyResultNotice::updateButtons()
{
    const bool clears = m_reason == Reason::NoMatch || m_reason == Reason::NoArchivedMatch ||
                        m_reason == Reason::NothingArchived;
    m_clear->setText(m_reason == Reason::NothingArchived ? tr("Show live deals")
                                                         : tr("Clear filters"));
    m_clear->setVisible(clears);
    const bool adds =
        m_newAction && (m_reason == Reason::NoDeals || m_reason == Reason::NoLiveDeals);
    if (adds) {
        // The action's own words, without its mnemonic (the menu has it).
        m_new->setText(m_newAction->text().remove(QLatin1Char('&')));
        m_new->setEnabled(m_newAction->isEnabled());
    }
    m_new->setVisible(adds);
    if (!isHidden())
        place();
}

bool EmptyResultNotice::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == &m_view && event->type() == QEvent::Resize && !isHidden())
        place();
    return QWidget::eventFilter(watched, event);
}

void EmptyResultNotice::place()
{
    // Centred in the view, the sentence on one line where the view has room (up to about 50
    // characters), wrapped where it has not.
    const QMargins margins = layout()->contentsMargins();
    const QFontMetrics metrics = m_text->fontMetrics();
    const int line =
        std::min(metrics.horizontalAdvance(m_text->text()) + metrics.averageCharWidth(),
                 metrics.averageCharWidth() * 50);
    const int width = std::max(
        0, std::min(std::max(line + margins.left() + margins.right(), minimumSizeHint().width()),
                    m_view.width() - 16));
    const int height = std::min(hasHeightForWidth() ? heightForWidth(width) : sizeHint().height(),
                                m_view.height());
    setGeometry((m_view.width() - width) / 2, std::max(0, (m_view.height() - height) / 2), width,
                height);
}
