// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/schedulers/Job.h"

#include <QString>
#include <QStringView>

#include <optional>

namespace app {

// Where a batch job's output goes: Slurm's filename patterns (sbatch --output/--error) expanded
// for one job, as slurmstepd expands them, so the Jobs area can open or follow the file. Pure.
class OutputPatterns
{
public:
    // What a pattern can refer to.
    struct Facts
    {
        QString jobId;      // the job's own number; an array task has its own (SLURM_JOB_ID)
        QString arrayJobId; // empty for a job that is not part of an array
        QString arrayTaskId;
        QString name;
        QString user;
        QString nodeList; // "node[01-04]"; empty before the job runs
        QString workDirectory;
    };

    // A queue listing gives a task's array and index but not its own number: jobId stays empty
    // for array tasks (a pattern with %j is then not expandable).
    static Facts factsOf(const Job &job);

    // Slurm's default when no --output is given: "slurm-%j.out", arrays "slurm-%A_%a.out".
    static QString slurmDefaultPattern(bool arrayJob);
    // The path the pattern (empty: the default) gives for the job, relative to its working
    // directory unless absolute; nothing when it needs what is not known (%N before the job has
    // nodes, %j of an array task).
    static std::optional<QString> slurmPath(const Facts &job, QStringView pattern = {});
    // %j %A %a %b %J %s %x %u %N %n %t and %%, with zero padding ("%4a", at most 10 digits). A
    // backslash anywhere turns expansion off (the backslashes go).
    static std::optional<QString> expandSlurm(QStringView pattern, const Facts &job);

    // "node[01-04,07],gpu1" → "node01": the node a batch script runs on.
    static QString firstNode(QStringView nodeList);
};

} // namespace app
