// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/monitor/Usage.h"
#include "sshcore/Result.h"

#include <QByteArrayView>
#include <QList>

namespace app::pbs {

// Pure parsers of what PBS says of running jobs' and nodes' use, for the Monitor.

// "qstat -f -F json ID..." (PBS Professional, OpenPBS) or "qstat -f ID..." (Torque): running
// jobs (R, E, S, U) from resources_used: cput (CPU time so far, cumulative) → cpuSeconds,
// walltime → elapsedSeconds, ncpus (else Resource_List.ncpus, else Torque's nodes=N:ppn=M) →
// allocatedCpus, Resource_List.mem → memoryLimitBytes. PBS's mem and vmem ("5660kb", 1024-based)
// are the most the job's processes held at any of MoM's polls, not what they hold now: they
// become maxRssBytes and maxVirtualMemoryBytes; rssBytes stays empty. A job just started has no
// resources_used yet: it is listed with its id and limits only. Jobs in other states are absent.
sshcore::Result<QList<JobUsage>> parseUsage(QByteArrayView output);

// "pbsnodes -a -F json" (PBS Professional, OpenPBS; Torque's pbsnodes has no JSON): per queue,
// from each node's resources_available and resources_assigned (ncpus, mem, ngpus). A node's queue
// is its "queue" attribute, else the site's resources_available.Qlist ("gpu,gpu_preempt": it
// counts in each); a node that names none may serve any queue and counts under the empty name
// (the whole cluster). A node down, offline, unknown, stale, in maintenance or reserved
// (resv-exclusive) keeps what is assigned as allocated, the rest is unavailable; a job-exclusive
// node is allocated whole, whatever the job asked for. Sorted by queue name.
sshcore::Result<QList<PartitionUse>> parseNodes(QByteArrayView output);

} // namespace app::pbs
