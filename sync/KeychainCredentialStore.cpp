#include "KeychainCredentialStore.h"

#include <qt6keychain/keychain.h>

void KeychainCredentialStore::read(const QString &account, ReadCallback done)
{
    auto *job = new QKeychain::ReadPasswordJob(QString::fromLatin1(service));
    job->setAutoDelete(true);
    job->setKey(account);
    QObject::connect(job, &QKeychain::Job::finished, [done](QKeychain::Job *finished) {
        auto *reader = static_cast<QKeychain::ReadPasswordJob *>(finished);
        if (reader->error() == QKeychain::EntryNotFound)
            return done(std::nullopt, QString());
        if (reader->error() != QKeychain::NoError)
            return done(std::nullopt, reader->errorString());
        done(reader->textData(), QString());
    });
    job->start();
}

void KeychainCredentialStore::write(const QString &account, const QString &key, WriteCallback done)
{
    auto *job = new QKeychain::WritePasswordJob(QString::fromLatin1(service));
    job->setAutoDelete(true);
    job->setKey(account);
    job->setTextData(key);
    QObject::connect(job, &QKeychain::Job::finished, [done](QKeychain::Job *finished) {
        done(finished->error() == QKeychain::NoError ? QString() : finished->errorString());
    });
    job->start();
}

void KeychainCredentialStore::remove(const QString &account, WriteCallback done)
{
    auto *job = new QKeychain::DeletePasswordJob(QString::fromLatin1(service));
    job->setAutoDelete(true);
    job->setKey(account);
    QObject::connect(job, &QKeychain::Job::finished, [done](QKeychain::Job *finished) {
        const bool gone = finished->error() == QKeychain::NoError ||
                          finished->error() == QKeychain::EntryNotFound;
        done(gone ? QString() : finished->errorString());
    });
    job->start();
}
