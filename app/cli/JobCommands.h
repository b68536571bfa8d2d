// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/cli/RemoteCommands.h"

#include <QString>
#include <QStringList>

#include <expected>
#include <memory>

namespace app {
class SchedulerClient;
}

namespace cli {

// A session with the cluster's scheduler (found as the app finds it on connecting).
struct SchedulerSession
{
    Session session;
    std::unique_ptr<app::SchedulerClient> client;
};
// Logs in and finds the scheduler; or the exit status to return (the reason was printed).
std::expected<SchedulerSession, int> openScheduler(const ConnectionOptions &options);

// Batch jobs from the command line, through the same scheduler back ends as the app. Each returns
// the process exit status: 0 on success, 1 when the scheduler refused, 255 when the connection failed.

struct SubmitCommandOptions
{
    QString workDirectory = QStringLiteral("."); // on the cluster; made if missing
    bool testOnly = false;                       // ask when it would start instead of submitting
    bool force = false;                          // submit despite validation errors
};
// Checks the script against the cluster, uploads it into the working directory and submits it;
// prints the job id on standard output, the scheduler's warnings on standard error.
int submitCommand(const ConnectionOptions &options, const SubmitCommandOptions &submit, const QString &scriptPath);
int queueCommand(const ConnectionOptions &options, bool allUsers);
// action: cancel, hold or release.
int controlCommand(const ConnectionOptions &options, const QString &action, const QStringList &jobIds);
// Finished jobs of the last days (or the given jobs) with their CPU, memory and time efficiency.
int historyCommand(const ConnectionOptions &options, int days, const QStringList &jobIds);
// Local only: prints the script for another scheduler, and what did not translate on standard error.
int translateCommand(const QString &target, const QString &scriptPath);

} // namespace cli
