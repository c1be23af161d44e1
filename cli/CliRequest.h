#pragma once

#include "CliCsvOptions.h"
#include "Forecast.h"
#include "OpportunityFilter.h"
#include "OpportunityJson.h"
#include "Person.h"

#include <QString>
#include <QUrl>

struct CliCommand;

// What a command line asks for, read and checked without a cache or a server.
struct CliRequest
{
    // An entry of CliCommandTable.
    const CliCommand *command = nullptr;
    // Empty: the default profile.
    QString profileDir;
    // Empty: the profile's server.
    QUrl server;
    // show, set, move, delete: an id or the start of one.
    QString id;
    // new, set, move: the fields to write, read and checked (move: its stage and the probability
    // a closed stage implies).
    OpportunityJson::Reading fields;
    // list, export
    OpportunityFilter filter;
    // people set, people me: the person's id and the user's name for them.
    Person person;
    // list, show, people
    bool json = false;
    // sync
    bool noWait = false;
    // rates base, rates set, rates remove: the currency; rates set: its rate to the base.
    QString currency;
    double rate = 0;
    // forecast: --months, --by, --weighted, --currency.
    ForecastOptions forecast;
    // export (with `filter`), import: the file and the CSV options.
    CliCsvOptions csv;
};
