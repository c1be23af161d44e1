#include "ExportDialog.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace {

QGroupBox *choiceGroup(const QString &title, QRadioButton *first, QRadioButton *second,
                       QWidget *parent)
{
    auto *group = new QGroupBox(title, parent);
    auto *layout = new QVBoxLayout(group);
    layout->addWidget(first);
    layout->addWidget(second);
    // Each group is its own choice: the buttons exclude each other there alone.
    auto *buttons = new QButtonGroup(group);
    buttons->addButton(first);
    buttons->addButton(second);
    first->setChecked(true);
    return group;
}

} // namespace

ExportDialog::ExportDialog(int shownCount, int allCount, const QLocale &locale, QWidget *parent)
    : QDialog(parent)
    , m_shown(new QRadioButton(tr("The deals &shown (%L1)").arg(shownCount), this))
    , m_all(new QRadioButton(tr("&All deals (%L1)").arg(allCount), this))
    , m_neutral(new QRadioButton(tr("&Neutral (comma, ISO dates, dot decimals)"), this))
    , m_locale(new QRadioButton(
          tr("For a s&preadsheet in %1").arg(QLocale::languageToString(locale.language())), this))
{
    setWindowTitle(tr("Export CSV"));
    m_shown->setToolTip(tr("The list's rows, in its order, with its visible columns"));
    m_all->setToolTip(tr("Every deal in the cache, archived ones too, with every field"));
    m_neutral->setToolTip(tr("What other programs and scripts read: fields separated by commas, "
                             "dates as 2026-07-15, values as 1234.50"));
    m_locale->setToolTip(tr("Numbers and dates as %1 writes them, so a spreadsheet opens the "
                            "file without asking")
                             .arg(QLocale::languageToString(locale.language())));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(tr("&Export…"), QDialogButtonBox::AcceptRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(choiceGroup(tr("Deals"), m_shown, m_all, this));
    layout->addWidget(choiceGroup(tr("Format"), m_neutral, m_locale, this));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

ExportDialog::Scope ExportDialog::scope() const
{
    return m_all->isChecked() ? Scope::All : Scope::Shown;
}

OpportunityCsv::Style ExportDialog::style() const
{
    return m_locale->isChecked() ? OpportunityCsv::Style::Locale : OpportunityCsv::Style::Neutral;
}
