// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/schedulers/lsf/LsfScheduler.h"

#include "app/schedulers/lsf/LsfInteractive.h"
#include "app/schedulers/lsf/LsfParsers.h"
#include "app/schedulers/lsf/LsfUsageParsers.h"
#include "sshcore/ShellQuote.h"

using sshcore::CommandResult;
using sshcore::failure;
using sshcore::Result;
using sshcore::ShellQuote;

namespace app {

namespace {

// bjobs with nothing to list says so instead of printing an empty list.
bool saysNoJobs(const CommandResult &result)
{
    const QByteArray said = result.standardError + result.standardOutput;
    return result.standardOutput.trimmed().isEmpty()
           && (said.contains("No unfinished job found") || said.contains("No job found")
               || said.contains("No matching job found"));
}

// -hms: times as hh:mm:ss rather than "1 second(s)".
QByteArray bjobs(const QByteArray &fields)
{
    return "TZ=UTC bjobs -hms -o " + ShellQuote::quote(fields) + " -json";
}

} // namespace

QByteArray LsfScheduler::submitCommand(const QString &scriptPath, const QString &workDirectory) const
{
    // A job starts where bsub ran.
    return "cd " + quoted(workDirectory) + " && bsub < " + quoted(scriptPath);
}

Result<SubmitReply> LsfScheduler::parseSubmit(const CommandResult &result) const
{
    if (result.exitStatus != 0)
        return failure(sshcore::ErrorKind::Refused, commandFailure(result, QStringLiteral("bsub")));
    return lsf::parseSubmitted(result.standardOutput, result.standardError);
}

QByteArray LsfScheduler::queueCommand(bool allUsers) const
{
    return bjobs(lsf::jobFields()) + (allUsers ? " -u all" : "");
}

Result<QList<Job>> LsfScheduler::parseQueue(const CommandResult &result) const
{
    if (saysNoJobs(result))
        return QList<Job>();
    return parsedOutput(result, QStringLiteral("bjobs"),
                        [](QByteArrayView output) { return lsf::parseQueue(output, QDateTime::currentDateTimeUtc()); });
}

QByteArray LsfScheduler::detailsCommand(const QString &jobId) const
{
    return bjobs(lsf::detailFields()) + ' ' + quoted(jobId);
}

Result<JobDetails> LsfScheduler::parseDetails(const CommandResult &result) const
{
    if (result.exitStatus != 0 || saysNoJobs(result))
        return failure(sshcore::ErrorKind::Refused, queryFailure(result, QStringLiteral("bjobs")));
    return lsf::parseJobRecord(result.standardOutput, QDateTime::currentDateTimeUtc());
}

QByteArray LsfScheduler::controlCommand(JobControl action, const QString &jobId) const
{
    switch (action) {
    case JobControl::Cancel: return "bkill " + quoted(jobId);
    case JobControl::Hold: return "bstop " + quoted(jobId);
    case JobControl::Release: return "bresume " + quoted(jobId);
    }
    return {};
}

QByteArray LsfScheduler::historyCommand(const QDateTime &, const QStringList &jobIds) const
{
    // bjobs -a remembers finished jobs for CLEAN_PERIOD (an hour unless the site says otherwise);
    // bhist and bacct reach further back but their output has not been recorded for clusterdesk.
    QByteArray command = bjobs(lsf::jobFields()) + " -a";
    for (const QString &id : jobIds)
        command += ' ' + quoted(id);
    return command;
}

Result<QList<JobAccounting>> LsfScheduler::parseHistory(const CommandResult &result) const
{
    if (saysNoJobs(result))
        return QList<JobAccounting>();
    if (result.exitStatus != 0 && result.standardOutput.trimmed().isEmpty())
        return failure(sshcore::ErrorKind::Refused, queryFailure(result, QStringLiteral("bjobs")));
    return lsf::parseHistory(result.standardOutput, QDateTime::currentDateTimeUtc());
}

QByteArray LsfScheduler::partitionsCommand() const
{
    // -w: whole queue names (the default table cuts them at 15 characters).
    return QByteArrayLiteral("bqueues -w");
}

Result<QList<Partition>> LsfScheduler::parsePartitions(const CommandResult &result) const
{
    return parsedOutput(result, QStringLiteral("bqueues"), lsf::parseQueues);
}

QByteArray LsfScheduler::usageCommand(const QStringList &jobIds) const
{
    if (jobIds.isEmpty())
        return {};
    QByteArray command = bjobs(lsf::usageFields());
    for (const QString &id : jobIds)
        command += ' ' + quoted(id);
    return command;
}

Result<QList<JobUsage>> LsfScheduler::parseUsage(const CommandResult &result) const
{
    // A job bjobs no longer knows is a record with an ERROR member (and a non-zero exit status)
    // while the others are listed: only output that is not JSON at all is a failure.
    if (saysNoJobs(result))
        return QList<JobUsage>();
    if (result.exitStatus != 0 && !result.standardOutput.trimmed().startsWith('{'))
        return failure(sshcore::ErrorKind::Refused, queryFailure(result, QStringLiteral("bjobs")));
    return lsf::parseUsage(result.standardOutput);
}

QByteArray LsfScheduler::clusterUseCommand() const
{
    return "bhosts -o " + ShellQuote::quote("host_name status max njobs run ssusp ususp rsv") + " -json";
}

Result<QList<PartitionUse>> LsfScheduler::parseClusterUse(const CommandResult &result) const
{
    return parsedOutput(result, QStringLiteral("bhosts"), lsf::parseHosts);
}

Result<QByteArray> LsfScheduler::interactiveCommand(const InteractiveRequest &request) const
{
    return lsf::interactiveCommand(request);
}

AllocationProgress LsfScheduler::parseAllocation(QByteArrayView output) const
{
    return lsf::parseAllocation(output);
}

} // namespace app
