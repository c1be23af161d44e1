// The shipped translations: German and the English plural forms are compiled in and load for
// their locale; every German message is translated and keeps its source's placeholders and
// accelerator, so no screen shows an English fragment or a broken "%1".
#include <QCoreApplication>
#include <QFile>
#include <QLocale>
#include <QRegularExpression>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

namespace {

struct Message
{
    QString context;
    QString source;
    QStringList translations; // one, or one per plural form
    bool finished = true;
};

QList<Message> readTs(const QString &path)
{
    QList<Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            message = Message{context, {}, {}, true};
        } else if (xml.name() == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            message.finished = xml.attributes().value(QLatin1String("type")).isEmpty();
            // Plural forms come as <numerusform> children; otherwise the text itself.
            QString text;
            while (!xml.atEnd()) {
                xml.readNext();
                if (xml.isCharacters())
                    text += xml.text();
                else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                    message.translations.append(xml.readElementText());
                else if (xml.isEndElement() && xml.name() == QLatin1String("translation"))
                    break;
            }
            if (message.translations.isEmpty())
                message.translations.append(text);
            messages.append(message);
        }
    }
    if (xml.hasError())
        qWarning("%s: %s", qPrintable(path), qPrintable(xml.errorString()));
    return messages;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression placeholder(QStringLiteral("%(\\d+|n)"));
    QStringList found;
    for (const QRegularExpressionMatch &match : placeholder.globalMatch(text))
        found.append(match.captured());
    found.sort();
    return found;
}

// "&Quit" has one; "&&" is a literal ampersand.
int accelerators(QString text)
{
    text.remove(QStringLiteral("&&"));
    return static_cast<int>(text.count(QLatin1Char('&')));
}

} // namespace

class TestTranslations final : public QObject
{
    Q_OBJECT

private slots:
    void germanLoadsAndTranslates()
    {
        QTranslator translator;
        QVERIFY(translator.load(QLocale(QLocale::German, QLocale::Germany),
                                QStringLiteral("kashew"), QStringLiteral("_"),
                                QStringLiteral(":/i18n")));
        QCOMPARE(translator.language(), QStringLiteral("de_DE"));
        const QString search = translator.translate("FilterBar", "Search by name");
        QVERIFY(!search.isEmpty());
        QVERIFY(search != QStringLiteral("Search by name"));
        QVERIFY(!translator.translate("Stage", "Negotiation").isEmpty());
        // Plurals follow the number.
        QCoreApplication::installTranslator(&translator);
        const QString one = QCoreApplication::translate("FilterBar", "%n stages", nullptr, 1);
        const QString two = QCoreApplication::translate("FilterBar", "%n stages", nullptr, 2);
        QCoreApplication::removeTranslator(&translator);
        QVERIFY(one.contains(QLatin1Char('1')));
        QVERIFY(two.contains(QLatin1Char('2')));
        QVERIFY(QString(one).remove(QLatin1Char('1')) != QString(two).remove(QLatin1Char('2')));
    }

    void englishPluralsRead()
    {
        QTranslator translator;
        QVERIFY(translator.load(QLocale(QLocale::English, QLocale::UnitedStates),
                                QStringLiteral("kashew"), QStringLiteral("_"),
                                QStringLiteral(":/i18n")));
        QCoreApplication::installTranslator(&translator); // %n is filled in by the application
        QCOMPARE(QCoreApplication::translate(
                     "SettingsDialog", "Connected: %n opportunity(ies) on the server.", nullptr, 1),
                 QStringLiteral("Connected: 1 opportunity on the server."));
        QCOMPARE(QCoreApplication::translate(
                     "SettingsDialog", "Connected: %n opportunity(ies) on the server.", nullptr, 3),
                 QStringLiteral("Connected: 3 opportunities on the server."));
        QCoreApplication::removeTranslator(&translator);
    }

    void everyGermanMessageIsComplete()
    {
        const QList<Message> messages =
            readTs(QStringLiteral(KASHEW_SOURCE_DIR "/resources/translations/kashew_de.ts"));
        QVERIFY(messages.size() > 100);
        for (const Message &message : messages) {
            const QString where = message.context + QStringLiteral(": ") + message.source;
            QVERIFY2(message.finished, qPrintable(QStringLiteral("unfinished: ") + where));
            for (const QString &translation : message.translations) {
                QVERIFY2(!translation.trimmed().isEmpty(),
                         qPrintable(QStringLiteral("empty: ") + where));
                QVERIFY2(placeholders(translation) == placeholders(message.source),
                         qPrintable(QStringLiteral("placeholders differ: ") + where +
                                    QStringLiteral(" → ") + translation));
                QVERIFY2(accelerators(translation) == accelerators(message.source),
                         qPrintable(QStringLiteral("accelerator differs: ") + where +
                                    QStringLiteral(" → ") + translation));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
