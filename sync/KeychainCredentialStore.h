#pragma once

#include "CredentialStore.h"

// The system keychain through qtkeychain (libsecret on Linux). Fails with a clear message where
// no secret service runs; callers then keep the key for the session only.
class KeychainCredentialStore final : public CredentialStore
{
public:
    void read(const QString &account, ReadCallback done) override;
    void write(const QString &account, const QString &key, WriteCallback done) override;
    void remove(const QString &account, WriteCallback done) override;

    static constexpr const char *service = "kashew";
};
