#include "CsvActions.h"

#include "ExportDialog.h"
#include "ImportDialog.h"
#include "LocalStore.h"
#include "OpportunityCsv.h"
#include "OpportunityFilterProxy.h"
#include "OpportunityListModel.h"

#include <QAction>
#include <QDate>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QMessageBox>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTableView>

namespace {

// Writes all of `bytes` or leaves the file as it was (QSaveFile: a temporary file renamed at
// the end).
Status writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    const auto failed = [&path](const QString &why) {
        return Failure{CsvActions::tr("The deals could not be saved to %1: %2")
                           .arg(QDir::toNativeSeparators(path), why)};
    };
    if (!file.open(QIODevice::WriteOnly))
        return failed(file.errorString());
    // Flushed here: Qt 6.4's commit() renames the file into place even when its own last flush
    // failed (a full disk), which would leave half a file.
    if (file.write(bytes) != bytes.size() || !file.flush()) {
        const QString why = file.errorString();
        file.cancelWriting();
        return failed(why);
    }
    if (!file.commit())
        return failed(file.errorString());
    return {};
}

} // namespace

CsvActions::CsvActions(const Parts &parts, QWidget &window)
    : QObject(&window)
    , m_store(parts.store)
    , m_model(parts.model)
    , m_proxy(parts.proxy)
    , m_list(parts.list)
    , m_window(window)
    , m_import(new QAction(tr("&Import CSV…"), this))
    , m_export(new QAction(tr("E&xport CSV…"), this))
{
    m_chooseImportPath = [this] {
        return QFileDialog::getOpenFileName(
            &m_window, tr("Import CSV"),
            QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
            tr("CSV files (*.csv *.txt);;All files (*)"));
    };
    m_chooseExportPath = [this](const QString &suggested) {
        return QFileDialog::getSaveFileName(&m_window, tr("Export CSV"), suggested,
                                            tr("CSV files (*.csv)"));
    };
    m_failed = [this](const QString &message) {
        QMessageBox box(QMessageBox::Warning, tr("CSV"), message, QMessageBox::Ok, &m_window);
        box.setTextFormat(Qt::PlainText);
        box.exec();
    };
    connect(m_import, &QAction::triggered, this, &CsvActions::importCsv);
    connect(m_export, &QAction::triggered, this, &CsvActions::exportCsv);
    QAction &newAction = parts.newAction;
    m_import->setEnabled(newAction.isEnabled());
    connect(&newAction, &QAction::changed, m_import,
            [this, &newAction] { m_import->setEnabled(newAction.isEnabled()); });
}

void CsvActions::setImportPathChooser(std::function<QString()> choose)
{
    m_chooseImportPath = std::move(choose);
}

void CsvActions::setExportPathChooser(std::function<QString(const QString &)> choose)
{
    m_chooseExportPath = std::move(choose);
}

void CsvActions::setFailureNotice(std::function<void(const QString &)> notice)
{
    m_failed = std::move(notice);
}

void CsvActions::importCsv()
{
    const QString path = m_chooseImportPath();
    if (!path.isEmpty())
        importFrom(path);
}

void CsvActions::importFrom(const QString &path)
{
    Result<ImportPlan::Context> context = importContext();
    if (!context) {
        m_failed(tr("Nothing can be imported: %1").arg(context.error()));
        return;
    }
    ImportDialog dialog(std::move(context).value(), &m_window);
    if (const Status opened = dialog.open(path); !opened) {
        m_failed(opened.error());
        return;
    }
    if (dialog.exec() != QDialog::Accepted)
        return;
    const RecordBatch batch = dialog.batch();
    if (batch.isEmpty())
        return;
    if (const Result<QStringList> written = m_store.applyBatch(batch); !written) {
        m_failed(tr("Nothing was imported: %1").arg(written.error()));
        return;
    }
    const int imported = static_cast<int>(batch.creates.size() + batch.edits.size());
    const int skipped = dialog.plan().invalidCount();
    emit reported(skipped == 0 ? tr("Imported %n deal(s).", nullptr, imported)
                               : tr("Imported %1 (%n row(s) skipped).", nullptr, skipped)
                                     .arg(tr("%n deal(s)", nullptr, imported)));
}

Result<ImportPlan::Context> CsvActions::importContext() const
{
    // Without the deals, accounts and people the plan could not find updates, accounts,
    // owners or duplicates: better nothing than a wrong import.
    Result<QList<CachedOpportunity>> cached = m_store.opportunities();
    if (!cached)
        return Failure{cached.error()};
    Result<QList<Account>> accounts = m_store.accounts();
    if (!accounts)
        return Failure{accounts.error()};
    Result<PeopleBook> people = m_store.people();
    if (!people)
        return Failure{people.error()};
    ImportPlan::Context context;
    context.existing.reserve(cached->size());
    for (const CachedOpportunity &record : *cached)
        context.existing.append(record.opportunity);
    context.accounts = std::move(accounts).value();
    context.people = std::move(people).value();
    return context;
}

void CsvActions::exportCsv()
{
    const QLocale locale;
    ExportDialog dialog(m_proxy.rowCount(), m_model.rowCount(), locale, &m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString path = m_chooseExportPath(
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .filePath(tr("deals-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate))));
    if (path.isEmpty())
        return;
    OpportunityCsv::Options options;
    options.style = dialog.style();
    options.locale = locale;
    QList<Opportunity> deals;
    if (dialog.scope() == ExportDialog::Scope::Shown) {
        deals = shownDeals();
        options.columns = shownFields();
    } else {
        deals.reserve(m_model.rowCount());
        for (int row = 0; row < m_model.rowCount(); ++row)
            deals.append(m_model.rowAt(row).opportunity);
    }
    if (const Status written = writeFile(path, OpportunityCsv::bytes(deals, options)); !written) {
        m_failed(written.error());
        return;
    }
    emit reported(tr("Exported %n deal(s) to %1.", nullptr, static_cast<int>(deals.size()))
                      .arg(QDir::toNativeSeparators(path)));
}

QList<Opportunity> CsvActions::shownDeals() const
{
    QList<Opportunity> deals;
    deals.reserve(m_proxy.rowCount());
    for (int row = 0; row < m_proxy.rowCount(); ++row)
        deals.append(m_model.rowAt(m_proxy.mapToSource(m_proxy.index(row, 0)).row()).opportunity);
    return deals;
}

QList<OpportunityField> CsvActions::shownFields() const
{
    const QHeaderView *header = m_list.horizontalHeader();
    QList<OpportunityField> fields;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int column = header->logicalIndex(visual);
        if (!header->isSectionHidden(column))
            fields.append(fieldsOfColumn(column));
    }
    return fields;
}

QList<OpportunityField> CsvActions::fieldsOfColumn(int column)
{
    switch (static_cast<OpportunityListModel::Column>(column)) {
    case OpportunityListModel::Name:
        return {OpportunityField::Name};
    case OpportunityListModel::Account:
        return {OpportunityField::AccountName};
    case OpportunityListModel::StageColumn:
        return {OpportunityField::Stage};
    // The list shows the amount with its currency: both, or the value would mean nothing.
    case OpportunityListModel::Value:
        return {OpportunityField::Value, OpportunityField::Currency};
    case OpportunityListModel::Probability:
        return {OpportunityField::Probability};
    case OpportunityListModel::CloseDate:
        return {OpportunityField::ExpectedCloseDate};
    case OpportunityListModel::Owner:
        return {OpportunityField::OwnerId};
    case OpportunityListModel::Updated:
        return {OpportunityField::UpdatedAt};
    // Worked out here, not fields of a deal: the file would not read back.
    case OpportunityListModel::Weighted:
    case OpportunityListModel::StaleColumn:
    case OpportunityListModel::ColumnCount:
        break;
    }
    return {};
}
