// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/schedulers/gridengine/GridEngineScheduler.h"

#include "app/schedulers/gridengine/GridEngineInteractive.h"
#include "app/schedulers/gridengine/GridEngineParsers.h"
#include "app/schedulers/gridengine/GridEngineUsageParsers.h"

#include <QTimeZone>

using sshcore::CommandResult;
using sshcore::failure;
using sshcore::Result;

namespace app {

QByteArray GridEngineScheduler::submitCommand(const QString &scriptPath, const QString &workDirectory) const
{
    const QString script = scriptPath.startsWith(u'-') ? QStringLiteral("./") + scriptPath : scriptPath;
    return "qsub -wd " + quoted(workDirectory) + ' ' + quoted(script);
}

Result<SubmitReply> GridEngineScheduler::parseSubmit(const CommandResult &result) const
{
    // "Unable to run job: error: no suitable queues."
    if (result.exitStatus != 0)
        return failure(sshcore::ErrorKind::Refused, commandFailure(result, QStringLiteral("qsub")));
    return gridengine::parseSubmitted(result.standardOutput, result.standardError);
}

QByteArray GridEngineScheduler::queueCommand(bool allUsers) const
{
    return allUsers ? QByteArrayLiteral("TZ=UTC qstat -xml -r -u '*'")
                    : QByteArrayLiteral("TZ=UTC qstat -xml -r -u \"$(id -un)\"");
}

Result<QList<Job>> GridEngineScheduler::parseQueue(const CommandResult &result) const
{
    return parsedOutput(result, QStringLiteral("qstat"), gridengine::parseQueue);
}

QByteArray GridEngineScheduler::detailsCommand(const QString &jobId) const
{
    return "TZ=UTC qstat -r -xml -j " + quoted(jobId);
}

Result<JobDetails> GridEngineScheduler::parseDetails(const CommandResult &result) const
{
    // For a job it no longer knows qstat exits 1 and still prints <unknown_jobs>: that says more.
    if (result.exitStatus != 0 && result.standardOutput.trimmed().isEmpty())
        return failure(sshcore::ErrorKind::Refused, queryFailure(result, QStringLiteral("qstat -j")));
    return gridengine::parseJobRecord(result.standardOutput);
}

QByteArray GridEngineScheduler::controlCommand(JobControl action, const QString &jobId) const
{
    switch (action) {
    case JobControl::Cancel: return "qdel " + quoted(jobId);
    case JobControl::Hold: return "qhold " + quoted(jobId);
    case JobControl::Release: return "qrls " + quoted(jobId);
    }
    return {};
}

QByteArray GridEngineScheduler::historyCommand(const QDateTime &since, const QStringList &jobIds) const
{
    if (!jobIds.isEmpty()) {
        // qacct takes one job at a time; one not yet accounted (still running) is skipped.
        QByteArray command = "for job in";
        for (const QString &id : jobIds)
            command += ' ' + quoted(id.section(u'.', 0, 0));
        return command + "; do TZ=UTC qacct -j \"$job\"; done";
    }
    // -b [[CC]YY]MMDDhhmm: in UTC, as qacct reads it with TZ=UTC. -j with no job: all of them.
    const QByteArray begin = since.toTimeZone(QTimeZone::UTC).toString(QStringLiteral("yyyyMMddHHmm")).toLatin1();
    return "TZ=UTC qacct -o \"$(id -un)\" -b " + begin + " -j";
}

Result<QList<JobAccounting>> GridEngineScheduler::parseHistory(const CommandResult &result) const
{
    // "error: job id 12 not found" for a job that has not ended yet; "no jobs running since
    // startup" when nothing matched.
    if (result.exitStatus != 0 && result.standardOutput.trimmed().isEmpty()) {
        const QByteArray said = result.standardError;
        if (said.contains("not found") || said.contains("no jobs"))
            return QList<JobAccounting>();
        return failure(sshcore::ErrorKind::Refused, queryFailure(result, QStringLiteral("qacct")));
    }
    return gridengine::parseHistory(result.standardOutput);
}

QByteArray GridEngineScheduler::partitionsCommand() const
{
    // -f: every queue instance, also those without jobs; -F: their run-time limit and memory.
    return QByteArrayLiteral("qstat -f -F h_rt,mem_total -xml");
}

Result<QList<Partition>> GridEngineScheduler::parsePartitions(const CommandResult &result) const
{
    return parsedOutput(result, QStringLiteral("qstat -f"), gridengine::parseQueues);
}

QByteArray GridEngineScheduler::usageCommand(const QStringList &jobIds) const
{
    if (jobIds.isEmpty())
        return {};
    // One job list: "1234,1235.7" (a task of an array is asked for as its job).
    QStringList jobs;
    for (const QString &id : jobIds) {
        const QString job = id.section(u'.', 0, 0);
        if (!jobs.contains(job))
            jobs.append(job);
    }
    return "TZ=UTC qstat -xml -j " + quoted(jobs.join(u','));
}

Result<QList<JobUsage>> GridEngineScheduler::parseUsage(const CommandResult &result) const
{
    // Jobs that have ended make qstat exit non-zero; the others are still described.
    const bool described = result.standardOutput.contains("<djob_info")
                           || result.standardOutput.contains("<unknown_jobs");
    if (result.exitStatus != 0 && !described)
        return failure(sshcore::ErrorKind::Refused, queryFailure(result, QStringLiteral("qstat -j")));
    return gridengine::parseUsage(result.standardOutput);
}

QByteArray GridEngineScheduler::clusterUseCommand() const
{
    return QByteArrayLiteral("qstat -f -xml");
}

Result<QList<PartitionUse>> GridEngineScheduler::parseClusterUse(const CommandResult &result) const
{
    return parsedOutput(result, QStringLiteral("qstat -f"), gridengine::parseQueueUse);
}

Result<QByteArray> GridEngineScheduler::interactiveCommand(const InteractiveRequest &request) const
{
    return gridengine::interactiveCommand(request);
}

AllocationProgress GridEngineScheduler::parseAllocation(QByteArrayView output) const
{
    return gridengine::parseAllocation(output);
}

} // namespace app
