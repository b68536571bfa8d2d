// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/Result.h"
#include "sshcore/SshAlgorithms.h"

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace sshcore {

enum class StrictHostKeyChecking { Ask, Yes, AcceptNew, No };

// What ~/.ssh/config says about one host, after Host patterns, first-value-wins and tokens.
struct SshHostConfig
{
    QString alias;    // the name the user gave
    QString hostName; // where to connect (HostName, else the alias)
    QString user;     // empty: the caller's default
    std::optional<quint16> port;
    QStringList identityFiles; // expanded paths, in order
    bool identitiesOnly = false;
    QStringList proxyJump; // hops "[user@]host[:port]", nearest first; empty: direct
    std::optional<int> connectTimeoutSeconds;
    std::optional<int> serverAliveIntervalSeconds;
    std::optional<int> serverAliveCountMax;
    QStringList userKnownHostsFiles; // expanded paths
    std::optional<StrictHostKeyChecking> strictHostKeyChecking;
    SshAlgorithmChoices algorithms; // as written ("+aes128-cbc", "-*-cbc", "^aes128-gcm@openssh.com")
};

// An OpenSSH client configuration (ssh_config(5)): the subset clusterdesk honours, with Include.
// Unknown keywords are kept out of the way, never fatal. Parsing is pure; load() reads files.
class SshConfig
{
public:
    struct Problem
    {
        QString file;
        int line = 0;
        QString message;
    };

    // origin names the file in problems; includeBase is where relative Include paths start
    // (~/.ssh for a user's configuration). Include is followed only through load().
    static SshConfig parse(QByteArrayView text, const QString &origin = {});
    static Result<SshConfig> load(const QString &path);

    // The user's ~/.ssh/config (an empty configuration if there is none).
    static SshConfig loadUserConfig();

    SshHostConfig resolve(const QString &alias, const QString &localUser = {}) const;

    // Host patterns without wildcards or negation: hosts a user can pick from.
    QStringList concreteHosts() const;

    const QList<Problem> &problems() const { return m_problems; }

private:
    struct Entry
    {
        QStringList patterns; // of the enclosing Host block; empty: global (before any Host)
        bool matchAll = true; // false for a Match block clusterdesk cannot evaluate
        QString keyword;      // lower case
        QStringList arguments;
    };

    void parseInto(QByteArrayView text, const QString &origin, bool followIncludes, int depth, QStringList *patterns,
                   bool *matchAll);

    QList<Entry> m_entries;
    QList<Problem> m_problems;
};

// Does host match a Host line's patterns ("*.hpc !login?.hpc")? Exposed for tests.
// OpenSSH's patterns, '*' and '?': host names compare case-insensitively, algorithm names exactly.
bool sshWildcardMatch(QStringView pattern, QStringView text, Qt::CaseSensitivity sensitivity);
bool sshHostMatches(const QString &host, const QStringList &patterns);

} // namespace sshcore
