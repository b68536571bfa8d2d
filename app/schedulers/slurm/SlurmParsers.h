// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/schedulers/Scheduler.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace app::slurm {

// Pure parsers of Slurm's output, as asked for by SlurmScheduler's command lines (fields separated
// by 0x1F, records by 0x1E, times as seconds since the epoch). Each returns an error for output
// that does not have the expected shape: a listing that lost a record must never make a job look
// finished.

// The fields queueFormat() asks squeue for, in order.
QByteArray queueFormat();
sshcore::Result<QList<Job>> parseQueue(QByteArrayView output);

QByteArray historyFormat();
sshcore::Result<QList<JobAccounting>> parseHistory(QByteArrayView output);

QByteArray partitionFormat();
sshcore::Result<QList<Partition>> parsePartitions(QByteArrayView output);

// sacctmgr -nP show assoc format=Account,Partition,QOS
QList<Association> parseAssociations(QByteArrayView output);

// "scontrol show job -o ID": the first line's Key=Value pairs.
sshcore::Result<JobDetails> parseJobRecord(QByteArrayView output);

// sbatch --parsable: "1234" or "1234;cluster", perhaps after warnings.
sshcore::Result<SubmitReply> parseSubmitted(QByteArrayView standardOutput, QByteArrayView standardError);
// sbatch --test-only: "sbatch: Job 7 to start at 2026-11-23T01:55:38 using 2 processors on nodes
// node01 in partition cpu" (on standard error).
sshcore::Result<StartEstimate> parseTestOnly(QByteArrayView standardError);

// PENDING, RUNNING, CANCELLED by 1000, PD, R, ... (reason tells a held job).
JobState stateFromSlurm(QByteArrayView state, QByteArrayView reason = {});

} // namespace app::slurm
