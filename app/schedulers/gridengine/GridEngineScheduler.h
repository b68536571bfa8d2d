// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/schedulers/Scheduler.h"

namespace app {

// Grid Engine (Sun/Oracle Grid Engine, Son of Grid Engine, Open Grid Scheduler, Univa/Altair):
// qsub -wd, qstat -xml for jobs and queue instances, qstat -j -xml for one job, qdel, qhold and
// qrls, qacct for what finished jobs used. Commands run with TZ=UTC so times read as UTC.
class GridEngineScheduler final : public Scheduler
{
public:
    Profile::Scheduler kind() const override { return Profile::Scheduler::GridEngine; }

    QByteArray submitCommand(const QString &scriptPath, const QString &workDirectory) const override;
    sshcore::Result<SubmitReply> parseSubmit(const sshcore::CommandResult &result) const override;

    QByteArray queueCommand(bool allUsers) const override;
    sshcore::Result<QList<Job>> parseQueue(const sshcore::CommandResult &result) const override;

    QByteArray detailsCommand(const QString &jobId) const override;
    sshcore::Result<JobDetails> parseDetails(const sshcore::CommandResult &result) const override;

    QByteArray controlCommand(JobControl action, const QString &jobId) const override;

    QByteArray historyCommand(const QDateTime &since, const QStringList &jobIds) const override;
    sshcore::Result<QList<JobAccounting>> parseHistory(const sshcore::CommandResult &result) const override;

    QByteArray partitionsCommand() const override;
    sshcore::Result<QList<Partition>> parsePartitions(const sshcore::CommandResult &result) const override;

    // qstat -j ID,ID -xml (see gridengine::parseUsage).
    QByteArray usageCommand(const QStringList &jobIds) const override;
    sshcore::Result<QList<JobUsage>> parseUsage(const sshcore::CommandResult &result) const override;
    // qstat -f -xml (see gridengine::parseQueueUse): slots only.
    QByteArray clusterUseCommand() const override;
    sshcore::Result<QList<PartitionUse>> parseClusterUse(const sshcore::CommandResult &result) const override;

    sshcore::Result<QByteArray> interactiveCommand(const InteractiveRequest &request) const override;
    AllocationProgress parseAllocation(QByteArrayView output) const override;
};

} // namespace app
