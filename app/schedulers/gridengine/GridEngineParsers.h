// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/schedulers/Scheduler.h"

#include <QByteArrayView>
#include <QList>

#include <optional>

namespace app::gridengine {

// Pure parsers of Grid Engine's output (Sun/Oracle Grid Engine, Son of Grid Engine, Open Grid
// Scheduler, Univa/Altair Grid Engine): qstat -xml for jobs and queues, qstat -j ID -xml for one
// job, qacct -j for accounting. Times are read as UTC (the commands run with TZ=UTC). Output
// without the expected shape is an error, never a shorter list.

// qstat -xml [-r]: running jobs (in queue_info) and pending ones (in job_info).
sshcore::Result<QList<Job>> parseQueue(QByteArrayView output);
// qstat -xml -j ID: the job's record, its elements in qstat's order (lists summed up in a line).
sshcore::Result<JobDetails> parseJobRecord(QByteArrayView output);
// qacct -j: one block per job (per task of an array), "=====" lines between.
sshcore::Result<QList<JobAccounting>> parseHistory(QByteArrayView output);
// qstat -f -F h_rt,mem_total -xml: queue instances ("all.q@node01") summed up per cluster queue.
sshcore::Result<QList<Partition>> parseQueues(QByteArrayView output);
// qsub: "Your job 1234 ("name") has been submitted", "Your job-array 1234.1-10:1 ("name") has
// been submitted", or -terse's bare "1234".
sshcore::Result<SubmitReply> parseSubmitted(QByteArrayView standardOutput, QByteArrayView standardError);

// qw, hqw, r, t, Rr, s, S, T, Eqw, dr, ... (letters combined); none for a letter Grid Engine
// does not have.
std::optional<JobState> stateFromGridEngine(QStringView state);
// Seconds ("360"), "01:00:00"; none for "infinity" or anything else.
std::optional<qint64> parseLimit(QStringView text);

} // namespace app::gridengine
