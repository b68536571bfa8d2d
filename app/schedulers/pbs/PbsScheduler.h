// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/schedulers/Scheduler.h"

namespace app {

// PBS: PBS Professional and OpenPBS (qstat -f -F json, with job history from qstat -x) and Torque
// (qstat -f as text). Which one a cluster runs is asked on the cluster itself unless the caller
// knows: qstat --version says "pbs_version = ..." only on PBS Professional and OpenPBS. The
// parsers read either form whatever was asked. Commands run with TZ=UTC so times read as UTC.
class PbsScheduler final : public Scheduler
{
public:
    enum class Flavour { Detect, Professional, Torque };

    explicit PbsScheduler(Flavour flavour = Flavour::Detect)
        : m_flavour(flavour)
    {}

    Profile::Scheduler kind() const override { return Profile::Scheduler::Pbs; }

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

    // qstat -f of the given jobs (see pbs::parseUsage).
    QByteArray usageCommand(const QStringList &jobIds) const override;
    sshcore::Result<QList<JobUsage>> parseUsage(const sshcore::CommandResult &result) const override;
    // pbsnodes -a -F json (see pbs::parseNodes); Torque's pbsnodes has no JSON and fails.
    QByteArray clusterUseCommand() const override;
    sshcore::Result<QList<PartitionUse>> parseClusterUse(const sshcore::CommandResult &result) const override;

private:
    // The command for PBS Professional, the one for Torque, or both behind the version check.
    QByteArray either(const QByteArray &professional, const QByteArray &torque) const;

    Flavour m_flavour;

    sshcore::Result<QByteArray> interactiveCommand(const InteractiveRequest &request) const override;
    AllocationProgress parseAllocation(QByteArrayView output) const override;
};

} // namespace app
