// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

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
//
// Lifetime: a ClusterConnection has one client for as long as it exists, whatever happens to the
// link, so views may keep a pointer to it (a QPointer where they may outlive the connection). Its
// back end (the Scheduler) is set when detection finishes and cleared when the connection closes or
// fails for good: without one, every request fails at once (in the context's thread, never inside
// the call) with unavailableReason(). While the link is being restored, requests wait in the SSH
// layer and go on once it is back; a command that was running when the link dropped fails with a
// message saying it may or may not have finished.
class SchedulerClient : public QObject
{
    Q_OBJECT

public:
    template<typename T>
    using Handler = std::function<void(sshcore::Result<T>)>;

    explicit SchedulerClient(sshcore::SshConnection *ssh, std::shared_ptr<const Scheduler> scheduler = {},
                             QObject *parent = nullptr);

    // The back end in use; null while there is none (see isReady()).
    std::shared_ptr<const Scheduler> scheduler() const { return m_scheduler; }
    // Whether requests can go out: a back end is set and the connection exists.
    bool isReady() const { return m_scheduler && !m_ssh.isNull(); }
    // Why requests fail while not ready ("Not connected to the cluster.", "… has no back end …").
    QString unavailableReason() const;
    // Sets or replaces the back end (requests under way finish with the one they started with);
    // null with a reason clears it. schedulerChanged() only when the kind of back end changes.
    void setScheduler(std::shared_ptr<const Scheduler> scheduler, const QString &unavailableReason = {});

    void submit(const QString &scriptPath, const QString &workDirectory, QObject *context,
                Handler<SubmitReply> handler);
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

    // Runs parse on a worker thread and hands its result to handler in context's thread (not at all if
    // context goes first): a 50,000-job listing takes tens of milliseconds to parse, which the window
    // must not wait for. queue() and history() answer this way; defined for QList<Job> and
    // QList<JobAccounting>.
    template<typename T>
    static void parseAside(std::function<sshcore::Result<T>()> parse, QObject *context, Handler<T> handler);

Q_SIGNALS:
    // The back end was set, replaced by one of another kind, or cleared.
    void schedulerChanged();

private:
    template<typename T>
    void query(const QByteArray &commandLine, bool persistentShell, std::chrono::seconds timeout, QObject *context,
               std::function<sshcore::Result<T>(const Scheduler &, const sshcore::CommandResult &)> parse,
               Handler<T> handler, bool aside = false);
    template<typename T>
    void refuse(QObject *context, Handler<T> handler) const;

    QPointer<sshcore::SshConnection> m_ssh;
    std::shared_ptr<const Scheduler> m_scheduler;
    QString m_unavailableReason;
};

} // namespace app
