#pragma once

#include "Opportunity.h"
#include "OpportunityField.h"

#include <QDialog>

class PeopleBook;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QSpinBox;

// Asks for the one value a bulk change sets on every selected deal: a stage, an owner (picked
// like everywhere else, or typed as an id), an expected close date (or none), a probability.
class BulkEditDialog final : public QDialog
{
    Q_OBJECT

public:
    enum class Kind
    {
        Stage,
        Owner,
        CloseDate,
        Probability,
    };

    // `count`: how many deals the change is for; `sample`: the deal whose value shows first;
    // `ownerIds`: owners offered besides the people in the book (the deals' own).
    BulkEditDialog(Kind kind, int count, const Opportunity &sample, const PeopleBook &people,
                   const QStringList &ownerIds, QWidget *parent = nullptr);

    // The field the change sets.
    OpportunityField field() const;
    // `sample` with the chosen value in field().
    Opportunity chosen() const;

    // The input of the dialog's kind; the others are null.
    QComboBox *stageField() const { return m_stage; }
    QComboBox *ownerField() const { return m_owner; }
    QDateEdit *dateField() const { return m_date; }
    QCheckBox *noDateField() const { return m_noDate; }
    QSpinBox *probabilityField() const { return m_probability; }
    QDialogButtonBox *buttons() const { return m_buttons; }

private:
    // The owner id the field names: the picked person, the person whose name was typed, else
    // the typed text as an id.
    QString chosenOwner() const;

    Kind m_kind = Kind::Stage;
    Opportunity m_sample;
    QComboBox *m_stage = nullptr;
    QComboBox *m_owner = nullptr;
    QDateEdit *m_date = nullptr;
    QCheckBox *m_noDate = nullptr;
    QSpinBox *m_probability = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
