// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/schedulers/Scheduler.h"

namespace app {

// IBM Spectrum LSF: bsub (the script on standard input, so that its #BSUB lines count), bjobs with
// an explicit field list as JSON (LSF 10.1.0.2 and later), bkill, bstop and bresume, bqueues.
// Commands run with TZ=UTC so times read as UTC.
class LsfScheduler final : public Scheduler
{
public:
    Profile::Scheduler kind() const override { return Profile::Scheduler::Lsf; }

    QByteArray submitCommand(const QString &scriptPath, const QString &workDirectory) const override;
    sshcore::Result<SubmitReply> parseSubmit(const sshcore::CommandResult &result) const override;

    QByteArray queueCommand(bool allUsers) const override;
    sshcore::Result<QList<Job>> parseQueue(const sshcore::CommandResult &result) const override;

    QByteArray detailsCommand(const QString &jobId) const override;
    sshcore::Result<JobDetails> parseDetails(const sshcore::CommandResult &result) const override;

    // Hold is bstop (a pending job becomes PSUSP and is not dispatched), release is bresume.
    QByteArray controlCommand(JobControl action, const QString &jobId) const override;

    QByteArray historyCommand(const QDateTime &since, const QStringList &jobIds) const override;
    sshcore::Result<QList<JobAccounting>> parseHistory(const sshcore::CommandResult &result) const override;

    QByteArray partitionsCommand() const override;
    sshcore::Result<QList<Partition>> parsePartitions(const sshcore::CommandResult &result) const override;

    // bjobs -o ... -json of the given jobs (see lsf::parseUsage).
    QByteArray usageCommand(const QStringList &jobIds) const override;
    sshcore::Result<QList<JobUsage>> parseUsage(const sshcore::CommandResult &result) const override;
    // bhosts -o ... -json (see lsf::parseHosts): slots of the whole cluster, not per queue.
    QByteArray clusterUseCommand() const override;
    sshcore::Result<QList<PartitionUse>> parseClusterUse(const sshcore::CommandResult &result) const override;

    sshcore::Result<QByteArray> interactiveCommand(const InteractiveRequest &request) const override;
    AllocationProgress parseAllocation(QByteArrayView output) const override;
};

} // namespace app
