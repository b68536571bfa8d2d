// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/schedulers/SchedulerClient.h"

#include "sshcore/SshCommand.h"
#include "sshcore/SshConnection.h"

#include <QCoreApplication>
#include <QFuture>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

using namespace std::chrono_literals;
using sshcore::CommandResult;
using sshcore::failure;
using sshcore::Result;

namespace app {

namespace {

// Queries answer in well under a second on a healthy cluster; a busy slurmctld can take many.
constexpr std::chrono::seconds QueryTimeout = 30s;
constexpr std::chrono::seconds SlowQueryTimeout = 90s;
// A submission that times out may still have created the job: wait long, and say so if it fails.
constexpr std::chrono::seconds SubmitTimeout = 120s;

} // namespace

SchedulerClient::SchedulerClient(sshcore::SshConnection *ssh, std::shared_ptr<const Scheduler> scheduler,
                                 QObject *parent)
    : QObject(parent)
    , m_ssh(ssh)
    , m_scheduler(std::move(scheduler))
{}

QString SchedulerClient::unavailableReason() const
{
    if (!m_ssh)
        return QCoreApplication::translate("app::SchedulerClient", "Not connected to the cluster.");
    if (!m_scheduler && !m_unavailableReason.isEmpty())
        return m_unavailableReason;
    return QCoreApplication::translate("app::SchedulerClient", "Not connected to the cluster's batch scheduler yet.");
}

void SchedulerClient::setScheduler(std::shared_ptr<const Scheduler> scheduler, const QString &unavailableReason)
{
    m_unavailableReason = unavailableReason;
    const bool sameKind = scheduler && m_scheduler ? scheduler->kind() == m_scheduler->kind()
                                                   : !scheduler && !m_scheduler;
    if (sameKind)
        return; // the same back end again (detected anew after a reconnection): nothing for views to redo
    m_scheduler = std::move(scheduler);
    Q_EMIT schedulerChanged();
}

template<typename T>
void SchedulerClient::refuse(QObject *context, Handler<T> handler) const
{
    // Later, not now: a caller never gets its answer before the call returns.
    QTimer::singleShot(0, context, [handler = std::move(handler), why = unavailableReason()] {
        handler(failure(sshcore::ErrorKind::LinkLost, why));
    });
}

template<typename T>
void SchedulerClient::query(const QByteArray &commandLine, bool persistentShell, std::chrono::seconds timeout,
                            QObject *context, std::function<Result<T>(const Scheduler &, const CommandResult &)> parse,
                            Handler<T> handler, bool aside)
{
    Q_ASSERT(context);
    if (!isReady())
        return refuse(context, std::move(handler));
    sshcore::SshCommandOptions options;
    options.persistentShell = persistentShell;
    options.timeout = timeout;
    // The command belongs to the context: if the context goes, so does the command.
    auto *command = m_ssh->runShell(commandLine, options, context);
    connect(command, &sshcore::SshCommand::finished, context,
            [command, context, aside, scheduler = m_scheduler, parse = std::move(parse), handler = std::move(handler)] {
                command->deleteLater();
                const auto &result = command->result();
                if (!result)
                    handler(failure(result.error()));
                else if (aside)
                    parseAside<T>([scheduler, parse, reply = *result] { return parse(*scheduler, reply); }, context,
                                  handler);
                else
                    handler(parse(*scheduler, *result));
            });
}

template<typename T>
void SchedulerClient::parseAside(std::function<Result<T>()> parse, QObject *context, Handler<T> handler)
{
    QtConcurrent::run(std::move(parse)).then(context, [handler = std::move(handler)](Result<T> parsed) {
        handler(std::move(parsed));
    });
}

template void SchedulerClient::parseAside<QList<Job>>(std::function<Result<QList<Job>>()>, QObject *,
                                                      Handler<QList<Job>>);
template void SchedulerClient::parseAside<QList<JobAccounting>>(std::function<Result<QList<JobAccounting>>()>,
                                                                QObject *, Handler<QList<JobAccounting>>);

void SchedulerClient::submit(const QString &scriptPath, const QString &workDirectory, QObject *context,
                             Handler<SubmitReply> handler)
{
    if (!isReady())
        return refuse(context, std::move(handler));
    query<SubmitReply>(
        m_scheduler->submitCommand(scriptPath, workDirectory), false, SubmitTimeout, context,
        [](const Scheduler &scheduler, const CommandResult &result) { return scheduler.parseSubmit(result); },
        [handler = std::move(handler)](Result<SubmitReply> reply) {
            if (!reply && reply.error().is(sshcore::ErrorKind::TimedOut)) {
                handler(failure(sshcore::ErrorKind::TimedOut,
                                QCoreApplication::translate(
                                    "app::SchedulerClient",
                                    "The scheduler did not confirm the submission in time. The job may have been "
                                    "created all the same: look for it in the job list before submitting again.")));
                return;
            }
            handler(std::move(reply));
        });
}

void SchedulerClient::testSubmit(const QString &scriptPath, const QString &workDirectory, QObject *context,
                                 Handler<StartEstimate> handler)
{
    if (!isReady())
        return refuse(context, std::move(handler));
    const QByteArray command = m_scheduler->testCommand(scriptPath, workDirectory);
    if (command.isEmpty()) {
        QTimer::singleShot(0, context, [handler, scheduler = m_scheduler] { handler(scheduler->parseTest({})); });
        return;
    }
    query<StartEstimate>(
        command, false, SlowQueryTimeout, context,
        [](const Scheduler &scheduler, const CommandResult &result) { return scheduler.parseTest(result); },
        std::move(handler));
}

void SchedulerClient::queue(bool allUsers, QObject *context, Handler<QList<Job>> handler)
{
    if (!isReady())
        return refuse(context, std::move(handler));
    query<QList<Job>>(
        m_scheduler->queueCommand(allUsers), true, QueryTimeout, context,
        [](const Scheduler &scheduler, const CommandResult &result) { return scheduler.parseQueue(result); },
        std::move(handler), true);
}

void SchedulerClient::details(const QString &jobId, QObject *context, Handler<JobDetails> handler)
{
    if (!isReady())
        return refuse(context, std::move(handler));
    query<JobDetails>(
        m_scheduler->detailsCommand(jobId), true, QueryTimeout, context,
        [](const Scheduler &scheduler, const CommandResult &result) { return scheduler.parseDetails(result); },
        std::move(handler));
}

void SchedulerClient::control(JobControl action, const QString &jobId, QObject *context, Handler<void> handler)
{
    if (!isReady())
        return refuse(context, std::move(handler));
    query<void>(
        m_scheduler->controlCommand(action, jobId), false, QueryTimeout, context,
        [](const Scheduler &scheduler, const CommandResult &result) { return scheduler.parseControl(result); },
        std::move(handler));
}

void SchedulerClient::history(const QDateTime &since, const QStringList &jobIds, QObject *context,
                              Handler<QList<JobAccounting>> handler)
{
    if (!isReady())
        return refuse(context, std::move(handler));
    query<QList<JobAccounting>>(
        m_scheduler->historyCommand(since, jobIds), false, SlowQueryTimeout, context,
        [](const Scheduler &scheduler, const CommandResult &result) { return scheduler.parseHistory(result); },
        std::move(handler), true);
}

void SchedulerClient::resources(QObject *context, Handler<ClusterResources> handler)
{
    if (!isReady())
        return refuse(context, std::move(handler));
    // Three questions, answered in any order; the handler runs once all are in.
    struct Gathering
    {
        ClusterResources resources;
        std::optional<sshcore::Error> error;
        int pending = 3;
        Handler<ClusterResources> handler;
        void done()
        {
            if (--pending > 0)
                return;
            if (error)
                handler(failure(*error));
            else
                handler(std::move(resources));
        }
    };
    auto gathering = std::make_shared<Gathering>();
    gathering->handler = std::move(handler);
    query<QList<Partition>>(
        m_scheduler->partitionsCommand(), true, QueryTimeout, context,
        [](const Scheduler &scheduler, const CommandResult &result) { return scheduler.parsePartitions(result); },
        [gathering](Result<QList<Partition>> partitions) {
            if (partitions)
                gathering->resources.partitions = std::move(*partitions);
            else
                gathering->error = partitions.error();
            gathering->done();
        });
    const QByteArray associations = m_scheduler->associationsCommand();
    if (associations.isEmpty()) {
        QTimer::singleShot(0, context, [gathering] { gathering->done(); });
    } else {
        query<QList<Association>>(
            associations, false, SlowQueryTimeout, context,
            [](const Scheduler &scheduler, const CommandResult &result) { return scheduler.parseAssociations(result); },
            [gathering](Result<QList<Association>> list) {
                if (list)
                    gathering->resources.associations = std::move(*list);
                gathering->done();
            });
    }
    query<QStringList>(
        Scheduler::modulesCommand(), false, SlowQueryTimeout, context,
        [](const Scheduler &, const CommandResult &result) { return Scheduler::parseModules(result); },
        [gathering](Result<QStringList> modules) {
            if (modules)
                gathering->resources.modules = std::move(*modules);
            gathering->done();
        });
}

void SchedulerClient::runCommand(const QByteArray &commandLine, bool persistentShell, std::chrono::seconds timeout,
                                 QObject *context, Handler<CommandResult> handler)
{
    query<CommandResult>(
        commandLine, persistentShell, timeout, context,
        [](const Scheduler &, const CommandResult &result) -> Result<CommandResult> { return result; },
        std::move(handler));
}

} // namespace app
