#pragma once

#include "Account.h"
#include "FieldError.h"
#include "Opportunity.h"
#include "OpportunityField.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

// Creates or edits an opportunity: every writable field, validated as you type with the shared
// validation, each error under the field at fault. Server refusals (422) land on the same fields.
class OpportunityDialog final : public QDialog
{
    Q_OBJECT

public:
    OpportunityDialog(const Opportunity &opportunity, const QList<Account> &accounts, bool creating,
                      QWidget *parent = nullptr);

    // The record as the form stands; valid only when accepted.
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
    QPlainTextEdit *descriptionField() const { return m_description; }
    QDialogButtonBox *buttons() const { return m_buttons; }

private:
    FieldErrors validate() const;
    void revalidate();

    Opportunity m_original;
    QString m_shownValue;
    QLineEdit *m_name = nullptr;
    QComboBox *m_account = nullptr;
    QComboBox *m_stage = nullptr;
    QLineEdit *m_value = nullptr;
    QComboBox *m_currency = nullptr;
    QSpinBox *m_probability = nullptr;
    QDateEdit *m_date = nullptr;
    QCheckBox *m_noDate = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QHash<QString, QLabel *> m_errorLabels;
};
