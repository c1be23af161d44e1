#pragma once

#include <QString>
#include <QVariant>

// Text columns that may be NULL, for both SQLite stores: a null QString is stored as SQL NULL and
// read back as a null QString, so "no value" and "empty text" stay apart.
namespace SqlNullText {

inline QVariant nullable(const QString &text)
{
    return text.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

inline QString textOrNull(const QVariant &value)
{
    return value.isNull() ? QString() : value.toString();
}

} // namespace SqlNullText
