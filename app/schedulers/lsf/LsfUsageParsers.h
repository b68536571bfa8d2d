// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/monitor/Usage.h"
#include "sshcore/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace app::lsf {

// Pure parsers of what LSF says of running jobs' and hosts' use, for the Monitor.

// The fields usageFields() asks bjobs -o for: jobid stat cpu_used mem max_mem run_time
// nalloc_slot memlimit.
QByteArray usageFields();
// "bjobs -hms -o usageFields() -json ID...": running jobs (RUN, USUSP, SSUSP): CPU_USED (CPU time
// so far, cumulative) → cpuSeconds, MEM (resident memory of the job's processes now) → rssBytes,
// MAX_MEM (the most they held) → maxRssBytes, RUN_TIME → elapsedSeconds, NALLOC_SLOT →
// allocatedCpus (slots), MEMLIMIT (with a unit only: a bare number's unit is the site's
// LSF_UNIT_FOR_LIMITS, which the output does not say) → memoryLimitBytes. LSF writes sizes as
// "233 Mbytes", "1.8 Gbytes" (1024-based). Records of jobs bjobs does not know (an "ERROR"
// member) and jobs in other states are absent.
sshcore::Result<QList<JobUsage>> parseUsage(QByteArrayView output);

// "bhosts -o 'host_name status max njobs run ssusp ususp rsv' -json": LSF's hosts know job slots,
// not queues (a queue's hosts are in bqueues -l, often "all"), CPUs or memory: one entry with
// an empty partition name (the whole cluster), slots as CPUs: NJOBS less RSV allocated, RSV
// (reserved for pending jobs) unavailable, the rest idle, or unavailable on a host that takes no
// jobs (unavail, unreach, closed_Adm, closed_Lock, closed_Busy, closed_LIM, closed_EGO, ...); a
// closed_Excl host (an exclusive job) is allocated whole. hasMemory and hasGpus stay false.
sshcore::Result<QList<PartitionUse>> parseHosts(QByteArrayView output);

} // namespace app::lsf
