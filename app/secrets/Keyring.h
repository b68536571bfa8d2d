// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/Result.h"

#include <QObject>
#include <QString>
#include <QUuid>

#include <functional>
#include <optional>

namespace app {

// Secrets the user asked clusterdesk to remember, kept in the system keyring (Secret Service on
// Linux, KWallet, macOS Keychain, Windows Credential Manager) through QtKeychain. clusterdesk itself
// never writes a secret to disk: when no keyring is usable, it says so and never falls back to a file.
class Keyring : public QObject
{
    Q_OBJECT

public:
    explicit Keyring(QString service = QStringLiteral("clusterdesk"), QObject *parent = nullptr);

    QString service() const { return m_service; }

    // Each calls done exactly once, later, on context's thread; nothing is called if context is
    // destroyed first.
    // nullopt: nothing is stored under key.
    void read(const QString &key, QObject *context, std::function<void(sshcore::Result<std::optional<QString>>)> done);
    void write(const QString &key, const QString &secret, QObject *context,
               std::function<void(sshcore::Result<>)> done);
    // Removing an entry that does not exist is a success.
    void remove(const QString &key, QObject *context, std::function<void(sshcore::Result<>)> done);

    // The key under which a profile's password, or the passphrase of one of its key files, is kept.
    static QString passwordKey(const QUuid &profile);
    static QString passphraseKey(const QUuid &profile, const QString &keyFile);

private:
    QString m_service;
};

} // namespace app
