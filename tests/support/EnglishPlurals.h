#pragma once

#include <QString>
#include <QTranslator>

// English plurals as the shipped kashew_en translation makes them ("%n deal(s)": "1 deal",
// "3 deals"), so that the test reads what a user reads (as in tst_stalelist).
class EnglishPlurals final : public QTranslator
{
public:
    QString translate(const char *, const char *source, const char *, int n) const override
    {
        QString text = QString::fromUtf8(source);
        return text.contains(QStringLiteral("(s)"))
                   ? text.replace(QStringLiteral("(s)"), n == 1 ? QString() : QStringLiteral("s"))
                   : QString();
    }
};
