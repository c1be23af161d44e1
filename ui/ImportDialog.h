#pragma once

#include "CsvTable.h"
#include "ImportMapping.h"
#include "ImportPlan.h"
#include "Result.h"

#include <QDialog>
#include <QHash>

class ImportColumnBar;
class ImportPreviewModel;
class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QRadioButton;
class QTableView;

// What importing a CSV file would do, before anything is written: the file as read (its
// encoding and separator detected or chosen), a preview of its rows with the field each column
// fills (guessed from the header, changed with the picker above the column), create-only or
// update-by-id, the counts, and every row that would fail with its line, field and reason.
// Invalid rows are marked red and likely duplicates amber in the preview. Accepting it means
// "write batch()"; the caller writes it.
class ImportDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit ImportDialog(ImportPlan::Context context, QWidget *parent = nullptr);
    ~ImportDialog() override;

    // Reads the file at `path`; a file that cannot be read says why (then there is nothing to
    // show).
    Status open(const QString &path);
    // The file's bytes, already read, and the name it is shown by.
    void setFile(const QString &name, const QByteArray &bytes);

    const ImportPlan &plan() const { return m_plan; }
    // The valid rows as one batch: what the Import button stands for.
    RecordBatch batch() const { return m_plan.batch(); }

    // The parts, for tests.
    QComboBox *encodingBox() const { return m_encoding; }
    QComboBox *separatorBox() const { return m_separator; }
    QTableView *preview() const { return m_preview; }
    ImportPreviewModel *previewModel() const { return m_model; }
    ImportColumnBar *columnBar() const { return m_columns; }
    QRadioButton *createOnlyButton() const { return m_createOnly; }
    QRadioButton *updateByIdButton() const { return m_updateById; }
    QLabel *countsLabel() const { return m_counts; }
    QLabel *readErrorLabel() const { return m_readError; }
    QListWidget *problemList() const { return m_problems; }
    QCheckBox *allOrNothingBox() const { return m_allOrNothing; }
    QPushButton *importButton() const { return m_import; }

private:
    // Reads the bytes again with the encoding and separator chosen.
    void read();
    // The user picked a field for a column (taken away from a column that had it).
    void pickField(int column);
    // Works the plan out again from the table, the mapping and the mode, and shows it.
    void replan();
    void showPlan();
    void updateImportButton();

    ImportPlan::Context m_context;
    QByteArray m_bytes;
    CsvTable m_table;
    ImportMapping m_mapping;
    // The columns the user mapped by hand, kept when the file is read again the same width.
    QHash<int, std::optional<OpportunityField>> m_picked;
    ImportPlan m_plan;
    bool m_readOk = false;

    QLabel *m_file = nullptr;
    QComboBox *m_encoding = nullptr;
    QComboBox *m_separator = nullptr;
    QLabel *m_readError = nullptr;
    QRadioButton *m_createOnly = nullptr;
    QRadioButton *m_updateById = nullptr;
    QTableView *m_preview = nullptr;
    ImportPreviewModel *m_model = nullptr;
    ImportColumnBar *m_columns = nullptr;
    QLabel *m_counts = nullptr;
    QListWidget *m_problems = nullptr;
    QCheckBox *m_allOrNothing = nullptr;
    QPushButton *m_import = nullptr;
};
