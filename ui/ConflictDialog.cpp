#include "ConflictDialog.h"

#include "OpportunityDiff.h"
#include "OpportunityJson.h"
#include "ServerText.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QRadioButton>
#include <QVBoxLayout>

namespace {

QString shown(const QJsonValue &value)
{
    return value.isNull() ? QObject::tr("(empty)") : value.toVariant().toString();
}

} // namespace

ConflictDialog::ConflictDialog(const CachedOpportunity &record, QWidget *parent)
    : QDialog(parent)
    , m_record(record)
{
    setWindowTitle(tr("Resolve conflict"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(this);
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    if (record.serverDeleted || !record.serverState) {
        intro->setText(tr("\"%1\" was deleted on the server while you changed it here.")
                           .arg(ServerText::isolated(record.opportunity.name)));
        auto *keep =
            new QRadioButton(tr("Keep my version (it is created again on the server)"), this);
        m_letGo = new QRadioButton(tr("Let it go (delete it here too)"), this);
        keep->setChecked(true);
        layout->addWidget(keep);
        layout->addWidget(m_letGo);
    } else {
        intro->setText(tr("\"%1\" was changed both here and on the server. Choose the value to "
                          "keep for each field.")
                           .arg(ServerText::isolated(record.opportunity.name)));
        auto *grid = new QGridLayout;
        grid->addWidget(new QLabel(tr("Field"), this), 0, 0);
        grid->addWidget(new QLabel(tr("Mine"), this), 0, 1);
        grid->addWidget(new QLabel(tr("Server"), this), 0, 2);
        int row = 1;
        for (OpportunityField field : OpportunityFieldNames::all()) {
            if (!record.conflictFields.testFlag(field))
                continue;
            auto *group = new QButtonGroup(this);
            auto *mine = new QRadioButton(
                shown(OpportunityJson::fieldValue(record.opportunity, field)), this);
            auto *theirs = new QRadioButton(
                shown(OpportunityJson::fieldValue(*record.serverState, field)), this);
            group->addButton(mine);
            group->addButton(theirs);
            mine->setChecked(true);
            m_mine.insert(field, mine);
            m_theirs.insert(field, theirs);
            grid->addWidget(new QLabel(OpportunityFieldNames::camelCase(field), this), row, 0);
            grid->addWidget(mine, row, 1);
            grid->addWidget(theirs, row, 2);
            ++row;
        }
        layout->addLayout(grid);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

Opportunity ConflictDialog::chosen() const
{
    if (!m_record.serverState)
        return m_record.opportunity;
    // Fields changed on one side only are already merged; the rest as chosen.
    Opportunity result = m_record.opportunity;
    OpportunityFields takeTheirs;
    for (auto it = m_theirs.constBegin(); it != m_theirs.constEnd(); ++it) {
        if (it.value()->isChecked())
            takeTheirs |= it.key();
    }
    OpportunityDiff::copyFields(*m_record.serverState, &result, takeTheirs);
    return result;
}

bool ConflictDialog::acceptsDeletion() const
{
    return m_letGo && m_letGo->isChecked();
}
