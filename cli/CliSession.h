#pragma once

#include "ApiClient.h"
#include "CachedOpportunity.h"
#include "LocalStore.h"
#include "PeopleBook.h"
#include "Profile.h"
#include "RequestGate.h"
#include "Result.h"
#include "StaleRule.h"

#include <QUrl>
#include <memory>
#include <optional>

// What a command runs on: the profile, its cache for the chosen server, and the client with the
// key once a command needs the server.
class CliSession final
{
public:
    // `profileDir` empty: the default profile.
    explicit CliSession(const QString &profileDir);

    // Opens the cache of `serverOverride`, else of the profile's server. Given once, the server
    // is the profile's from then on (as in the app). Says on standard error why not.
    bool open(const QUrl &serverOverride);
    // The key from KASHEW_API_KEY, else from the keychain, into the client. Says why not.
    bool loadKey();
    // A unique record, or why there is none ("no opportunity...", "matches more than one...").
    using RecordMatch = Result<CachedOpportunity>;
    // The record of its full id, the id `new` printed before a sync renamed it, or the start of
    // one; the failure: the cache could not be read.
    Result<RecordMatch> findRecord(const QString &idOrPrefix);
    // Says on standard error why the cache could not be read: every failed read of the store
    // comes here, and the first one is said, once. Returns the exit code.
    int readFailure(const QString &reason);
    // Every cached deal and the people who own them, as the listing commands read them.
    struct Deals
    {
        QList<CachedOpportunity> records;
        PeopleBook people;
    };
    Result<Deals> deals();
    // The stale rule the desktop app's settings hold for this profile.
    StaleRule staleRule();
    // A stale deal's days without a change; none for a deal that is not stale (what `list
    // --stale` and `export --stale` keep).
    static std::optional<int> staleDays(const StaleRule &rule, const Opportunity &o,
                                        const QDate &today);

    Profile &profile() { return m_profile; }
    const QUrl &server() const { return m_server; }
    LocalStore &store() { return m_store; }
    ApiClient &client() { return m_client; }
    // The key's request budget, counted in the cache (none before open()).
    RequestGate *gate() { return m_gate.get(); }

private:
    Profile m_profile;
    QUrl m_server;
    LocalStore m_store;
    ApiClient m_client;
    std::unique_ptr<RequestGate> m_gate;
    bool m_readFailureSaid = false;
};
