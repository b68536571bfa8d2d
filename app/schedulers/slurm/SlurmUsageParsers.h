// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/monitor/Usage.h"
#include "sshcore/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <optional>

namespace app::slurm {

// Pure parsers of what Slurm says of running jobs' and nodes' use, for the Monitor.

// The fields usageFormat() asks sstat for: JobID, TRESUsageInTot, TRESUsageInMax.
QByteArray usageFormat();
// "sstat --allsteps --noheader --parsable2 --noconvert --format=usageFormat() --jobs=12,13": one
// line per running step ("12.batch", "12.0", "12.extern"). Measured on Slurm 24.11 (see
// tests/app/data/schedulers/slurm/24.11-demo/SOURCES.md): TRESUsageInTot's cpu= is the CPU time
// the step's tasks used so far (cumulative, summed over tasks) and its mem= their resident memory
// now (summed over tasks); TRESUsageInMax's mem= is the largest resident memory one task reached.
// A job's figures sum its steps (cpu, mem, vmem) or take their largest (peak), leaving out
// "extern" (the allocation's placeholder, which runs nothing of the job). sstat knows nothing of
// the time limit, the elapsed time or the CPUs (the queue listing does): those stay empty.
// Jobs sstat did not list (ended, not started) are absent. sstat names a task of an array by
// its own job id (squeue's %A: task 5_1 may be "6.batch"), whatever it was asked with.
sshcore::Result<QList<JobUsage>> parseUsage(QByteArrayView output);

// "scontrol show node --oneliner": per partition, from each node's CfgTRES and AllocTRES (CPUs,
// memory, GPUs). A node in several partitions counts in each. A node that cannot take new jobs
// (DOWN, DRAIN, FAIL, MAINT, RESERVED, powered down, not responding...) keeps what is
// allocated there as allocated; the rest of it is unavailable. Sorted by partition name.
sshcore::Result<QList<PartitionUse>> parseNodes(QByteArrayView output);

// One value of a TRES list ("cpu=00:00:04,mem=12836K,gres/gpuutil=100"); none when absent.
std::optional<QByteArrayView> tresValue(QByteArrayView tres, QByteArrayView key);
// gres/gpuutil (percent) and gres/gpumem (bytes; Slurm's K/M/G are 1024-based, a bare number is
// bytes) of a TRES usage list, where the site's Slurm records them (NVML GPU plugin).
std::optional<double> gpuUtilisationOf(QByteArrayView tres);
std::optional<qint64> gpuMemoryOf(QByteArrayView tres);

} // namespace app::slurm
