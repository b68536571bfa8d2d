// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/schedulers/Job.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace app {

// A job as accounting remembers it: what it asked for and what it used. The efficiency figures are
// what tells a user to ask for less next time (and wait less in the queue).
struct JobAccounting
{
    QString id;
    QString name;
    QString user;
    QString partition;
    QString account;
    JobState state = JobState::Unknown;
    QString stateText;
    QString exitCode; // "0:0" (status:signal) for Slurm; the exit status elsewhere
    std::optional<qint64> elapsedSeconds;
    std::optional<qint64> timeLimitSeconds;
    std::optional<double> cpuSeconds; // used by all the job's processes (user + system)
    int allocatedCpus = 0;
    int nodeCount = 0;
    std::optional<qint64> requestedMemoryBytes; // for the whole job
    std::optional<qint64> maxRssBytes;          // the largest resident set of any step
    QString allocatedResources;                 // "billing=2,cpu=2,gres/gpu=1,mem=1G,node=1"
    // Where the site records them (Slurm's gres/gpuutil and gres/gpumem, NVML): the GPUs' average
    // utilisation over the job's largest step, and the most GPU memory a step used.
    std::optional<double> gpuUtilisationPercent;
    std::optional<qint64> gpuMemoryBytes;
    QDateTime submitTime;
    QDateTime startTime;
    QDateTime endTime;

    // What a job listing already says of a job (ids, names, state, times, limits, CPUs, nodes).
    static JobAccounting fromJob(const Job &job);

    // CPU time used / (CPUs allocated x elapsed), 0..1 (a little above 1 from rounding).
    std::optional<double> cpuEfficiency() const;
    // Largest step's resident set / memory requested.
    std::optional<double> memoryEfficiency() const;
    // Elapsed / time limit.
    std::optional<double> timeEfficiency() const;

    bool operator==(const JobAccounting &) const = default;
};

} // namespace app
