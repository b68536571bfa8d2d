// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/secrets/Keyring.h"

#include <QCoreApplication>
#include <QDir>
#include <qt6keychain/keychain.h>

using sshcore::failure;
using sshcore::Result;

namespace app {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::Keyring)
};

enum class Operation { Read, Write, Remove };

// What went wrong, then what it means for the user and what to do about it.
QString problem(const QKeychain::Job &job, Operation operation)
{
    const QString detail = job.errorString().isEmpty() ? Tr::tr("no details given") : job.errorString();
    QString what;
    bool locked = false;
    switch (job.error()) {
    case QKeychain::NoBackendAvailable: what = Tr::tr("No system keyring is available (%1).").arg(detail); break;
    case QKeychain::AccessDenied:
        what = Tr::tr("The system keyring is locked or refused access (%1).").arg(detail);
        locked = true;
        break;
    case QKeychain::AccessDeniedByUser:
        what = Tr::tr("Access to the system keyring was refused when it asked (%1).").arg(detail);
        locked = true;
        break;
    case QKeychain::CouldNotDeleteEntry:
        what = Tr::tr("The system keyring could not delete the entry (%1).").arg(detail);
        break;
    case QKeychain::NotImplemented: what = Tr::tr("The system keyring does not support this (%1).").arg(detail); break;
    default: what = Tr::tr("The system keyring could not be used (%1).").arg(detail); break;
    }
    // Whole sentences: what to do differs with whether a keyring is there but locked.
    switch (operation) {
    case Operation::Read:
        return (locked ? Tr::tr("%1 clusterdesk cannot use a remembered password and will ask for it instead; unlock "
                                "the keyring and allow clusterdesk when it asks to use remembered passwords.")
                       : Tr::tr("%1 clusterdesk cannot use a remembered password and will ask for it instead; "
                                "install and unlock a keyring such as GNOME Keyring or KWallet to use remembered "
                                "passwords."))
            .arg(what);
    case Operation::Write:
        return (locked ? Tr::tr("%1 clusterdesk keeps the password for this session only; unlock the keyring and "
                                "allow clusterdesk when it asks to remember it.")
                       : Tr::tr("%1 clusterdesk keeps the password for this session only; install and unlock a "
                                "keyring such as GNOME Keyring or KWallet to remember it."))
            .arg(what);
    case Operation::Remove:
        return (locked ? Tr::tr("%1 The remembered password may still be in the keyring; unlock the keyring and "
                                "allow clusterdesk when it asks and try again, or delete the entry \"%2\" of \"%3\" "
                                "with the keyring's own manager (such as Seahorse or KWalletManager).")
                       : Tr::tr("%1 The remembered password may still be in the keyring; install and unlock a "
                                "keyring such as GNOME Keyring or KWallet and try again, or delete the entry \"%2\" "
                                "of \"%3\" with the keyring's own manager (such as Seahorse or KWalletManager)."))
            .arg(what, job.key(), job.service());
    }
    return what;
}

// The job deletes itself once it has finished; it is not a child of the context, so that a context
// destroyed early only drops the answer and never interrupts the keyring mid-request.
template<typename Job>
Job *makeJob(const QString &service, const QString &key)
{
    auto *job = new Job(service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plain file
    job->setKey(key);
    return job;
}

} // namespace

Keyring::Keyring(QString service, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service))
{}

void Keyring::read(const QString &key, QObject *context, std::function<void(Result<std::optional<QString>>)> done)
{
    Q_ASSERT(context && context->thread() == thread());
    auto *job = makeJob<QKeychain::ReadPasswordJob>(m_service, key);
    connect(job, &QKeychain::Job::finished, context, [job, done = std::move(done)] {
        if (job->error() == QKeychain::NoError)
            done(std::optional<QString>(job->textData()));
        else if (job->error() == QKeychain::EntryNotFound)
            done(std::optional<QString>());
        else
            done(failure(problem(*job, Operation::Read)));
    });
    job->start();
}

void Keyring::write(const QString &key, const QString &secret, QObject *context, std::function<void(Result<>)> done)
{
    Q_ASSERT(context && context->thread() == thread());
    auto *job = makeJob<QKeychain::WritePasswordJob>(m_service, key);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, context, [job, done = std::move(done)] {
        if (job->error() == QKeychain::NoError)
            done({});
        else
            done(failure(problem(*job, Operation::Write)));
    });
    job->start();
}

void Keyring::remove(const QString &key, QObject *context, std::function<void(Result<>)> done)
{
    Q_ASSERT(context && context->thread() == thread());
    auto *job = makeJob<QKeychain::DeletePasswordJob>(m_service, key);
    connect(job, &QKeychain::Job::finished, context, [job, done = std::move(done)] {
        if (job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound)
            done({});
        else
            done(failure(problem(*job, Operation::Remove)));
    });
    job->start();
}

QString Keyring::passwordKey(const QUuid &profile)
{
    return QStringLiteral("profile/%1/password").arg(profile.toString(QUuid::WithoutBraces));
}

QString Keyring::passphraseKey(const QUuid &profile, const QString &keyFile)
{
    return QStringLiteral("profile/%1/passphrase/%2")
        .arg(profile.toString(QUuid::WithoutBraces), QDir::cleanPath(keyFile));
}

} // namespace app
