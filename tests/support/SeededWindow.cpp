#include "SeededWindow.h"

#include "SampleRows.h"

SeededWindow::SeededWindow()
{
    if (!store.open(dir.filePath(QStringLiteral("cache.sqlite"))).ok)
        return;
    QList<Opportunity> records;
    for (const OpportunityRow &row : SampleRows::make())
        records.append(row.opportunity);
    QList<Account> accounts;
    for (const char *id : {"acct-a", "acct-b", "acct-c"}) {
        Account account;
        account.id = QString::fromLatin1(id);
        account.name = QStringLiteral("Account ") + account.id.right(1).toUpper();
        accounts.append(account);
    }
    if (!store.beginPull() || !store.stagePulled(records) || !store.commitPull(true) ||
        !store.storeAccounts(accounts))
        return;
    feeder = std::make_unique<ModelFeeder>(store, model);
    feeder->reload();
    engine = std::make_unique<SyncEngine>(store, client);
    profile = std::make_unique<Profile>(dir.filePath(QStringLiteral("profile")));
    window = std::make_unique<MainWindow>(
        MainWindow::Services{store, model, *engine, client, *profile, credentials});
    window->setLocalOnly(true);
    ok = true;
}
