#pragma once

#include "Account.h"
#include "FieldError.h"
#include "Opportunity.h"
#include "OpportunityField.h"
#include "PeopleBook.h"
#include "StageProbabilities.h"

#include <QDate>
#include <QDialog>
#include <QHash>
#include <optional>

class FieldErrorLine;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

// Creates or edits an opportunity: every writable field, validated as you type with the shared
// validation, each error on a line of its own under the field at fault. Server refusals (422)
// land on the same fields. Editing, only the fields the user changes are validated and saved: a
// record as the server sent it may hold values a user could not enter.
class OpportunityDialog final : public QDialog
{
    Q_OBJECT

public:
    OpportunityDialog(const Opportunity &opportunity, const QList<Account> &accounts, bool creating,
                      QWidget *parent = nullptr);

    // The probability each stage proposes when the user chooses it (the profile's settings).
    void setStageProbabilities(const StageProbabilities &probabilities);
    // The people the owner can be picked from (any id can be typed too). A new deal with no
    // owner proposes me when the book knows who that is.
    void setPeople(const PeopleBook &people);

    // The record as the form stands: the original, with the fields the user changed; valid only
    // when accepted.
    Opportunity opportunity() const;
    // The fields the user changed.
    OpportunityFields changedFields() const;
    void showFieldErrors(const FieldErrors &errors);
    // The message under a field ("" when none): for tests and accessibility.
    QString errorText(const QString &field) const;

    QLineEdit *nameField() const { return m_name; }
    QLineEdit *valueField() const { return m_value; }
    QComboBox *currencyField() const { return m_currency; }
    QSpinBox *probabilityField() const { return m_probability; }
    QComboBox *stageField() const { return m_stage; }
    QComboBox *accountField() const { return m_account; }
    QDateEdit *dateField() const { return m_date; }
    QCheckBox *noDateField() const { return m_noDate; }
    QComboBox *ownerField() const { return m_owner; }
    QPlainTextEdit *descriptionField() const { return m_description; }
    QDialogButtonBox *buttons() const { return m_buttons; }

private:
    // What the widgets show, to tell the fields the user changed from those shown as they were.
    struct FormState
    {
        QString name;
        int account = -1;
        QString accountText;
        int stage = -1;
        QString value;
        QString currency;
        int probability = 0;
        QDate date;
        bool noDate = false;
        QString description;
        QString owner;
    };
    FormState formState() const;
    bool accountChosen() const;
    // The owner id the form names: the picked person, the person whose name was typed, else
    // the text typed, as an id. Empty when the field is.
    QString chosenOwner() const;
    void showOwners(const PeopleBook &people, const QString &chosen);
    FieldErrors validate() const;
    void revalidate();
    void stageChosen();

    Opportunity m_original;
    bool m_creating = false;
    FormState m_shown;
    StageProbabilities m_stageProbabilities;
    // The probability the user typed, kept across stage changes; none until they type one.
    std::optional<int> m_typedProbability;
    bool m_proposing = false;
    QLineEdit *m_name = nullptr;
    QComboBox *m_account = nullptr;
    QComboBox *m_stage = nullptr;
    QLineEdit *m_value = nullptr;
    QComboBox *m_currency = nullptr;
    QSpinBox *m_probability = nullptr;
    QDateEdit *m_date = nullptr;
    QCheckBox *m_noDate = nullptr;
    // Made in the order of the rows: the focus goes down the form.
    QComboBox *m_owner = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QHash<QString, FieldErrorLine *> m_errorLines;
};
