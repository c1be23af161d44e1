#pragma once

#include "ImportPlan.h"
#include "OpportunityField.h"
#include "Result.h"

#include <QObject>
#include <functional>

class LocalStore;
class OpportunityFilterProxy;
class OpportunityListModel;
class QAction;
class QTableView;
class QWidget;

// File ▸ Import CSV… and Export CSV…: the dialogs, the file choosers and the writing. An
// export writes the list's deals (or all of them) through a QSaveFile, so a failed write leaves
// the file as it was; an import writes the valid rows of its plan as one batch of the store
// (one transaction, one outbox entry per deal), or nothing.
class CsvActions final : public QObject
{
    Q_OBJECT

public:
    struct Parts
    {
        LocalStore &store;
        OpportunityListModel &model;
        // The list: its proxy's rows and its header's visible columns are "the deals shown".
        OpportunityFilterProxy &proxy;
        QTableView &list;
        // An import creates deals: it may run exactly when this (File ▸ New) may.
        QAction &newAction;
    };

    // `window` is the parent of the dialogs.
    CsvActions(const Parts &parts, QWidget &window);

    QAction *importAction() const { return m_import; }
    QAction *exportAction() const { return m_export; }

    // Shows the import dialog over the file at `path` and imports what it accepts.
    void importFrom(const QString &path);
    // The API fields a column of the list shows (none for the Stale and Weighted columns).
    static QList<OpportunityField> fieldsOfColumn(int column);

    // Test hooks: which file to import (empty: cancelled), where to export to (given a
    // suggestion; empty: cancelled), and how a failure is told. By default file dialogs and a
    // message box.
    void setImportPathChooser(std::function<QString()> choose);
    void setExportPathChooser(std::function<QString(const QString &suggestedPath)> choose);
    void setFailureNotice(std::function<void(const QString &message)> notice);

signals:
    // An import or export is done; the sentence says what it did.
    void reported(const QString &message);

private:
    void importCsv();
    void exportCsv();
    Result<ImportPlan::Context> importContext() const;
    // The list's rows, in its order, and the fields of its visible columns in their order.
    QList<Opportunity> shownDeals() const;
    QList<OpportunityField> shownFields() const;

    LocalStore &m_store;
    OpportunityListModel &m_model;
    OpportunityFilterProxy &m_proxy;
    QTableView &m_list;
    QWidget &m_window;
    QAction *m_import = nullptr;
    QAction *m_export = nullptr;
    std::function<QString()> m_chooseImportPath;
    std::function<QString(const QString &)> m_chooseExportPath;
    std::function<void(const QString &)> m_failed;
};
