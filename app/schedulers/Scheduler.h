// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/monitor/Usage.h"
#include "app/profiles/Profile.h"
#include "app/schedulers/AllocationProgress.h"
#include "app/schedulers/ClusterResources.h"
#include "app/schedulers/InteractiveRequest.h"
#include "app/schedulers/Job.h"
#include "app/schedulers/JobAccounting.h"
#include "sshcore/Result.h"
#include "sshcore/SshCommand.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <utility>

namespace app {

// What a submission gave back: the job's id and whatever the scheduler said besides (warnings that
// the user should see even though the job was accepted).
struct SubmitReply
{
    QString jobId;
    QString cluster; // Slurm federation: "1234;cluster"
    QString warnings;
};

// When a job would start, from a dry run ("sbatch --test-only") or the scheduler's estimate.
struct StartEstimate
{
    QString jobId;
    QDateTime start; // invalid when the scheduler cannot say
    QString partition;
    QString nodes;
    int processors = 0;
    QString message; // the scheduler's own sentence
};

// A job's full record: its Job, and every field the scheduler reported, in its order and words.
struct JobDetails
{
    Job job;
    QList<std::pair<QString, QString>> fields;
};

// The value of the first pair named name in a list of (name, value) pairs; empty when none is.
QString valueOf(const QList<std::pair<QString, QString>> &pairs, QStringView name);

enum class JobControl { Cancel, Hold, Release };

// One batch system's command lines and the pure parsers of their output (no I/O here: a
// SchedulerClient runs the commands). Each parser gets the whole command result, so a refusal, a
// timeout or garbage comes back as an error a user can act on, never as an empty success.
class Scheduler
{
public:
    virtual ~Scheduler() = default;

    virtual Profile::Scheduler kind() const = 0;
    QString name() const { return Profile::schedulerName(kind()); }

    // Submits the script at scriptPath (on the cluster) to run in workDirectory.
    virtual QByteArray submitCommand(const QString &scriptPath, const QString &workDirectory) const = 0;
    virtual sshcore::Result<SubmitReply> parseSubmit(const sshcore::CommandResult &result) const = 0;
    // A dry run that says when the job would start; empty when the scheduler has none.
    virtual QByteArray testCommand(const QString &scriptPath, const QString &workDirectory) const;
    virtual sshcore::Result<StartEstimate> parseTest(const sshcore::CommandResult &result) const;

    // The user's jobs (allUsers: everyone's).
    virtual QByteArray queueCommand(bool allUsers) const = 0;
    virtual sshcore::Result<QList<Job>> parseQueue(const sshcore::CommandResult &result) const = 0;

    virtual QByteArray detailsCommand(const QString &jobId) const = 0;
    virtual sshcore::Result<JobDetails> parseDetails(const sshcore::CommandResult &result) const = 0;

    virtual QByteArray controlCommand(JobControl action, const QString &jobId) const = 0;
    // Errors carry the scheduler's own message ("Job has already finished").
    virtual sshcore::Result<void> parseControl(const sshcore::CommandResult &result) const;

    // Finished (and running) jobs since the given time, or the given jobs (then since is ignored).
    virtual QByteArray historyCommand(const QDateTime &since, const QStringList &jobIds) const = 0;
    virtual sshcore::Result<QList<JobAccounting>> parseHistory(const sshcore::CommandResult &result) const = 0;

    virtual QByteArray partitionsCommand() const = 0;
    virtual sshcore::Result<QList<Partition>> parsePartitions(const sshcore::CommandResult &result) const = 0;
    // Accounts and QoS the user may use; empty when the scheduler has no such notion.
    virtual QByteArray associationsCommand() const;
    virtual sshcore::Result<QList<Association>> parseAssociations(const sshcore::CommandResult &result) const;

    // What the given running jobs use now, in ONE command for all of them. A job the scheduler
    // no longer (or not yet) runs is absent from the result, never an error for the others. The
    // default: the scheduler gives no such figure (an empty command, and a NotFound failure).
    virtual QByteArray usageCommand(const QStringList &jobIds) const;
    virtual sshcore::Result<QList<JobUsage>> parseUsage(const sshcore::CommandResult &result) const;

    // Per partition (queue): CPUs, memory and GPUs allocated, idle and unavailable now.
    virtual QByteArray clusterUseCommand() const;
    virtual sshcore::Result<QList<PartitionUse>> parseClusterUse(const sshcore::CommandResult &result) const;

    // samplerCommandLine (a whole sh command line, opaque here) run inside the job's own
    // allocation, seeing only the job's own devices; empty where the scheduler has no such thing.
    virtual QByteArray gpuSamplingCommand(const QString &jobId, const QByteArray &samplerCommandLine) const;

    // An interactive allocation: the command a terminal on the login node runs; it waits for the
    // allocation and then gives a login shell on the allocated node (the person's $SHELL, expanded
    // there). Fails for values the scheduler would not take, and where there is no such thing.
    virtual sshcore::Result<QByteArray> interactiveCommand(const InteractiveRequest &request) const;
    // How far that command got, from what its terminal showed so far (a pure function of it).
    virtual AllocationProgress parseAllocation(QByteArrayView output) const;
    // A login shell beside a running job, on node (one of its nodes; the scheduler's choice when
    // empty) and inside its allocation where the scheduler can. The default is "ssh -tt NODE" from
    // the login node: sites must let people SSH to the nodes of their running jobs (most do, often
    // through pam_slurm_adopt or a similar PAM module), and node must be given.
    virtual QByteArray jobShellCommand(const QString &jobId, const QString &node) const;

    // Environment modules (Lmod or Tcl modules), whatever the scheduler.
    static QByteArray modulesCommand();
    static sshcore::Result<QStringList> parseModules(const sshcore::CommandResult &result);

    // The back end for a kind of scheduler; null for None and Unknown.
    static std::unique_ptr<Scheduler> create(Profile::Scheduler kind);

protected:
    // "sbatch: error: Invalid partition name specified" → "Invalid partition name specified", or
    // the exit status when the command said nothing.
    static QString commandFailure(const sshcore::CommandResult &result, const QString &what);
    // A query that failed: the scheduler's own words, and what it means for the jobs on screen (a
    // scheduler that does not answer leaves every state unknown, never finished).
    QString queryFailure(const sshcore::CommandResult &result, const QString &what) const;
    // Every remote string goes through ShellQuote.
    static QByteArray quoted(const QString &text);
    // What parse makes of a query's output, or queryFailure when the command failed.
    template<typename Parse>
    auto parsedOutput(const sshcore::CommandResult &result, const QString &what, Parse parse) const
        -> decltype(parse(QByteArrayView()))
    {
        if (result.exitStatus != 0)
            return sshcore::failure(sshcore::ErrorKind::Refused, queryFailure(result, what));
        return parse(QByteArrayView(result.standardOutput));
    }
};

} // namespace app
