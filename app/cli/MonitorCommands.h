// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/cli/RemoteCommands.h"

#include <QString>

namespace cli {

// The Monitor from the command line, through the same sampling as the app (app::MonitorSampler):
// one command per refresh to the cluster, plus one sampling step for a GPU job.

struct MonitorCommandOptions
{
    QString jobId;
    QString csvPath; // also (or, with "-", only) as CSV to this file
    int intervalSeconds = 10;
};

// Prints a job's live figures, a line per sample (time, cores busy, memory, each GPU's utilisation
// and memory), until the job ends or Ctrl+C; then what they mean in plain words. Exit status 0 when
// the job ran to its end or was interrupted, 1 when it is unknown or could not be sampled.
int monitorCommand(const ConnectionOptions &options, const MonitorCommandOptions &monitor);
// The partitions' use now: CPUs, memory and GPUs allocated / idle / unavailable, jobs pending and running.
int usageCommand(const ConnectionOptions &options);

} // namespace cli
