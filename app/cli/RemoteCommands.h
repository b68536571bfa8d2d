// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/cli/TerminalInteraction.h"
#include "sshcore/SshConnection.h"
#include "sshcore/config/SshConfig.h"

#include <QByteArray>
#include <QList>
#include <QSocketNotifier>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace cli {

// How to reach the target: ~/.ssh/config applies, these options win.
struct ConnectionOptions
{
    QString target; // alias, user@host[:port] or ssh://...
    QStringList identityFiles;
    QString knownHostsFile;
    QString jumpHosts; // "-J": comma-separated hops, nearest first; overrides ProxyJump
    std::optional<sshcore::StrictHostKeyChecking> strictHostKeyChecking;
    bool batch = false;
};

// "clusterdesk-cli: message" on standard error; the message is translated by the caller.
void printError(const QString &message);
// "usage: SYNOPSIS" on standard error, "usage:" translated; the synopsis (the command, its options and
// the names of its arguments, as clusterdesk-cli(1) writes them) is not.
void printUsage(const QString &synopsis);

// Activated on SIGINT or SIGTERM (Ctrl+C) from then on; null if the signals cannot be watched.
std::unique_ptr<QSocketNotifier> interruptNotifier();

// A connected session with what it was made from; declared in the order it must be torn down.
struct Session
{
    sshcore::SshConnectionSettings settings;
    std::unique_ptr<TerminalInteraction> interaction;
    std::unique_ptr<sshcore::SshConnection> connection;
};

// Resolves the target and logs in (waiting: this is a command-line program); on failure the reason
// was printed.
std::optional<Session> connectTo(const ConnectionOptions &options, bool batch);
constexpr int connectionFailed = 255;

// Each returns the process exit status: the remote one for exec, 255 when the connection failed
// (as ssh does), 1 for other errors.
int execCommand(const ConnectionOptions &options, const QList<QByteArray> &command);
int listCommand(const ConnectionOptions &options, const QByteArray &path);
int forwardCommand(const ConnectionOptions &options, const QString &spec);
struct TransferCommandOptions
{
    bool upload = true;
    QString conflict = QStringLiteral("overwrite"); // overwrite, skip, resume, keep-both, newer
    bool verify = false;
};
// Copies SOURCE (a file or folder) into the folder DESTINATION on the other side; a progress bar on a
// terminal, a line per file otherwise. Non-zero when any file failed.
int transferCommand(const ConnectionOptions &options, const TransferCommandOptions &transfer, const QString &source,
                    const QString &destination);
// Runs command count times through one session, then count times with OpenSSH's ssh, and prints
// both and their ratio.
int benchExecCommand(const ConnectionOptions &options, int count, const QByteArray &command);

} // namespace cli
