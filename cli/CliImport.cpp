#include "CliImport.h"

#include "CliCommands.h"
#include "CliOutput.h"
#include "CliRequest.h"
#include "CliSession.h"
#include "CsvReader.h"
#include "ImportPlan.h"
#include "OpportunityDiff.h"

#include <QFile>

using CliOutput::err;
using CliOutput::out;

namespace {

// The file's bytes; the failure says why it cannot be read.
Result<QByteArray> readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Failure{QStringLiteral("cannot read '%1': %2").arg(path, file.errorString())};
    return file.readAll();
}

// The guess from the header, then each --map over it; the failure names the --map at fault.
Result<ImportMapping> mapping(const QStringList &header, const QStringList &maps)
{
    ImportMapping mapping = ImportMapping::guess(header);
    for (const QString &map : maps) {
        const qsizetype equals = map.lastIndexOf(QLatin1Char('='));
        if (const Status set = mapping.set(header, map.left(equals), map.mid(equals + 1)); !set)
            return Failure{QStringLiteral("--map %1: %2").arg(map, set.error())};
    }
    return mapping;
}

Result<ImportPlan::Context> context(CliSession &session)
{
    auto deals = session.deals();
    if (!deals)
        return Failure{deals.error()};
    auto accounts = session.store().accounts();
    if (!accounts)
        return Failure{accounts.error()};
    ImportPlan::Context context;
    context.existing.reserve(deals->records.size());
    for (const CachedOpportunity &record : std::as_const(deals->records))
        context.existing.append(record.opportunity);
    context.accounts = std::move(accounts).value();
    context.people = std::move(deals->people);
    context.locale = QLocale();
    return context;
}

// The summary on standard output; what is wrong, row by row, and the likely duplicates on
// standard error.
void report(const ImportPlan &plan, const QList<Opportunity> &existing)
{
    QHash<QString, QString> names;
    for (const Opportunity &o : existing)
        names.insert(o.id, o.name);
    // The file's problems, then each row's: the lines the import dialog lists.
    for (const QString &line : plan.report())
        err() << line << "\n";
    for (const ImportRow &row : plan.rows()) {
        if (row.duplicateOf.isEmpty())
            continue;
        // Of an existing deal (its id) or of an earlier row ("line 3").
        err() << "line " << row.line << ": warning: likely duplicate of " << row.duplicateOf;
        if (row.duplicateLine == 0 && names.contains(row.duplicateOf))
            err() << " '" << names.value(row.duplicateOf) << "'";
        err() << "\n";
    }
    out() << plan.createCount() << " new, " << plan.updateCount() << " updates, "
          << plan.invalidCount() << " invalid, " << plan.duplicateCount() << " likely duplicates\n";
}

// The edits that change a deal: the store writes no others, and a file exported and imported
// back unchanged should say so.
qsizetype changingEdits(const RecordBatch &batch, const QList<Opportunity> &existing)
{
    QHash<QString, const Opportunity *> byId;
    for (const Opportunity &o : existing)
        byId.insert(o.id, &o);
    qsizetype changing = 0;
    for (const RecordEdit &edit : batch.edits) {
        const Opportunity *before = byId.value(edit.id);
        if (!before || OpportunityDiff::changedFields(*before, edit.edited, edit.fields).toInt())
            ++changing;
    }
    return changing;
}

} // namespace

namespace CliImport {

int run(CliSession &session, const CliRequest &request)
{
    const CliCsvOptions &options = request.csv;
    const Result<QByteArray> bytes = readFile(options.importFile);
    if (!bytes) {
        err() << "kashew: " << bytes.error() << "\n";
        return CliCommands::Failed;
    }
    CsvReader::Options reading;
    reading.encoding = options.encoding;
    reading.separator = options.separator;
    const Result<CsvTable> table = CsvReader::read(*bytes, reading);
    if (!table) {
        err() << "kashew: " << options.importFile << ": " << table.error() << "\n";
        return CliCommands::InvalidValue;
    }
    const Result<ImportMapping> mapped = mapping(table->header, options.maps);
    if (!mapped)
        return CliOutput::usage(mapped.error());
    const Result<ImportPlan::Context> known = context(session);
    if (!known)
        return session.readFailure(known.error());
    const ImportPlan plan = ImportPlan::build(
        *table, *mapped,
        options.update ? ImportPlan::Mode::UpdateById : ImportPlan::Mode::CreateOnly, *known);
    report(plan, known->existing);
    // A file-wide problem (no name column, a field mapped twice) leaves no row to trust.
    const bool invalid = !plan.problems().isEmpty() || plan.invalidCount() > 0;
    const int code = invalid ? CliCommands::InvalidValue : CliCommands::Ok;
    if (options.dryRun)
        return code;
    if (!plan.problems().isEmpty() || (invalid && !options.skipInvalid)) {
        err() << "kashew: nothing imported ("
              << (plan.problems().isEmpty() ? "--skip-invalid imports the valid rows"
                                            : "--map COLUMN=FIELD chooses the columns")
              << ")\n";
        return code;
    }
    const RecordBatch batch = plan.batch();
    const qsizetype changing = changingEdits(batch, known->existing);
    LocalStore &store = session.store();
    if (const Result<QStringList> written = store.applyBatch(batch); !written) {
        err() << "kashew: nothing imported: " << written.error() << "\n";
        return CliCommands::Failed;
    }
    out() << "imported: " << batch.creates.size() << " new, " << changing << " changed, "
          << batch.edits.size() - changing << " unchanged (" << store.pendingCount()
          << " pending; 'kashew sync' sends them)\n";
    return code;
}

} // namespace CliImport
