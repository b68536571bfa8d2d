// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/schedulers/Scheduler.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QList>

#include <optional>

namespace app::lsf {

// Pure parsers of IBM Spectrum LSF's output: bjobs -o '...' -json (LSF 10.1.0.2 and later) for
// jobs, bqueues -w for queues, bsub's sentence for submissions. LSF prints times without a year
// ("Dec 28 19:56"): now says which year is meant (the latest one that does not put the time in the
// future). Times are read as UTC (the commands run with TZ=UTC). Output without the expected shape
// is an error, never a shorter list.

// The fields asked of bjobs for the job list and the history: only fields whose JSON form was
// recorded on a real LSF (data/schedulers/lsf).
QByteArray jobFields();
// The fields asked for one job's details: all those recorded.
QByteArray detailFields();

sshcore::Result<QList<Job>> parseQueue(QByteArrayView output, const QDateTime &now);
sshcore::Result<QList<JobAccounting>> parseHistory(QByteArrayView output, const QDateTime &now);
sshcore::Result<JobDetails> parseJobRecord(QByteArrayView output, const QDateTime &now);
// bqueues [-w]: the default table, one queue a line under a header.
sshcore::Result<QList<Partition>> parseQueues(QByteArrayView output);
// bsub: "Job <1234> is submitted to queue <normal>."
sshcore::Result<SubmitReply> parseSubmitted(QByteArrayView standardOutput, QByteArrayView standardError);

// PEND, PSUSP, USUSP, SSUSP, RUN, DONE, EXIT, WAIT, ZOMBI, UNKWN, PROV; none for another word.
// EXIT is Failed here (parseHistory tells a job that ran out of time).
std::optional<JobState> stateFromLsf(QStringView state);
// "Dec 28 19:56", "Jan  7 09:59 L", "Apr 12 18:10:00 2026"; invalid for anything else.
QDateTime parseTime(QStringView text, const QDateTime &now);

} // namespace app::lsf
