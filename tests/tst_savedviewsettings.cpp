// Saved views in the profile's settings: every field and the order survive a round trip, names
// are unique whatever their case, the built-in "My open deals" is offered once and stays deleted,
// unreadable entries are left out, and "me" is resolved when a view is opened.
#include "SavedViews.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

namespace {

SavedView everyField(const QString &name)
{
    SavedView view;
    view.name = name;
    view.searchText = QStringLiteral("  Kraków ");
    view.stages = {Stage::Proposal, Stage::ClosedLost};
    view.accountId = QStringLiteral("acct-ü/1");
    view.ownerId = QStringLiteral("auth0|63d2e8b410");
    view.archived = true;
    view.sortColumn = QStringLiteral("Value");
    view.sortOrder = Qt::DescendingOrder;
    return view;
}

} // namespace

class TestSavedViewSettings final : public QObject
{
    Q_OBJECT

private slots:
    void roundTripKeepsEveryFieldAndTheOrder()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("settings.ini"));
        SavedViews views;
        QVERIFY(views.add(everyField(QStringLiteral("Zürich — 見込み客 🚀"))).ok());
        SavedView mine;
        mine.name = QStringLiteral("Ångström deals");
        mine.ownerIsMe = true;
        mine.stages = {Stage::Negotiation};
        mine.sortColumn = QStringLiteral("CloseDate");
        QVERIFY(views.add(mine).ok());
        SavedView plain;
        plain.name = QStringLiteral("all");
        QVERIFY(views.add(plain).ok());
        {
            QSettings settings(path, QSettings::IniFormat);
            views.write(settings);
        }
        const SavedViews read = SavedViews::read(QSettings(path, QSettings::IniFormat));
        QCOMPARE(read.size(), 3);
        QCOMPARE(read.at(0), views.at(0));
        QCOMPARE(read.at(1), views.at(1));
        QCOMPARE(read.at(2), views.at(2));
        QCOMPARE(read.at(0).name, QStringLiteral("Zürich — 見込み客 🚀"));
        QVERIFY(read == views);
    }

    void namesAreUniqueWhateverTheirCase()
    {
        SavedViews views;
        SavedView view;
        view.name = QStringLiteral("  Müller pipeline ");
        QVERIFY(views.add(view).ok());
        QCOMPARE(views.at(0).name, QStringLiteral("Müller pipeline"));
        view.name = QStringLiteral("MÜLLER PIPELINE");
        const Status duplicate = views.add(view);
        QVERIFY(!duplicate.ok());
        QVERIFY(duplicate.error().contains(QStringLiteral("Müller pipeline")));
        view.name = QStringLiteral("   ");
        QVERIFY(!views.add(view).ok());
        view.name = QStringLiteral("Other");
        QVERIFY(views.add(view).ok());
        QVERIFY(!views.rename(1, QStringLiteral("müller Pipeline")).ok());
        QVERIFY(!views.replace(1, everyField(QStringLiteral("müller pipeline"))).ok());
        QCOMPARE(views.at(1).name, QStringLiteral("Other"));
        QVERIFY(views.rename(0, QStringLiteral("MÜLLER pipeline")).ok()); // its own name, recased
        QCOMPARE(views.at(0).name, QStringLiteral("MÜLLER pipeline"));
        QCOMPARE(views.indexOf(QStringLiteral("other")), std::optional<qsizetype>(1));
        QCOMPARE(views.indexOf(QStringLiteral("none")), std::nullopt);
        QCOMPARE(views.size(), 2);
    }

    void myOpenDealsIsOfferedOnceAndStaysDeleted()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("settings.ini"));
        SavedViews views = SavedViews::read(QSettings(path, QSettings::IniFormat));
        QCOMPARE(views.size(), 1);
        QCOMPARE(views.at(0), SavedViews::myOpenDeals());
        QVERIFY(views.at(0).ownerIsMe);
        QCOMPARE(views.at(0).stages, (QSet<Stage>{Stage::Prospecting, Stage::Qualification,
                                                  Stage::Proposal, Stage::Negotiation}));
        {
            QSettings settings(path, QSettings::IniFormat);
            views.write(settings);
        }
        views = SavedViews::read(QSettings(path, QSettings::IniFormat));
        QCOMPARE(views.size(), 1); // not offered a second time beside the first
        views.remove(0);
        {
            QSettings settings(path, QSettings::IniFormat);
            views.write(settings);
        }
        QCOMPARE(SavedViews::read(QSettings(path, QSettings::IniFormat)).size(), 0);
    }

    void unreadableEntriesAreLeftOut()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("settings.ini"));
        {
            QSettings settings(path, QSettings::IniFormat);
            settings.beginGroup(QStringLiteral("savedViews"));
            settings.beginWriteArray(QStringLiteral("list"));
            const QList<QList<QPair<QString, QString>>> entries = {
                {{QStringLiteral("name"), QStringLiteral("good")},
                 {QStringLiteral("stages"), QStringLiteral("proposal,negotiation")}},
                {{QStringLiteral("name"), QString()}},
                {{QStringLiteral("name"), QStringLiteral("bad stage")},
                 {QStringLiteral("stages"), QStringLiteral("proposal,won-ish")}},
                {{QStringLiteral("name"), QStringLiteral("bad flag")},
                 {QStringLiteral("archived"), QStringLiteral("maybe")}},
                {{QStringLiteral("name"), QStringLiteral("bad order")},
                 {QStringLiteral("sortOrder"), QStringLiteral("sideways")}},
                {{QStringLiteral("name"), QStringLiteral("GOOD")}},
                {{QStringLiteral("name"), QStringLiteral("also good")},
                 {QStringLiteral("archived"), QStringLiteral("true")}},
            };
            for (int i = 0; i < entries.size(); ++i) {
                settings.setArrayIndex(i);
                for (const auto &[key, value] : entries.at(i))
                    settings.setValue(key, value);
            }
            settings.endArray();
            settings.setValue(QStringLiteral("myOpenDealsAdded"), true);
            settings.endGroup();
        }
        const SavedViews views = SavedViews::read(QSettings(path, QSettings::IniFormat));
        QCOMPARE(views.size(), 2);
        QCOMPARE(views.at(0).name, QStringLiteral("good"));
        QCOMPARE(views.at(0).stages, (QSet<Stage>{Stage::Proposal, Stage::Negotiation}));
        QCOMPARE(views.at(1).name, QStringLiteral("also good"));
        QVERIFY(views.at(1).archived);
    }

    void meIsResolvedWhenOpened()
    {
        OpportunityFilter filter;
        filter.ownerId = QStringLiteral("ana");
        filter.setSearch(QStringLiteral("Kraków"));
        const SavedView view = SavedView::of(QStringLiteral("v"), filter, QStringLiteral("Kraków"),
                                             QStringLiteral("ana"));
        QVERIFY(view.ownerIsMe);
        QCOMPARE(view.filter(QStringLiteral("ben")).ownerId, QStringLiteral("ben"));
        QCOMPARE(view.filter(QString()).ownerId, QString());
        QCOMPARE(view.filter(QStringLiteral("ana")), filter);
        const SavedView someone =
            SavedView::of(QStringLiteral("v"), filter, QStringLiteral("Kraków"), QString());
        QVERIFY(!someone.ownerIsMe);
        QCOMPARE(someone.filter(QStringLiteral("ben")).ownerId, QStringLiteral("ana"));
    }
};

QTEST_MAIN(TestSavedViewSettings)

#include "tst_savedviewsettings.moc"
