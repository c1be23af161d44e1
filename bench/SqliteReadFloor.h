#pragma once

#include <QString>

// The floor under reading the cache into the model: the SQLite C API alone (prepare, step, one
// column_* call per column) reading the rows and columns the model is fed from, with nothing
// built from them.
class SqliteReadFloor final
{
public:
    struct Reading final
    {
        // Empty when the rows were read; else SQLite's message.
        QString error;
        double ms = -1;
        qint64 rows = 0;
        // Bytes of text and blobs fetched, so no read can be skipped as unused.
        qint64 bytes = 0;
    };

    // `sql`: the model's query (ModelRowReader::columns() of the shown rows, see modelQuery()).
    static Reading read(const QString &path, const QString &sql);
    // The query the feeder's read runs.
    static QString modelQuery();
};
