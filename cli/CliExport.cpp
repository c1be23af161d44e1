#include "CliExport.h"

#include "CliCommands.h"
#include "CliOutput.h"
#include "CliRequest.h"
#include "CliSession.h"
#include "OpportunityCsv.h"

#include <QSaveFile>
#include <cstdio>
#include <unistd.h>

using CliOutput::err;
using CliOutput::out;

namespace {

// The deals `kashew list` shows for the same filter, in the cache's order.
QList<Opportunity> matching(const QList<CachedOpportunity> &records,
                            const OpportunityFilter &filter, const StaleRule &rule)
{
    const QDate today = QDate::currentDate();
    QList<Opportunity> deals;
    for (const CachedOpportunity &record : records) {
        const Opportunity &o = record.opportunity;
        if (filter.accepts(o) && (!filter.staleOnly || CliSession::staleDays(rule, o, today)))
            deals.append(o);
    }
    return deals;
}

// All of it or nothing: a failed write leaves what the file held before.
int writeFile(const QString &path, const QByteArray &bytes, qsizetype count)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        err() << "kashew: cannot write '" << path << "': " << file.errorString() << "\n";
        return CliCommands::Failed;
    }
    out() << count << (count == 1 ? " deal" : " deals") << " written to " << path << "\n";
    return CliCommands::Ok;
}

// A pipe or a file gets the CSV's bytes as they are (CRLF, a byte order mark); a terminal gets
// them through the stream that keeps server text from steering it.
int writeStandardOutput(const QByteArray &bytes)
{
    if (isatty(fileno(stdout))) {
        out() << QString::fromUtf8(bytes);
        return CliCommands::Ok;
    }
    out().flush();
    if (std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout) != size_t(bytes.size()) ||
        std::fflush(stdout) != 0) {
        err() << "kashew: cannot write to standard output\n";
        return CliCommands::Failed;
    }
    return CliCommands::Ok;
}

} // namespace

namespace CliExport {

int run(CliSession &session, const CliRequest &request)
{
    const auto deals = session.deals();
    if (!deals)
        return session.readFailure(deals.error());
    const QList<Opportunity> exported =
        matching(deals->records, request.filter, session.staleRule());
    OpportunityCsv::Options options;
    options.style =
        request.csv.localeStyle ? OpportunityCsv::Style::Locale : OpportunityCsv::Style::Neutral;
    options.locale = QLocale();
    const QByteArray bytes = OpportunityCsv::bytes(exported, options);
    if (request.csv.exportFile.isEmpty())
        return writeStandardOutput(bytes);
    return writeFile(request.csv.exportFile, bytes, exported.size());
}

} // namespace CliExport
