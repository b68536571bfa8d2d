// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/schedulers/Scheduler.h"

#include <QByteArrayView>
#include <QList>

#include <optional>

namespace app::pbs {

// Pure parsers of PBS output, whichever PBS printed it: PBS Professional and OpenPBS with
// "qstat -f -F json", Torque (and older PBS) with "qstat -f" text blocks ("Job Id: X", then
// "key = value" lines whose long values wrap onto deeper indented lines). The output says which.
// Times are read as UTC (the commands run with TZ=UTC). Output without the expected shape is an
// error, never a shorter list.

// qstat -f [-t]: pending and running jobs (a finished job still listed keeps its final state).
sshcore::Result<QList<Job>> parseQueue(QByteArrayView output);
// qstat -f [-x] ID: the first job in the output, every attribute in qstat's order; nested JSON
// objects become dotted names as in the text form ("Resource_List.walltime").
sshcore::Result<JobDetails> parseJobRecord(QByteArrayView output);
// qstat -x -f (PBS Professional's job history; Torque keeps completed jobs for keep_completed).
sshcore::Result<QList<JobAccounting>> parseHistory(QByteArrayView output);
// qstat -Q -f [-F json]: queues with their limits.
sshcore::Result<QList<Partition>> parseQueues(QByteArrayView output);
// qsub: "1234.server", "142[].server" (an array), perhaps after warnings.
sshcore::Result<SubmitReply> parseSubmitted(QByteArrayView standardOutput, QByteArrayView standardError);

// Q, W, T, H, R, E, B, S, U, F, X, M, C; none for a letter PBS does not have. A finished job
// (F, X, C) is Completed here: the exit status tells more (see parseHistory).
std::optional<JobState> stateFromPbs(QStringView state);

} // namespace app::pbs
