// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/SshAlgorithms.h"
#include "sshcore/SshEndpoint.h"
#include "sshcore/config/SshConfig.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace sshcore {

// Everything needed to open one authenticated session, merged from a profile and ~/.ssh/config.
struct SshConnectionSettings
{
    QString host;
    quint16 port = 22;
    QString user;
    QStringList identityFiles;   // tried in order after the agent's keys
    bool identitiesOnly = false; // only the agent keys that match identityFiles
    bool useAgent = true;
    QList<SshConnectionSettings> jumpHosts; // nearest first
    int connectTimeoutSeconds = 20;
    int keepAliveIntervalSeconds = 15; // 0: none
    int keepAliveCountMax = 3;         // dead after interval * countMax without an answer
    QStringList knownHostsFiles;       // first is written to
    StrictHostKeyChecking strictHostKeyChecking = StrictHostKeyChecking::Ask;
    bool reconnect = true;
    int maxChannels = 10;           // open channels at once; OpenSSH's MaxSessions default is 10
    SshAlgorithmChoices algorithms; // Ciphers, MACs, KexAlgorithms, HostKeyAlgorithms; empty: defaults

    QString displayName() const; // "user@host:port"

    // target is "alias", "user@alias:port" or an ssh:// address; the configuration fills in the rest
    // the way OpenSSH would (jump hosts too).
    static Result<SshConnectionSettings> fromConfig(const SshConfig &config, const QString &target);

    // ProxyJump hops ("[user@]host[:port]" or aliases), each resolved through the configuration,
    // flattened nearest first.
    static Result<QList<SshConnectionSettings>> resolveJumpHosts(const SshConfig &config, const QStringList &hops);

    static QString localUserName();
};

} // namespace sshcore
