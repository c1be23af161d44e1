#pragma once

#include "Forecast.h"
#include "Result.h"

class CliSession;
class QCommandLineParser;
struct CliRequest;

// `kashew forecast`: the figures of the desktop app's forecast and won/lost charts from the
// cache and the profile's rates, built by the same ForecastBuilder and WinLossBuilder, as a
// table or as JSON, so that scripts and tests can check them.
namespace CliForecast {

// --months, --by, --weighted and --currency, checked; the failure names the option at fault.
Result<ForecastOptions> readOptions(const QCommandLineParser &parser);
// Returns the exit code, as CliActions do.
int run(CliSession &session, const CliRequest &request);

} // namespace CliForecast
