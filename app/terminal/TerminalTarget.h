// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/schedulers/InteractiveRequest.h"
#include "sshcore/Result.h"
#include "sshcore/SshCommand.h"

#include <QByteArray>
#include <QString>

namespace app {

class Scheduler;

// Where a terminal tab's shell runs and what the tab is called: the login node, a folder on it,
// beside a running job on its node, or in an interactive allocation. command() is the line the
// tab's PTY runs on the login node (every value in it quoted); the PTY itself is the ui's.
struct TerminalTarget
{
    enum class Kind { LoginNode, Folder, JobNode, Allocation };
    // A terminal multiplexer on the login node that keeps the shell when the link drops.
    enum class Multiplexer { None, Tmux, Screen };

    Kind kind = Kind::LoginNode;
    QString cluster;            // the profile's name, for the title
    QString folder;             // Folder
    QString jobId;              // JobNode
    QString node;               // JobNode (the job's first node); Allocation, once known
    InteractiveRequest request; // Allocation
    // Optional: run inside a named session of this multiplexer (see sessionName()).
    Multiplexer multiplexer = Multiplexer::None;
    QString session;

    static TerminalTarget loginNode(const QString &cluster);
    static TerminalTarget inFolder(const QString &cluster, const QString &folder);
    static TerminalTarget onJobNode(const QString &cluster, const QString &jobId, const QString &nodeList);
    static TerminalTarget allocation(const QString &cluster, const InteractiveRequest &request);

    // The line to run; fails when the scheduler cannot do what is asked (no allocations, a bad value).
    sshcore::Result<QByteArray> command(const Scheduler *scheduler) const;
    // "hawk", "hawk: ~/runs", "hawk: job 1234 on node01", "hawk: allocation 1234 on node01".
    QString title(const QString &allocationJobId = {}) const;

    // A session name for a new tab: "clusterdesk-" and the hint's safe characters and a random
    // suffix, so two tabs never share one; only [A-Za-z0-9_-] (tmux refuses '.' and ':').
    static QString sessionName(const QString &hint);
    // Prints the multiplexers the login node has ("command -v tmux; command -v screen").
    static QByteArray multiplexersCommand();
    // tmux when there, else screen, else None.
    static Multiplexer parseMultiplexers(const sshcore::CommandResult &result);
    // Exits 0 when the session exists (then command() reattaches to it: say so in the tab).
    QByteArray sessionExistsCommand() const;
    // Ends the session (a tab closed on purpose); empty without one.
    QByteArray killSessionCommand() const;
    // The first host of a scheduler's node list: "node[01-04]" → "node01", "node01/0*2+node02/0"
    // (PBS exec_host) → "node01", "8*host1:4*host2" (LSF) → "host1", "a b" → "a".
    static QString firstHost(const QString &nodeList);
};

} // namespace app
