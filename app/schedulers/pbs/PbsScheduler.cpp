// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/schedulers/pbs/PbsScheduler.h"

#include "app/schedulers/pbs/PbsInteractive.h"
#include "app/schedulers/pbs/PbsParsers.h"
#include "app/schedulers/pbs/PbsUsageParsers.h"

#include <QCoreApplication>

using sshcore::CommandResult;
using sshcore::failure;
using sshcore::Result;

namespace app {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::PbsScheduler)
};

// qstat exits non-zero when a job it was asked about has gone (it finished between qselect and
// qstat, or PBS keeps no history): the others are still listed, and the gone one has finished.
bool onlyUnknownJobs(const CommandResult &result)
{
    const QStringList lines = QString::fromUtf8(result.standardError).split(u'\n', Qt::SkipEmptyParts);
    return !lines.isEmpty()
           && std::ranges::all_of(lines, [](const QString &line) { return line.contains(u"Unknown Job Id"); });
}

// The same, and jobs that finished since (PBS Professional with job history: "Job has finished,
// use -x or -H to obtain historical job information").
bool onlyGoneJobs(const CommandResult &result)
{
    const QStringList lines = QString::fromUtf8(result.standardError).split(u'\n', Qt::SkipEmptyParts);
    return !lines.isEmpty() && std::ranges::all_of(lines, [](const QString &line) {
        return line.contains(u"Unknown Job Id") || line.contains(u"Job has finished");
    });
}

// The user's own jobs: qstat -f takes no -u, so qselect names them. Nothing selected lists
// nothing (qstat without ids would list everyone's). No globbing of the ids ("12[3].srv").
QByteArray ownJobs(const QByteArray &qselect, const QByteArray &qstat)
{
    return "( set -f; ids=$(" + qselect + " -u \"$(id -un)\") || exit; [ -z \"$ids\" ] || " + qstat + " $ids )";
}

} // namespace

QByteArray PbsScheduler::either(const QByteArray &professional, const QByteArray &torque) const
{
    switch (m_flavour) {
    case Flavour::Professional: return professional;
    case Flavour::Torque: return torque;
    case Flavour::Detect: break;
    }
    return "if qstat --version 2>&1 | grep -q pbs_version; then " + professional + "; else " + torque + "; fi";
}

QByteArray PbsScheduler::submitCommand(const QString &scriptPath, const QString &workDirectory) const
{
    // OpenPBS's qsub has no -d: the job's PBS_O_WORKDIR is where qsub ran (scripts cd there).
    const QString script = scriptPath.startsWith(u'-') ? QStringLiteral("./") + scriptPath : scriptPath;
    return "cd " + quoted(workDirectory) + " && qsub " + quoted(script);
}

Result<SubmitReply> PbsScheduler::parseSubmit(const CommandResult &result) const
{
    if (result.exitStatus != 0) {
        // "qsub: Unknown queue", "qsub: Job exceeds queue resource limits"
        QString said = QString::fromUtf8(result.standardError).trimmed();
        said.remove(QLatin1StringView("qsub: "));
        return failure(sshcore::ErrorKind::Refused, said.isEmpty()
                                                        ? Tr::tr("qsub failed (exit status %1).").arg(result.exitStatus)
                                                        : said.left(400));
    }
    return pbs::parseSubmitted(result.standardOutput, result.standardError);
}

QByteArray PbsScheduler::queueCommand(bool allUsers) const
{
    const QByteArray professional = "TZ=UTC qstat -f -F json -t";
    const QByteArray torque = "TZ=UTC qstat -f -t";
    if (allUsers)
        return either(professional, torque);
    return either(ownJobs("qselect", professional), ownJobs("qselect", torque));
}

Result<QList<Job>> PbsScheduler::parseQueue(const CommandResult &result) const
{
    if (result.exitStatus != 0 && !onlyUnknownJobs(result))
        return failure(sshcore::ErrorKind::Refused, queryFailure(result, QStringLiteral("qstat")));
    return pbs::parseQueue(result.standardOutput);
}

QByteArray PbsScheduler::detailsCommand(const QString &jobId) const
{
    return either("TZ=UTC qstat -f -F json -x " + quoted(jobId), "TZ=UTC qstat -f " + quoted(jobId));
}

Result<JobDetails> PbsScheduler::parseDetails(const CommandResult &result) const
{
    return parsedOutput(result, QStringLiteral("qstat"), pbs::parseJobRecord);
}

QByteArray PbsScheduler::controlCommand(JobControl action, const QString &jobId) const
{
    switch (action) {
    case JobControl::Cancel: return "qdel " + quoted(jobId);
    case JobControl::Hold: return "qhold " + quoted(jobId);
    case JobControl::Release: return "qrls " + quoted(jobId);
    }
    return {};
}

QByteArray PbsScheduler::historyCommand(const QDateTime &, const QStringList &jobIds) const
{
    // PBS Professional keeps finished jobs for job_history_duration (two weeks unless the site
    // says otherwise) and qselect cannot narrow them by end time in every version: the list
    // covers that history. Torque shows completed jobs for keep_completed seconds only.
    if (!jobIds.isEmpty()) {
        QByteArray ids;
        for (const QString &id : jobIds)
            ids += ' ' + quoted(id);
        return either("TZ=UTC qstat -x -f -F json" + ids, "TZ=UTC qstat -f" + ids);
    }
    return either(ownJobs("qselect -x", "TZ=UTC qstat -x -f -F json -t"), ownJobs("qselect", "TZ=UTC qstat -f -t"));
}

Result<QList<JobAccounting>> PbsScheduler::parseHistory(const CommandResult &result) const
{
    if (result.exitStatus != 0 && !onlyUnknownJobs(result))
        return failure(sshcore::ErrorKind::Refused, queryFailure(result, QStringLiteral("qstat")));
    return pbs::parseHistory(result.standardOutput);
}

QByteArray PbsScheduler::partitionsCommand() const
{
    return either("qstat -Q -f -F json", "qstat -Q -f");
}

Result<QList<Partition>> PbsScheduler::parsePartitions(const CommandResult &result) const
{
    return parsedOutput(result, QStringLiteral("qstat -Q"), pbs::parseQueues);
}

QByteArray PbsScheduler::usageCommand(const QStringList &jobIds) const
{
    if (jobIds.isEmpty())
        return {};
    QByteArray ids;
    for (const QString &id : jobIds)
        ids += ' ' + quoted(id);
    return either("TZ=UTC qstat -f -F json" + ids, "TZ=UTC qstat -f" + ids);
}

Result<QList<JobUsage>> PbsScheduler::parseUsage(const CommandResult &result) const
{
    // qstat lists the jobs it knows and says on standard error which it does not (exit status
    // non-zero): those have ended.
    if (result.exitStatus != 0 && !onlyGoneJobs(result))
        return failure(sshcore::ErrorKind::Refused, queryFailure(result, QStringLiteral("qstat")));
    return pbs::parseUsage(result.standardOutput);
}

QByteArray PbsScheduler::clusterUseCommand() const
{
    return QByteArrayLiteral("pbsnodes -a -F json");
}

Result<QList<PartitionUse>> PbsScheduler::parseClusterUse(const CommandResult &result) const
{
    return parsedOutput(result, QStringLiteral("pbsnodes"), pbs::parseNodes);
}

Result<QByteArray> PbsScheduler::interactiveCommand(const InteractiveRequest &request) const
{
    return pbs::interactiveCommand(request);
}

AllocationProgress PbsScheduler::parseAllocation(QByteArrayView output) const
{
    return pbs::parseAllocation(output);
}

} // namespace app
