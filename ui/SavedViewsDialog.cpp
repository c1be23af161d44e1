#include "SavedViewsDialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

SavedViewsDialog::Questions SavedViewsDialog::Questions::interactive()
{
    Questions questions;
    questions.askName = [](QWidget *parent, const QString &title,
                           const QString &current) -> std::optional<QString> {
        bool ok = false;
        const QString name = QInputDialog::getText(parent, title, tr("Name of the view:"),
                                                   QLineEdit::Normal, current, &ok);
        if (!ok)
            return std::nullopt;
        return name;
    };
    questions.confirm = [](QWidget *parent, const QString &question) {
        QMessageBox box(QMessageBox::Question, tr("Saved views"), question,
                        QMessageBox::Yes | QMessageBox::No, parent);
        box.setTextFormat(Qt::PlainText); // view names are the user's text
        box.setDefaultButton(QMessageBox::No);
        return box.exec() == QMessageBox::Yes;
    };
    return questions;
}

SavedViewsDialog::SavedViewsDialog(const SavedViews &views, const Questions &questions,
                                   QWidget *parent)
    : QDialog(parent)
    , m_views(views)
    , m_questions(questions)
    , m_list(new QListWidget(this))
    , m_rename(new QPushButton(tr("&Rename…"), this))
    , m_delete(new QPushButton(tr("&Delete…"), this))
    , m_problem(new QLabel(this))
{
    setWindowTitle(tr("Saved views"));
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setWordWrap(true);
    m_problem->hide();
    connect(m_rename, &QPushButton::clicked, this, &SavedViewsDialog::renameSelected);
    connect(m_delete, &QPushButton::clicked, this, &SavedViewsDialog::deleteSelected);
    connect(m_list, &QListWidget::currentRowChanged, this, &SavedViewsDialog::updateButtons);
    connect(m_list, &QListWidget::itemDoubleClicked, this, &SavedViewsDialog::renameSelected);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *side = new QVBoxLayout;
    side->addWidget(m_rename);
    side->addWidget(m_delete);
    side->addStretch();
    auto *row = new QHBoxLayout;
    row->addWidget(m_list, 1);
    row->addLayout(side);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    fill(0);
}

QString SavedViewsDialog::problem() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

void SavedViewsDialog::renameSelected()
{
    const int row = m_list->currentRow();
    if (row < 0)
        return;
    const auto name = m_questions.askName(this, tr("Rename view"), m_views.at(row).name);
    if (!name)
        return;
    if (const Status renamed = m_views.rename(row, *name); !renamed) {
        m_problem->setText(renamed.error());
        m_problem->show();
        return;
    }
    m_problem->hide();
    fill(row);
}

void SavedViewsDialog::deleteSelected()
{
    const int row = m_list->currentRow();
    if (row < 0 ||
        !m_questions.confirm(this, tr("Delete the view “%1”?").arg(m_views.at(row).name)))
        return;
    m_views.remove(row);
    m_problem->hide();
    fill(std::min(row, static_cast<int>(m_views.size()) - 1));
}

void SavedViewsDialog::fill(int selected)
{
    m_list->clear();
    for (const SavedView &view : m_views.views())
        m_list->addItem(view.name);
    m_list->setCurrentRow(selected);
    updateButtons();
}

void SavedViewsDialog::updateButtons()
{
    const bool chosen = m_list->currentRow() >= 0;
    m_rename->setEnabled(chosen);
    m_delete->setEnabled(chosen);
}
