// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/schedulers/Scheduler.h"

namespace app {

// Slurm: sbatch, squeue, scontrol, scancel, sacct, sinfo and sacctmgr, with explicit formats and
// control-character separators (names may hold '|', spaces and commas) and epoch times.
class SlurmScheduler final : public Scheduler
{
public:
    Profile::Scheduler kind() const override { return Profile::Scheduler::Slurm; }

    QByteArray submitCommand(const QString &scriptPath, const QString &workDirectory) const override;
    sshcore::Result<SubmitReply> parseSubmit(const sshcore::CommandResult &result) const override;
    QByteArray testCommand(const QString &scriptPath, const QString &workDirectory) const override;
    sshcore::Result<StartEstimate> parseTest(const sshcore::CommandResult &result) const override;

    QByteArray queueCommand(bool allUsers) const override;
    sshcore::Result<QList<Job>> parseQueue(const sshcore::CommandResult &result) const override;

    QByteArray detailsCommand(const QString &jobId) const override;
    sshcore::Result<JobDetails> parseDetails(const sshcore::CommandResult &result) const override;

    QByteArray controlCommand(JobControl action, const QString &jobId) const override;

    QByteArray historyCommand(const QDateTime &since, const QStringList &jobIds) const override;
    sshcore::Result<QList<JobAccounting>> parseHistory(const sshcore::CommandResult &result) const override;

    QByteArray partitionsCommand() const override;
    sshcore::Result<QList<Partition>> parsePartitions(const sshcore::CommandResult &result) const override;
    QByteArray associationsCommand() const override;
    sshcore::Result<QList<Association>> parseAssociations(const sshcore::CommandResult &result) const override;

    // sstat for all the jobs at once (see slurm::parseUsage).
    QByteArray usageCommand(const QStringList &jobIds) const override;
    sshcore::Result<QList<JobUsage>> parseUsage(const sshcore::CommandResult &result) const override;
    // scontrol show node --oneliner (see slurm::parseNodes).
    QByteArray clusterUseCommand() const override;
    sshcore::Result<QList<PartitionUse>> parseClusterUse(const sshcore::CommandResult &result) const override;
    // srun --overlap --jobid=ID: an extra step inside the job's allocation that shares its CPUs,
    // memory and GPUs with the job's own steps (which still start while it runs) and sees the
    // job's GPUs; one task on the job's first node.
    QByteArray gpuSamplingCommand(const QString &jobId, const QByteArray &samplerCommandLine) const override;

    sshcore::Result<QByteArray> interactiveCommand(const InteractiveRequest &request) const override;
    AllocationProgress parseAllocation(QByteArrayView output) const override;
    // srun --overlap --jobid=ID --pty: a step of the job sharing its CPUs, memory and GPUs.
    QByteArray jobShellCommand(const QString &jobId, const QString &node) const override;
};

} // namespace app
