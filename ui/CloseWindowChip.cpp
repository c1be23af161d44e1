#include "CloseWindowChip.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

CloseWindowChip::CloseWindowChip(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_clear(new QToolButton(this))
{
    setFrameShape(QFrame::StyledPanel);
    setFrameShadow(QFrame::Plain);
    m_label->setTextFormat(Qt::PlainText);
    m_clear->setText(QStringLiteral("\u00d7"));
    m_clear->setAutoRaise(true);
    m_clear->setAccessibleName(tr("Clear the close date filter"));
    m_clear->setToolTip(tr("Show deals of every close date again"));
    connect(m_clear, &QToolButton::clicked, this, [this] {
        setWindow({});
        emit cleared();
    });
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_label);
    layout->addWidget(m_clear);
    setWindow({});
}

void CloseWindowChip::setWindow(const CloseWindow &window)
{
    m_window = window;
    const QString label = window.label();
    m_label->setText(label);
    setToolTip(window.isAny() ? QString() : tr("Only deals of this expected close: %1").arg(label));
    setVisible(!window.isAny());
}
