#include "SqlitePages.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>

PageFile::PageFile(const QString &path)
    : m_path(path)
{
    QFile file(path);
    if (file.open(QIODevice::ReadOnly))
        m_bytes = file.readAll();
    const quint16 size =
        m_bytes.size() >= 18 ? quint16((quint8(m_bytes.at(16)) << 8) | quint8(m_bytes.at(17))) : 0;
    m_pageSize = size == 1 ? 65536 : size;
}

bool PageFile::overwrite(int page) const
{
    QFile file(m_path);
    return file.open(QIODevice::ReadWrite) && file.seek(qint64(page - 1) * m_pageSize) &&
           file.write(QByteArray(m_pageSize, '\xa5')) == m_pageSize;
}

int rootPage(const QString &path, const QString &name)
{
    int page = 0;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            query.prepare(QStringLiteral("SELECT rootpage FROM sqlite_master WHERE name = ?"));
            query.addBindValue(name);
            if (query.exec() && query.next())
                page = query.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("peek"));
    return page;
}
