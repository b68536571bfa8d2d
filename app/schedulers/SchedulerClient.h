#pragma once

#include "app/schedulers/Scheduler.h"

#include <QObject>
#include <QPointer>

#include <chrono>
#include <functional>
#include <memory>

namespace sshcore {
class SshConnection;
}

namespace app {

// Asks a cluster's scheduler over its SSH connection: runs a Scheduler's command lines and hands
// the parsed result to a handler, in the thread of the context object, and only while it exists
// (a closed window never gets a late answer; deleting the context cancels the command).
// Short, frequent queries go through the connection's persistent shell; slow ones (accounting,
// modules) and submissions get channels of their own, so they never hold the job list up.
class SchedulerClient : public QObject
{
    Q_OBJECT

public:
    template<typename T>
    using Handler = std::function<void(sshcore::Result<T>)>;

    SchedulerClient(sshcore::SshConnection *ssh, std::shared_ptr<const Scheduler> scheduler, QObject *parent = nullptr);

    const Scheduler &scheduler() const { return *m_scheduler; }

    void submit(const QString &scriptPath, const QString &workDirectory, QObject *context, Handler<SubmitReply> handler);
    void testSubmit(const QString &scriptPath, const QString &workDirectory, QObject *context,
                    Handler<StartEstimate> handler);
    void queue(bool allUsers, QObject *context, Handler<QList<Job>> handler);
    void details(const QString &jobId, QObject *context, Handler<JobDetails> handler);
    void control(JobControl action, const QString &jobId, QObject *context, Handler<void> handler);
    void history(const QDateTime &since, const QStringList &jobIds, QObject *context,
                 Handler<QList<JobAccounting>> handler);
    // Partitions, associations and modules together, for the job-script form's pickers. Only the
    // partitions are required; the others are left empty when the cluster has none.
    void resources(QObject *context, Handler<ClusterResources> handler);

    // Runs any command line (built with ShellQuote) with the client's rules, e.g. tail of an output file.
    void runCommand(const QByteArray &commandLine, bool persistentShell, std::chrono::seconds timeout, QObject *context,
                    Handler<sshcore::CommandResult> handler);

private:
    template<typename T>
    void query(const QByteArray &commandLine, bool persistentShell, std::chrono::seconds timeout, QObject *context,
               std::function<sshcore::Result<T>(const Scheduler &, const sshcore::CommandResult &)> parse,
               Handler<T> handler);

    QPointer<sshcore::SshConnection> m_ssh;
    std::shared_ptr<const Scheduler> m_scheduler;
};

} // namespace app
