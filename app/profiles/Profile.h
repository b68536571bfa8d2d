// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/Result.h"
#include "sshcore/SshConnectionSettings.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUuid>

namespace app {

// One cluster as the user set it up. Holds no secret: passwords and passphrases live in memory for a
// session, or in the system keyring if the user asks (never in this struct, never on disk).
struct Profile
{
    enum class Authentication { Automatic, Agent, KeyFile, Password, KeyboardInteractive };
    enum class Scheduler { Unknown, Slurm, Pbs, Lsf, GridEngine, None }; // Unknown: detect on connect

    QUuid id;
    QString name;
    QString host;
    quint16 port = 22;
    QString user;
    Authentication authentication = Authentication::Automatic;
    QString keyFile;
    QStringList jumpHosts; // "[user@]host[:port]", nearest first
    Scheduler scheduler = Scheduler::Unknown;
    QString remoteDirectory;
    QString defaultPartition;
    QString defaultAccount;
    QString colour;               // "#2b6fd6", or empty for the default
    QString knownHostsFile;       // empty: what ~/.ssh/config says (UserKnownHostsFile), else ~/.ssh/known_hosts
    bool rememberSecrets = false; // keep passwords and passphrases in the system keyring
    bool demo = false;            // follows the local demo cluster: its address is re-read when it restarts

    bool operator==(const Profile &) const = default;

    QJsonObject toJson() const;
    static sshcore::Result<Profile> fromJson(const QJsonObject &object);

    // Connection settings: this profile's choices over what ~/.ssh/config says for its host.
    sshcore::Result<sshcore::SshConnectionSettings> connectionSettings(const sshcore::SshConfig &config) const;

    static QString schedulerName(Scheduler scheduler);
    static QString authenticationName(Authentication authentication);
    // "alice@login.example.org" (":port" when not 22).
    QString address() const;
};

} // namespace app
