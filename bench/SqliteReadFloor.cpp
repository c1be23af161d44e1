#include "SqliteReadFloor.h"

#include "ModelRowReader.h"

#include <QElapsedTimer>
#include <sqlite3.h>

QString SqliteReadFloor::modelQuery()
{
    return QStringLiteral("SELECT ") + ModelRowReader::columns() +
           QStringLiteral(" FROM opportunities WHERE local_deleted = 0");
}

SqliteReadFloor::Reading SqliteReadFloor::read(const QString &path, const QString &sql)
{
    Reading reading;
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) !=
        SQLITE_OK) {
        reading.error = QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_close(db);
        return reading;
    }
    QElapsedTimer timer;
    timer.start();
    sqlite3_stmt *statement = nullptr;
    const QByteArray text = sql.toUtf8();
    int step = sqlite3_prepare_v2(db, text.constData(), int(text.size()), &statement, nullptr);
    if (step == SQLITE_OK) {
        const int columns = sqlite3_column_count(statement);
        while ((step = sqlite3_step(statement)) == SQLITE_ROW) {
            ++reading.rows;
            for (int column = 0; column < columns; ++column) {
                switch (sqlite3_column_type(statement, column)) {
                case SQLITE_INTEGER:
                    reading.bytes += sqlite3_column_int64(statement, column) & 1;
                    break;
                case SQLITE_FLOAT:
                    reading.bytes += sqlite3_column_double(statement, column) > 0;
                    break;
                case SQLITE_TEXT:
                    // The text and its length, as a driver copying it into a string needs.
                    reading.bytes += sqlite3_column_text(statement, column) != nullptr;
                    reading.bytes += sqlite3_column_bytes(statement, column);
                    break;
                case SQLITE_BLOB:
                    reading.bytes += sqlite3_column_blob(statement, column) != nullptr;
                    reading.bytes += sqlite3_column_bytes(statement, column);
                    break;
                default:
                    break;
                }
            }
        }
    }
    reading.ms = timer.nsecsElapsed() / 1e6;
    if (step != SQLITE_DONE)
        reading.error = QString::fromUtf8(sqlite3_errmsg(db));
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return reading;
}
