#pragma once

#include "OpportunityCsv.h"

#include <QDialog>
#include <QLocale>

class QRadioButton;

// What "Export CSV…" writes: the deals the list shows (its rows, in its order, its columns) or
// every deal; in a neutral form any program reads, or in the form a spreadsheet in the user's
// language opens without asking. Accepting it means "choose where, and write".
class ExportDialog final : public QDialog
{
    Q_OBJECT

public:
    enum class Scope
    {
        // The list's rows and columns.
        Shown,
        // Every cached deal, every field.
        All,
    };

    ExportDialog(int shownCount, int allCount, const QLocale &locale, QWidget *parent = nullptr);

    Scope scope() const;
    OpportunityCsv::Style style() const;

    // The choices, for tests.
    QRadioButton *shownButton() const { return m_shown; }
    QRadioButton *allButton() const { return m_all; }
    QRadioButton *neutralButton() const { return m_neutral; }
    QRadioButton *localeButton() const { return m_locale; }

private:
    QRadioButton *m_shown = nullptr;
    QRadioButton *m_all = nullptr;
    QRadioButton *m_neutral = nullptr;
    QRadioButton *m_locale = nullptr;
};
