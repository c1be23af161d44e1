#include "BulkEditDialog.h"

#include "OwnerChoices.h"
#include "PeopleBook.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

BulkEditDialog::BulkEditDialog(Kind kind, int count, const Opportunity &sample,
                               const PeopleBook &people, const QStringList &ownerIds,
                               QWidget *parent)
    : QDialog(parent)
    , m_kind(kind)
    , m_sample(sample)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    auto *form = new QFormLayout;
    QWidget *input = nullptr;
    QString label;
    switch (kind) {
    case Kind::Stage:
        setWindowTitle(tr("Change the stage of %n deal(s)", nullptr, count));
        m_stage = new QComboBox(this);
        for (Stage stage : Stages::all()) {
            m_stage->addItem(Stages::label(stage), static_cast<int>(stage));
            m_stage->setItemData(m_stage->count() - 1, Stages::description(stage), Qt::ToolTipRole);
        }
        m_stage->setCurrentIndex(m_stage->findData(static_cast<int>(sample.stage)));
        input = m_stage;
        label = tr("&Stage:");
        break;
    case Kind::Owner: {
        setWindowTitle(tr("Change the owner of %n deal(s)", nullptr, count));
        m_owner = new QComboBox(this);
        m_owner->setEditable(true);
        m_owner->setInsertPolicy(QComboBox::NoInsert);
        m_owner->completer()->setFilterMode(Qt::MatchContains);
        m_owner->completer()->setCompletionMode(QCompleter::PopupCompletion);
        m_owner->completer()->setCaseSensitivity(Qt::CaseInsensitive);
        m_owner->setToolTip(tr("Pick a person, or type an owner id"));
        OwnerChoices::append(
            *m_owner, people,
            OwnerChoices::ordered(people, QStringList(ownerIds) << sample.ownerId));
        m_owner->setCurrentIndex(m_owner->findData(sample.ownerId));
        // No owner is no choice: the button waits for one.
        connect(m_owner, &QComboBox::currentTextChanged, this, [this] {
            m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!chosenOwner().isEmpty());
        });
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!chosenOwner().isEmpty());
        input = m_owner;
        label = tr("O&wner:");
        break;
    }
    case Kind::CloseDate: {
        setWindowTitle(tr("Change the expected close date of %n deal(s)", nullptr, count));
        m_date = new QDateEdit(this);
        m_date->setCalendarPopup(true);
        m_date->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
        m_date->setDate(sample.expectedCloseDate.isValid() ? sample.expectedCloseDate
                                                           : QDate::currentDate().addMonths(1));
        m_noDate = new QCheckBox(tr("None"), this);
        connect(m_noDate, &QCheckBox::toggled, m_date, &QWidget::setDisabled);
        auto *row = new QWidget(this);
        auto *rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        rowLayout->addWidget(m_date, 1);
        rowLayout->addWidget(m_noDate);
        row->setFocusProxy(m_date);
        input = row;
        label = tr("Expected &close:");
        break;
    }
    case Kind::Probability:
        setWindowTitle(tr("Change the probability of %n deal(s)", nullptr, count));
        m_probability = new QSpinBox(this);
        m_probability->setRange(0, 100);
        m_probability->setSuffix(QStringLiteral(" %"));
        m_probability->setValue(sample.probability);
        input = m_probability;
        label = tr("&Probability:");
        break;
    }
    auto *buddy = new QLabel(label, this);
    buddy->setBuddy(input);
    form->addRow(buddy, input);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

OpportunityField BulkEditDialog::field() const
{
    switch (m_kind) {
    case Kind::Owner:
        return OpportunityField::OwnerId;
    case Kind::CloseDate:
        return OpportunityField::ExpectedCloseDate;
    case Kind::Probability:
        return OpportunityField::Probability;
    case Kind::Stage:
        break;
    }
    return OpportunityField::Stage;
}

Opportunity BulkEditDialog::chosen() const
{
    Opportunity chosen = m_sample;
    switch (m_kind) {
    case Kind::Stage:
        chosen.stage = static_cast<Stage>(m_stage->currentData().toInt());
        break;
    case Kind::Owner:
        chosen.ownerId = chosenOwner();
        break;
    case Kind::CloseDate:
        chosen.expectedCloseDate = m_noDate->isChecked() ? QDate() : m_date->date();
        break;
    case Kind::Probability:
        chosen.probability = m_probability->value();
        break;
    }
    return chosen;
}

QString BulkEditDialog::chosenOwner() const
{
    return OwnerChoices::chosenId(*m_owner);
}
