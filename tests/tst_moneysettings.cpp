// The settings page of money (issue 14): a base currency and the user's rates to it, each with
// the day it was set (today when entered or changed, kept when unchanged), every currency of the
// cache without a rate listed as missing, invalid input refused with an error naming the field;
// saved to the profile's settings only when the dialog is accepted, and read at start.
#include "BoardView.h"
#include "MainWindow.h"
#include "MoneySettingsPage.h"
#include "SeededWindow.h"
#include "SettingsDialog.h"
#include "SettingsPageRun.h"
#include "StageTotalsView.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

namespace {

// What the settings file holds for money, as CurrencyRates reads it back and as written.
QString savedRate(const QString &path, const QString &currency)
{
    return QSettings(path, QSettings::IniFormat)
        .value(QStringLiteral("money/rates/") + currency)
        .toString();
}

QString savedBase(const QString &path)
{
    return QSettings(path, QSettings::IniFormat)
        .value(QStringLiteral("money/baseCurrency"))
        .toString();
}

QString today()
{
    return QDate::currentDate().toString(Qt::ISODate);
}

} // namespace

class TestMoneySettings final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void init() { m_path = m_dir.filePath(QStringLiteral("settings-%1.ini").arg(++m_run)); }

    void aBaseAndARateAreSavedWithToday()
    {
        MoneySettingsPage page(m_path, {QStringLiteral("USD"), QStringLiteral("GBP"),
                                        QStringLiteral("EUR"), QStringLiteral("USD")});
        // Nothing chosen yet: every currency of the cache is missing its rate.
        QCOMPARE(rowTexts(page), (QStringList{QStringLiteral("1 EUR = ? (base currency)"),
                                              QStringLiteral("1 GBP = ? (base currency)"),
                                              QStringLiteral("1 USD = ? (base currency)")}));
        QTest::keyClicks(page.baseField()->lineEdit(), QStringLiteral("eur"));
        QCOMPARE(page.baseField()->currentText(), QStringLiteral("EUR"));
        QCOMPARE(rowTexts(page),
                 (QStringList{QStringLiteral("1 GBP = ? EUR"), QStringLiteral("1 USD = ? EUR")}));
        QCOMPARE(page.table()->item(page.rowOf(QStringLiteral("GBP")), 1)->text(),
                 QStringLiteral("missing: its amounts are not converted"));
        QTest::keyClicks(page.currencyField(), QStringLiteral("GBP"));
        QTest::keyClicks(page.rateField(), QStringLiteral("1.1612"));
        page.setButton()->click();
        QVERIFY2(page.errorLabel()->isHidden(), qPrintable(page.errorLabel()->text()));
        QCOMPARE(rowTexts(page), (QStringList{QStringLiteral("1 GBP = 1.1612 EUR"),
                                              QStringLiteral("1 USD = ? EUR")}));
        QCOMPARE(page.table()->item(page.rowOf(QStringLiteral("GBP")), 1)->text(),
                 QLocale().toString(QDate::currentDate(), QLocale::ShortFormat));
        if (const QByteArray shots = qgetenv("KASHEW_SHOTS"); !shots.isEmpty()) {
            page.resize(560, 320);
            page.grab().save(QString::fromLocal8Bit(shots) + QStringLiteral("/money-settings.png"));
        }
        // Nothing is written before the dialog is accepted.
        QCOMPARE(savedBase(m_path), QString());
        QVERIFY(page.validate());
        QVERIFY(page.save());
        QCOMPARE(savedBase(m_path), QStringLiteral("EUR"));
        QCOMPARE(savedRate(m_path, QStringLiteral("GBP")), QStringLiteral("1.1612 ") + today());
        QCOMPARE(savedRate(m_path, QStringLiteral("USD")), QString());
        // Removed, it is missing again.
        page.table()->selectRow(page.rowOf(QStringLiteral("GBP")));
        QCOMPARE(page.currencyField()->text(), QStringLiteral("GBP"));
        QCOMPARE(page.rateField()->text(), QStringLiteral("1.1612"));
        page.removeButton()->click();
        QCOMPARE(rowTexts(page),
                 (QStringList{QStringLiteral("1 GBP = ? EUR"), QStringLiteral("1 USD = ? EUR")}));
        QVERIFY(page.save());
        QCOMPARE(savedRate(m_path, QStringLiteral("GBP")), QString());
    }

    void invalidInputIsRefusedNamingTheField()
    {
        MoneySettingsPage page(m_path, {QStringLiteral("GBP")});
        // A rate before there is a base currency to be a rate to.
        QTest::keyClicks(page.currencyField(), QStringLiteral("GBP"));
        QTest::keyClicks(page.rateField(), QStringLiteral("1.2"));
        page.setButton()->click();
        QVERIFY(!page.errorLabel()->isHidden());
        QVERIFY2(page.errorLabel()->text().startsWith(QStringLiteral("Base currency:")),
                 qPrintable(page.errorLabel()->text()));
        QVERIFY(page.rates().rates().isEmpty());
        // A base currency that is no code: refused, and the dialog would stay open.
        QTest::keyClicks(page.baseField()->lineEdit(), QStringLiteral("E1U"));
        QCOMPARE(page.baseField()->currentText(), QStringLiteral("EU")); // no digits taken
        QVERIFY(!page.validate());
        QCOMPARE(page.errorLabel()->text(),
                 QStringLiteral("Base currency: \"EU\" is not a currency code (three capital "
                                "letters, such as EUR)."));
        QCOMPARE(page.rates().baseCurrency(), QString());
        QTest::keyClicks(page.baseField()->lineEdit(), QStringLiteral("R"));
        QVERIFY(page.validate());
        QVERIFY(page.errorLabel()->isHidden());
        // A currency that is no code, the base itself, a rate that is no positive number.
        const auto refused = [&](const QString &currency, const QString &rate) {
            page.currencyField()->clear();
            page.rateField()->clear();
            QTest::keyClicks(page.currencyField(), currency);
            QTest::keyClicks(page.rateField(), rate);
            page.setButton()->click();
            return page.errorLabel()->isHidden() ? QString() : page.errorLabel()->text();
        };
        QCOMPARE(refused(QStringLiteral("GB"), QStringLiteral("1.2")),
                 QStringLiteral("Currency: \"GB\" is not a currency code (three capital letters, "
                                "such as GBP)."));
        QVERIFY(refused(QStringLiteral("EUR"), QStringLiteral("1.2"))
                    .startsWith(QStringLiteral("Currency: EUR is the base currency")));
        for (const QString &rate :
             {QStringLiteral("abc"), QStringLiteral("-1.2"), QStringLiteral("0"), QString()})
            QVERIFY2(
                refused(QStringLiteral("GBP"), rate)
                    .startsWith(QStringLiteral("Rate: \"%1\" is not a positive number").arg(rate)),
                qPrintable(rate));
        QVERIFY(page.rates().rates().isEmpty());
        QVERIFY(page.save());
        QCOMPARE(savedRate(m_path, QStringLiteral("GBP")), QString());
    }

    void anUnchangedRateKeepsItsDate()
    {
        {
            QSettings settings(m_path, QSettings::IniFormat);
            settings.setValue(QStringLiteral("money/baseCurrency"), QStringLiteral("EUR"));
            settings.setValue(QStringLiteral("money/rates/GBP"),
                              QStringLiteral("1.1612 2024-01-02"));
            settings.setValue(QStringLiteral("money/rates/USD"), QStringLiteral("0.92 2024-01-03"));
        }
        MoneySettingsPage page(m_path, {QStringLiteral("USD"), QStringLiteral("GBP")});
        QCOMPARE(page.baseField()->currentText(), QStringLiteral("EUR"));
        QCOMPARE(page.table()->item(page.rowOf(QStringLiteral("GBP")), 1)->text(),
                 QLocale().toString(QDate(2024, 1, 2), QLocale::ShortFormat));
        // GBP entered again as it was; USD changed.
        page.table()->selectRow(page.rowOf(QStringLiteral("GBP")));
        page.setButton()->click();
        page.table()->selectRow(page.rowOf(QStringLiteral("USD")));
        page.rateField()->setText(QStringLiteral("0.9"));
        page.setButton()->click();
        QVERIFY(page.save());
        QCOMPARE(savedRate(m_path, QStringLiteral("GBP")), QStringLiteral("1.1612 2024-01-02"));
        QCOMPARE(savedRate(m_path, QStringLiteral("USD")), QStringLiteral("0.9 ") + today());
    }

    void theWindowSavesOnAcceptAndReadsAtStart()
    {
        SeededWindow seeded;
        QVERIFY(seeded.ok);
        QAbstractItemModelTester tester(&seeded.model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString path = seeded.profile->settingsPath();
        // An invalid base currency keeps the dialog open on the page; cancelled, nothing saved.
        runSettings(seeded, [](SettingsDialog &dialog, MoneySettingsPage &page) {
            QTest::keyClicks(page.baseField()->lineEdit(), QStringLiteral("EU"));
            dialog.pages()->setCurrentIndex(0);
            dialog.accept();
            QVERIFY(dialog.isVisible());
            QCOMPARE(dialog.pages()->currentWidget(), &page);
            QVERIFY(page.errorLabel()->text().startsWith(QStringLiteral("Base currency:")));
            dialog.reject();
        });
        QCOMPARE(savedBase(path), QString());
        // The cache's currencies are offered, and a rate set is used at once.
        runSettings(seeded, [](SettingsDialog &dialog, MoneySettingsPage &page) {
            QVERIFY(page.rowOf(QStringLiteral("JPY")) >= 0);
            QVERIFY(page.baseField()->findText(QStringLiteral("JPY")) >= 0);
            QTest::keyClicks(page.baseField()->lineEdit(), QStringLiteral("EUR"));
            QTest::keyClicks(page.currencyField(), QStringLiteral("USD"));
            QTest::keyClicks(page.rateField(), QStringLiteral("0.9"));
            page.setButton()->click();
            dialog.accept();
        });
        QCOMPARE(savedBase(path), QStringLiteral("EUR"));
        QCOMPARE(savedRate(path, QStringLiteral("USD")), QStringLiteral("0.9 ") + today());
        QCOMPARE(seeded.model.rates().rateToBase(QStringLiteral("USD")), 0.9);
        seeded.window->views()->setCurrentWidget(seeded.window->board());
        seeded.window->show();
        QCoreApplication::processEvents();
        QVERIFY2(seeded.window->board()
                     ->columnTotals(Stage::ClosedWon)
                     ->toolTip()
                     .startsWith(QStringLiteral("Total 225,000\u00a0EUR")),
                 qPrintable(seeded.window->board()->columnTotals(Stage::ClosedWon)->toolTip()));
        // A window made later (the next start) reads them from the profile.
        OpportunityListModel model;
        MainWindow next(MainWindow::Services{seeded.store, model, *seeded.engine, seeded.client,
                                             *seeded.profile, seeded.credentials});
        QCOMPARE(model.rates(), seeded.model.rates());
    }

private:
    static QStringList rowTexts(const MoneySettingsPage &page)
    {
        QStringList texts;
        for (int row = 0; row < page.table()->rowCount(); ++row)
            texts.append(page.table()->item(row, MoneySettingsPage::RateColumn)->text());
        return texts;
    }

    // Opens the window's settings and lets `act` fill and close the dialog.
    void runSettings(SeededWindow &seeded,
                     const std::function<void(SettingsDialog &, MoneySettingsPage &)> &act)
    {
        QVERIFY(runSettingsPage<MoneySettingsPage>(*seeded.window, act));
    }

    QTemporaryDir m_dir;
    QString m_path;
    int m_run = 0;
};

QTEST_MAIN(TestMoneySettings)
#include "tst_moneysettings.moc"
