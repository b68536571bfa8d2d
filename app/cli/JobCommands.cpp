// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/cli/JobCommands.h"

#include "app/jobs/JobSubmission.h"
#include "app/jobscripts/JobScriptTranslator.h"
#include "app/jobscripts/JobScriptValidator.h"
#include "app/schedulers/ResourceUnits.h"
#include "app/schedulers/SchedulerClient.h"
#include "app/schedulers/SchedulerDetection.h"
#include "app/transfers/TransferQueue.h"
#include "sshcore/ShellQuote.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cstdio>
#include <expected>
#include <functional>

namespace cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::cli)
};

// Calls an asynchronous SchedulerClient method and waits for its answer.
template<typename T>
sshcore::Result<T> waitFor(const std::function<void(QObject *, app::SchedulerClient::Handler<T>)> &call)
{
    QEventLoop loop;
    std::optional<sshcore::Result<T>> answer;
    call(&loop, [&](sshcore::Result<T> result) {
        answer = std::move(result);
        loop.quit();
    });
    if (!answer)
        loop.exec();
    return std::move(*answer);
}

// The cluster's scheduler, found as the app finds it on connecting (SchedulerDetection's probe, with
// the same time limit, so that a login shell that hangs ends the command instead of blocking it).
std::unique_ptr<app::SchedulerClient> schedulerOf(sshcore::SshConnection *connection)
{
    auto probe = waitFor<sshcore::CommandResult>([&](QObject *context, auto handler) {
        sshcore::SshCommandOptions options;
        options.timeout = std::chrono::seconds(30);
        auto *command = connection->runShell(app::SchedulerDetection::probeScript(), options, context);
        QObject::connect(command, &sshcore::SshCommand::finished, context, [command, handler] {
            command->deleteLater();
            handler(command->result());
        });
    });
    if (!probe) {
        printError(probe.error().message);
        return nullptr;
    }
    const app::SchedulerDetection detection = app::SchedulerDetection::parse(probe->standardOutput);
    auto scheduler = app::Scheduler::create(detection.scheduler);
    if (!scheduler) {
        printError(Tr::tr("%1 on this cluster: clusterdesk cannot submit jobs here.").arg(detection.displayName()));
        return nullptr;
    }
    return std::make_unique<app::SchedulerClient>(connection, std::move(scheduler));
}

} // namespace

std::expected<SchedulerSession, int> openScheduler(const ConnectionOptions &options)
{
    auto session = connectTo(options, options.batch);
    if (!session)
        return std::unexpected(connectionFailed);
    auto client = schedulerOf(session->connection.get());
    if (!client)
        return std::unexpected(1);
    return SchedulerSession{std::move(*session), std::move(client)};
}

namespace {

QString timeText(const std::optional<qint64> &seconds)
{
    return seconds ? app::units::formatDuration(*seconds) : QStringLiteral("-");
}

QString percent(const std::optional<double> &fraction)
{
    return fraction ? QStringLiteral("%1%").arg(qRound(*fraction * 100)) : QStringLiteral("-");
}

void printRow(const QStringList &cells, const QList<int> &widths)
{
    QString line;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i + 1 < cells.size())
            line += cells[i].leftJustified(widths.value(i), u' ', true) + u' ';
        else
            line += cells[i];
    }
    std::printf("%s\n", qPrintable(line.trimmed()));
}

// A table's column widths: at least the given ones, and wide enough for each (translated) heading.
QList<int> widthsFor(const QStringList &headings, QList<int> widths)
{
    for (qsizetype i = 0; i < widths.size() && i < headings.size(); ++i)
        widths[i] = std::max(widths[i], int(headings[i].size()));
    return widths;
}

} // namespace

int submitCommand(const ConnectionOptions &options, const SubmitCommandOptions &submit, const QString &scriptPath)
{
    QFile file(scriptPath);
    if (!file.open(QIODevice::ReadOnly)) {
        printError(Tr::tr("cannot read %1: %2").arg(scriptPath, file.errorString()));
        return 1;
    }
    const QString text = QString::fromUtf8(file.readAll());
    auto opened = openScheduler(options);
    if (!opened)
        return opened.error();
    const auto &client = opened->client;
    const app::JobScript script = app::JobScript::parse(text, client->scheduler()->kind());

    // Checked against the cluster's partitions and limits before anything is sent.
    const auto resources = waitFor<app::ClusterResources>(
        [&](QObject *context, auto handler) { client->resources(context, handler); });
    const auto problems = app::JobScriptValidator::check(script, resources ? &*resources : nullptr);
    bool errors = false;
    for (const app::ScriptProblem &problem : problems) {
        const bool error = problem.severity == app::ScriptProblem::Severity::Error;
        errors = errors || error;
        //: A problem found in a job script, as compilers write them: FILE:LINE: error: MESSAGE
        const QString line = error ? Tr::tr("%1:%2: error: %3") : Tr::tr("%1:%2: warning: %3");
        std::fprintf(stderr, "%s\n",
                     qPrintable(line.arg(scriptPath, QString::number(problem.line + 1), problem.message)));
    }
    if (errors && !submit.force) {
        printError(Tr::tr("not submitted: fix the errors above (or use --force)."));
        return 1;
    }

    // The script goes to the working directory through the transfer engine, then to the scheduler.
    app::TransferQueue queue(opened->session.connection.get());
    app::JobSubmission submission(client.get(), &queue);
    app::JobSubmission::Request request;
    request.scriptText = text;
    request.scriptName = QFileInfo(scriptPath).fileName();
    request.workDirectory = submit.workDirectory;
    request.testOnly = submit.testOnly;
    QEventLoop loop;
    bool finished = false;
    std::optional<app::SubmitReply> reply;
    QString error;
    const auto finish = [&] {
        finished = true;
        loop.quit();
    };
    QObject::connect(&submission, &app::JobSubmission::failed, &loop, [&](const QString &message) {
        error = message;
        finish();
    });
    QObject::connect(&submission, &app::JobSubmission::estimated, &loop, [&](const app::StartEstimate &estimate) {
        std::printf("%s\n", qPrintable(estimate.message));
        finish();
    });
    QObject::connect(&submission, &app::JobSubmission::submitted, &loop, [&](const app::SubmitReply &submitted) {
        reply = submitted;
        finish();
    });
    submission.start(request);
    if (!finished)
        loop.exec();
    if (!error.isEmpty()) {
        printError(error);
        return 1;
    }
    if (submit.testOnly)
        return 0;
    if (!reply->warnings.isEmpty())
        std::fprintf(stderr, "%s\n", qPrintable(reply->warnings));
    std::printf("%s\n", qPrintable(reply->jobId));
    return 0;
}

int queueCommand(const ConnectionOptions &options, bool allUsers)
{
    auto opened = openScheduler(options);
    if (!opened)
        return opened.error();
    const auto &client = opened->client;
    const auto jobs = waitFor<QList<app::Job>>(
        [&](QObject *context, auto handler) { client->queue(allUsers, context, handler); });
    if (!jobs) {
        printError(jobs.error().message);
        return 1;
    }
    //: The headings of "clusterdesk-cli queue"'s table
    const QStringList headings = {Tr::tr("JOB"),   Tr::tr("NAME"),
                                  Tr::tr("STATE"), Tr::tr("USED"),
                                  Tr::tr("LEFT"),  Tr::tr("PARTITION"),
                                  Tr::tr("NODES"), Tr::tr("WHERE / WHY / EXPECTED START")};
    const QList<int> widths = widthsFor(headings, {12, 20, 10, 10, 10, 10, 6});
    printRow(headings, widths);
    for (const app::Job &job : *jobs) {
        QString where = job.nodeList;
        if (job.state == app::JobState::Pending || job.state == app::JobState::Held) {
            where = job.reason;
            if (job.startTime.isValid())
                //: A pending job's reason and when it is expected to start
                where = Tr::tr("%1 (expected %2)")
                            .arg(job.reason, job.startTime.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        }
        printRow({job.id, job.name, app::jobStateName(job.state), timeText(job.elapsedSeconds),
                  timeText(job.timeLeftSeconds), job.partition, QString::number(job.nodeCount), where},
                 widths);
    }
    return 0;
}

int controlCommand(const ConnectionOptions &options, const QString &action, const QStringList &jobIds)
{
    const app::JobControl control = action == u"hold"      ? app::JobControl::Hold
                                    : action == u"release" ? app::JobControl::Release
                                                           : app::JobControl::Cancel;
    auto opened = openScheduler(options);
    if (!opened)
        return opened.error();
    const auto &client = opened->client;
    int status = 0;
    for (const QString &id : jobIds) {
        const auto done = waitFor<void>(
            [&](QObject *context, auto handler) { client->control(control, id, context, handler); });
        if (!done) {
            printError(QStringLiteral("%1 %2: %3").arg(action, id, done.error().message));
            status = 1;
        }
    }
    return status;
}

int historyCommand(const ConnectionOptions &options, int days, const QStringList &jobIds)
{
    auto opened = openScheduler(options);
    if (!opened)
        return opened.error();
    const auto &client = opened->client;
    const auto jobs = waitFor<QList<app::JobAccounting>>([&](QObject *context, auto handler) {
        client->history(QDateTime::currentDateTimeUtc().addDays(-days), jobIds, context, handler);
    });
    if (!jobs) {
        printError(jobs.error().message);
        return 1;
    }
    //: The headings of "clusterdesk-cli history"'s table
    const QStringList headings = {Tr::tr("JOB"),  Tr::tr("NAME"),   Tr::tr("STATE"), Tr::tr("ELAPSED"), Tr::tr("CPUS"),
                                  Tr::tr("CPU%"), Tr::tr("MAXRSS"), Tr::tr("MEM%"),  Tr::tr("TIME%"),   Tr::tr("EXIT")};
    const QList<int> widths = widthsFor(headings, {12, 20, 12, 10, 6, 6, 10, 8, 6});
    printRow(headings, widths);
    for (const app::JobAccounting &job : *jobs) {
        printRow({job.id, job.name, app::jobStateName(job.state), timeText(job.elapsedSeconds),
                  QString::number(job.allocatedCpus), percent(job.cpuEfficiency()),
                  job.maxRssBytes ? app::units::describeMemory(*job.maxRssBytes) : QStringLiteral("-"),
                  percent(job.memoryEfficiency()), percent(job.timeEfficiency()), job.exitCode},
                 widths);
    }
    return 0;
}

int translateCommand(const QString &target, const QString &scriptPath)
{
    const QString name = target.toLower();
    const app::Profile::Scheduler scheduler = name == u"slurm" ? app::Profile::Scheduler::Slurm
                                              : name == u"pbs" ? app::Profile::Scheduler::Pbs
                                              : name == u"lsf" ? app::Profile::Scheduler::Lsf
                                              : name == u"sge" || name == u"gridengine"
                                                  ? app::Profile::Scheduler::GridEngine
                                                  : app::Profile::Scheduler::Unknown;
    if (scheduler == app::Profile::Scheduler::Unknown) {
        printError(Tr::tr("--to takes slurm, pbs, lsf or sge"));
        return 2;
    }
    QFile file(scriptPath);
    if (!file.open(QIODevice::ReadOnly)) {
        printError(Tr::tr("cannot read %1: %2").arg(scriptPath, file.errorString()));
        return 1;
    }
    const app::JobScript source = app::JobScript::parse(QString::fromUtf8(file.readAll()));
    const app::Translation translation = app::JobScriptTranslator::translate(source, scheduler);
    std::fputs(translation.script.text().toUtf8().constData(), stdout);
    for (const QString &note : translation.notes)
        std::fprintf(stderr, "%s\n", qPrintable(Tr::tr("note: %1").arg(note)));
    return 0;
}

} // namespace cli
