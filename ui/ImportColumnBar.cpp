#include "ImportColumnBar.h"

#include <QComboBox>
#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>

ImportColumnBar::ImportColumnBar(QTableView &view, QWidget *parent)
    : QWidget(parent)
    , m_view(view)
{
    setFixedHeight(QComboBox().sizeHint().height());
    QHeaderView *header = view.horizontalHeader();
    connect(header, &QHeaderView::sectionResized, this, &ImportColumnBar::place);
    connect(header, &QHeaderView::sectionMoved, this, &ImportColumnBar::place);
    connect(header, &QHeaderView::geometriesChanged, this, &ImportColumnBar::place);
    connect(view.horizontalScrollBar(), &QScrollBar::valueChanged, this, &ImportColumnBar::place);
}

void ImportColumnBar::setMapping(const ImportMapping &mapping)
{
    const int columns = m_view.model() ? m_view.model()->columnCount() : 0;
    while (m_pickers.size() > columns)
        delete m_pickers.takeLast();
    while (m_pickers.size() < columns) {
        const int column = static_cast<int>(m_pickers.size());
        auto *picker = new QComboBox(this);
        picker->addItem(tr("Not imported"));
        for (OpportunityField field : ImportMapping::importable())
            picker->addItem(OpportunityFieldNames::snakeCase(field), static_cast<quint32>(field));
        picker->setAccessibleName(tr("Field of column %1").arg(column + 1));
        connect(picker, &QComboBox::activated, this, [this, column] { emit fieldPicked(column); });
        m_pickers.append(picker);
    }
    QHeaderView *header = m_view.horizontalHeader();
    for (int column = 0; column < columns; ++column) {
        QComboBox *picker = m_pickers.at(column);
        const bool mapped = column < mapping.columnCount();
        const auto field = mapped ? mapping.field(column) : std::nullopt;
        picker->setEnabled(mapped);
        picker->setCurrentIndex(field ? picker->findData(static_cast<quint32>(*field)) : 0);
        // Wide enough for the picker to be read.
        header->resizeSection(column,
                              std::max(header->sectionSize(column), picker->sizeHint().width()));
    }
    place();
}

QComboBox *ImportColumnBar::picker(int column) const
{
    return m_pickers.value(column, nullptr);
}

std::optional<OpportunityField> ImportColumnBar::field(int column) const
{
    const QComboBox *picker = m_pickers.value(column, nullptr);
    if (!picker || !picker->currentData().isValid())
        return std::nullopt;
    return static_cast<OpportunityField>(picker->currentData().toUInt());
}

void ImportColumnBar::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    place();
}

void ImportColumnBar::place()
{
    const QHeaderView *header = m_view.horizontalHeader();
    // Where the view's columns start, in this bar's coordinates.
    const int origin =
        m_view.viewport()->mapTo(window(), QPoint()).x() - mapTo(window(), QPoint()).x();
    const int visibleWidth = m_view.viewport()->width();
    for (int column = 0; column < m_pickers.size(); ++column) {
        QComboBox *picker = m_pickers.at(column);
        const int x = header->sectionViewportPosition(column);
        const int width = header->sectionSize(column);
        const bool shown = !header->isSectionHidden(column) && x + width > 0 && x < visibleWidth;
        picker->setVisible(shown);
        if (shown)
            picker->setGeometry(origin + x, 0, width, height());
    }
}
