// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/schedulers/slurm/SlurmScheduler.h"

#include "app/schedulers/slurm/SlurmInteractive.h"
#include "app/schedulers/slurm/SlurmParsers.h"
#include "app/schedulers/slurm/SlurmUsageParsers.h"
#include "sshcore/ShellQuote.h"

#include <QCoreApplication>

using sshcore::CommandResult;
using sshcore::failure;
using sshcore::Result;
using sshcore::ShellQuote;

namespace app {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::SlurmScheduler)
};

} // namespace

QByteArray SlurmScheduler::submitCommand(const QString &scriptPath, const QString &workDirectory) const
{
    return "sbatch --parsable --chdir=" + quoted(workDirectory) + " -- " + quoted(scriptPath);
}

Result<SubmitReply> SlurmScheduler::parseSubmit(const CommandResult &result) const
{
    if (result.exitStatus != 0) {
        // "sbatch: error: Batch job submission failed: Invalid partition name specified"
        QString said = QString::fromUtf8(result.standardError).trimmed();
        said.replace(QLatin1StringView("sbatch: error: "), QString());
        if (said.isEmpty())
            said = Tr::tr("sbatch failed (exit status %1).").arg(result.exitStatus);
        return failure(sshcore::ErrorKind::Refused, said);
    }
    return slurm::parseSubmitted(result.standardOutput, result.standardError);
}

QByteArray SlurmScheduler::testCommand(const QString &scriptPath, const QString &workDirectory) const
{
    return "sbatch --test-only --chdir=" + quoted(workDirectory) + " -- " + quoted(scriptPath);
}

Result<StartEstimate> SlurmScheduler::parseTest(const CommandResult &result) const
{
    if (result.exitStatus != 0) {
        QString said = QString::fromUtf8(result.standardError).trimmed();
        said.replace(QLatin1StringView("sbatch: error: "), QString());
        return failure(sshcore::ErrorKind::Refused,
                       said.isEmpty() ? Tr::tr("sbatch --test-only failed (exit status %1).").arg(result.exitStatus)
                                      : said);
    }
    return slurm::parseTestOnly(result.standardError);
}

QByteArray SlurmScheduler::queueCommand(bool allUsers) const
{
    QByteArray command = "SLURM_TIME_FORMAT=%s squeue --noheader --array";
    command += allUsers ? QByteArray() : QByteArray(" --user=\"$(id -un)\"");
    return command + " --format=" + ShellQuote::quote(slurm::queueFormat());
}

Result<QList<Job>> SlurmScheduler::parseQueue(const CommandResult &result) const
{
    return parsedOutput(result, QStringLiteral("squeue"), slurm::parseQueue);
}

QByteArray SlurmScheduler::detailsCommand(const QString &jobId) const
{
    return "scontrol show job --oneliner " + quoted(jobId);
}

Result<JobDetails> SlurmScheduler::parseDetails(const CommandResult &result) const
{
    return parsedOutput(result, QStringLiteral("scontrol show job"), slurm::parseJobRecord);
}

QByteArray SlurmScheduler::controlCommand(JobControl action, const QString &jobId) const
{
    switch (action) {
    case JobControl::Cancel: return "scancel " + quoted(jobId);
    case JobControl::Hold: return "scontrol hold " + quoted(jobId);
    case JobControl::Release: return "scontrol release " + quoted(jobId);
    }
    return {};
}

QByteArray SlurmScheduler::historyCommand(const QDateTime &since, const QStringList &jobIds) const
{
    QByteArray command = "SLURM_TIME_FORMAT=%s sacct --parsable2 --noheader --delimiter=";
    command += ShellQuote::quote("\x1f") + " --format=" + slurm::historyFormat();
    if (!jobIds.isEmpty()) {
        command += " --jobs=" + quoted(jobIds.join(u','));
    } else {
        // Relative to the cluster's clock, whatever the two clocks say.
        const qint64 ago = std::max<qint64>(60, since.secsTo(QDateTime::currentDateTimeUtc()));
        command += " --starttime=now-" + QByteArray::number(ago);
    }
    return command;
}

Result<QList<JobAccounting>> SlurmScheduler::parseHistory(const CommandResult &result) const
{
    return parsedOutput(result, QStringLiteral("sacct"), slurm::parseHistory);
}

QByteArray SlurmScheduler::partitionsCommand() const
{
    return "sinfo --noheader --format=" + ShellQuote::quote(slurm::partitionFormat());
}

Result<QList<Partition>> SlurmScheduler::parsePartitions(const CommandResult &result) const
{
    return parsedOutput(result, QStringLiteral("sinfo"), slurm::parsePartitions);
}

QByteArray SlurmScheduler::associationsCommand() const
{
    return QByteArrayLiteral("sacctmgr --noheader --parsable2 show associations user=\"$(id -un)\" "
                             "format=Account,Partition,QOS");
}

Result<QList<Association>> SlurmScheduler::parseAssociations(const CommandResult &result) const
{
    // Without accounting (no slurmdbd) sacctmgr fails: then there is nothing to choose from.
    if (result.exitStatus != 0)
        return QList<Association>();
    return slurm::parseAssociations(result.standardOutput);
}

QByteArray SlurmScheduler::usageCommand(const QStringList &jobIds) const
{
    if (jobIds.isEmpty())
        return {};
    // --noconvert: memory in bytes, not rounded to K/M/G. sstat says on standard error which jobs
    // it has no running step for, and still lists the others (exit status 0).
    return "sstat --allsteps --noheader --parsable2 --noconvert --format=" + slurm::usageFormat()
           + " --jobs=" + quoted(jobIds.join(u','));
}

Result<QList<JobUsage>> SlurmScheduler::parseUsage(const CommandResult &result) const
{
    return parsedOutput(result, QStringLiteral("sstat"), slurm::parseUsage);
}

QByteArray SlurmScheduler::clusterUseCommand() const
{
    return QByteArrayLiteral("scontrol show node --oneliner");
}

Result<QList<PartitionUse>> SlurmScheduler::parseClusterUse(const CommandResult &result) const
{
    return parsedOutput(result, QStringLiteral("scontrol show node"), slurm::parseNodes);
}

QByteArray SlurmScheduler::gpuSamplingCommand(const QString &jobId, const QByteArray &samplerCommandLine) const
{
    // --overlap shares the job's CPUs, memory and GPUs (its own steps still start); without
    // --gres the step gets the job's GPUs. --input=none: srun would otherwise forward (and read
    // up) the channel's standard input.
    return "srun --overlap --jobid=" + quoted(jobId) + " --nodes=1 --ntasks=1 --input=none --quiet sh -c "
           + ShellQuote::quote(samplerCommandLine);
}

Result<QByteArray> SlurmScheduler::interactiveCommand(const InteractiveRequest &request) const
{
    return slurm::interactiveCommand(request);
}

AllocationProgress SlurmScheduler::parseAllocation(QByteArrayView output) const
{
    return slurm::parseAllocation(output);
}

QByteArray SlurmScheduler::jobShellCommand(const QString &jobId, const QString &node) const
{
    // --overlap: without it the step waits for CPUs the job's own steps hold. Without --gres the
    // step sees the job's GPUs on that node.
    QByteArray command = "srun --overlap --jobid=" + quoted(jobId) + " --nodes=1 --ntasks=1";
    if (!node.isEmpty())
        command += " --nodelist=" + quoted(node);
    return command + " --pty \"$SHELL\" -l";
}

} // namespace app
