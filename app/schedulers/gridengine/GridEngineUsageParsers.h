// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/monitor/Usage.h"
#include "sshcore/Result.h"

#include <QByteArrayView>
#include <QList>

namespace app::gridengine {

// Pure parsers of what Grid Engine says of running jobs' and queues' use, for the Monitor.

// "qstat -j ID,ID -xml": each running task's JAT_scaled_usage_list: cpu (CPU seconds so far,
// cumulative) → cpuSeconds, vmem and maxvmem (bytes: virtual memory now and at most) →
// virtualMemoryBytes and maxVirtualMemoryBytes, wallclock (Univa) → elapsedSeconds. Grid Engine
// gives no resident memory: its "mem" (and Univa's memrss, memvmm, mempss) are integrals over
// time in GB·s, not sizes, so rssBytes and maxRssBytes stay empty. Slots (the parallel
// environment's, else 1) → allocatedCpus; h_vmem (per slot) × slots → memoryLimitBytes. A task of
// an array job is "1234.7", as the queue lists it. Jobs Grid Engine no longer knows (printed in
// an <unknown_jobs> part, which is not even well-formed XML) are absent.
sshcore::Result<QList<JobUsage>> parseUsage(QByteArrayView output);

// "qstat -f -xml": per cluster queue, the slots of its queue instances ("all.q@node01"): used →
// allocated, reserved (slots_resv) → unavailable, the rest idle, or unavailable where the
// instance cannot take jobs (state letters u, a, d, E, s, S, C, D, o, c). Grid Engine counts
// slots, which sites usually make one per core. Memory and GPUs are site-defined complexes there
// (h_vmem, gpu, ...), not figures qstat -f gives: hasMemory and hasGpus stay false. A host in
// several queues counts in each. Sorted by queue name.
sshcore::Result<QList<PartitionUse>> parseQueueUse(QByteArrayView output);

} // namespace app::gridengine
