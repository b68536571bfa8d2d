// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/cli/JupyterCommands.h"

#include "app/cli/JobCommands.h"
#include "app/jupyter/JupyterManager.h"
#include "app/jupyter/JupyterSession.h"
#include "app/jupyter/JupyterSessionModel.h"
#include "app/schedulers/SchedulerClient.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QSocketNotifier>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>

namespace cli {

namespace {

using State = app::JupyterSession::State;

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::cli)
};

void note(const QString &line)
{
    std::fprintf(stderr, "%s\n", qPrintable(line));
    std::fflush(stderr);
}

// Asks a yes/no question on the terminal; no when there is none. The answer is typed as "[y/N]"
// says, in English (like the yes/no of ssh's questions).
bool askYes(const QString &question)
{
    if (!::isatty(STDIN_FILENO))
        return false;
    std::fprintf(stderr, "%s [y/N] ", qPrintable(question));
    std::fflush(stderr);
    QTextStream in(stdin);
    const QString answer = in.readLine().trimmed().toLower();
    return answer == u"y" || answer == u"yes";
}

// Waits until the session ends (returns false) or the person presses Ctrl+C (returns true); prints
// each state change and the URL once ready.
bool followUntilInterrupted(app::JupyterSession &session)
{
    QEventLoop loop;
    bool interrupted = false;
    const auto stop = interruptNotifier();
    if (stop)
        QObject::connect(stop.get(), &QSocketNotifier::activated, &loop, [&] {
            interrupted = true;
            loop.quit();
        });
    QString said;
    const auto report = [&] {
        const QString line = QStringLiteral("%1: %2").arg(app::JupyterSession::stateName(session.state()),
                                                          session.stateText());
        if (line != said && session.state() != State::Ended) {
            note(line);
            said = line;
        }
        if (session.state() == State::Ready && said != u"ready") {
            std::printf("%s\n", qPrintable(session.url().toString()));
            std::fflush(stdout);
            note(Tr::tr("Jupyter is ready (job %1). Press Ctrl+C to close the tunnel.").arg(session.jobId()));
            said = QStringLiteral("ready");
        }
        if (session.state() == State::Ended)
            loop.quit();
    };
    QObject::connect(&session, &app::JupyterSession::changed, &loop, report);
    report();
    if (session.state() != State::Ended)
        loop.exec();
    return interrupted;
}

// After Ctrl+C: stop the job if asked to (or if the person says so), and wait for its end.
int afterInterrupt(app::JupyterSession &session, bool stopOnExit)
{
    if (session.state() == State::Ended)
        return 0;
    if (!stopOnExit && !askYes(Tr::tr("Stop the Jupyter job %1 too?").arg(session.jobId()))) {
        note(Tr::tr("Job %1 keeps running; 'clusterdesk-cli jupyter url TARGET %1' opens a tunnel to it again.")
                 .arg(session.jobId()));
        return 0;
    }
    session.stop();
    QEventLoop loop;
    QObject::connect(&session, &app::JupyterSession::changed, &loop, [&] {
        if (session.state() == State::Ended)
            loop.quit();
    });
    if (session.state() != State::Ended)
        loop.exec();
    note(Tr::tr("Job %1 was cancelled.").arg(session.jobId()));
    return 0;
}

// The end of a session that was not interrupted: its diagnosis and output.
int reportEnd(const app::JupyterSession &session)
{
    note(Tr::tr("Ended: %1").arg(session.diagnosis().message));
    if (!session.outputTail().isEmpty()) {
        note(Tr::tr("The end of the job's output:"));
        std::fwrite(session.outputTail().constData(), 1, size_t(session.outputTail().size()), stderr);
    }
    return session.diagnosis().cause == app::JupyterDiagnosis::Cause::Cancelled ? 0 : 1;
}

// The record of a server still queued or running whose job id or session id is id.
std::optional<app::JupyterSession::Record> findServer(SchedulerSession &open, const QString &id,
                                                      QList<app::JupyterSession::Record> *all = nullptr)
{
    QEventLoop loop;
    QList<app::JupyterSession::Record> alive;
    app::findJupyterServers(open.session.connection.get(), open.client.get(), &loop,
                            [&](const QList<app::JupyterSession::Record> &found) {
                                alive = found;
                                loop.quit();
                            });
    loop.exec();
    if (all)
        *all = alive;
    for (const app::JupyterSession::Record &record : std::as_const(alive))
        if (record.jobId == id || record.sessionId == id)
            return record;
    return std::nullopt;
}

} // namespace

std::optional<app::JupyterEnvironment> parseJupyterEnvironment(const QStringList &values, QString *error)
{
    using Kind = app::JupyterEnvironment::Kind;
    app::JupyterEnvironment environment;
    environment.kind = Kind::System;
    for (const QString &value : values) {
        const QString kind = value.section(u':', 0, 0);
        const QString name = value.section(u':', 1);
        if (name.isEmpty()) {
            *error = Tr::tr("--env '%1': give KIND:NAME (module:, conda:, venv: or container:)").arg(value);
            return std::nullopt;
        }
        if (kind == u"module") {
            environment.modules.append(name);
            if (environment.kind == Kind::System)
                environment.kind = Kind::Modules;
            continue;
        }
        if (environment.kind != Kind::System && environment.kind != Kind::Modules) {
            *error = Tr::tr("--env: only one of conda:, venv: and container: (modules may be added to it)");
            return std::nullopt;
        }
        if (kind == u"conda") {
            environment.kind = Kind::Conda;
            environment.conda = name;
        } else if (kind == u"venv") {
            environment.kind = Kind::Venv;
            environment.venv = name;
        } else if (kind == u"container") {
            environment.kind = Kind::Container;
            environment.container = name;
        } else {
            *error = Tr::tr("--env '%1': the kind is module, conda, venv or container").arg(value);
            return std::nullopt;
        }
    }
    return environment;
}

int jupyterStartCommand(const ConnectionOptions &options, const JupyterStartOptions &start)
{
    auto open = openScheduler(options);
    if (!open)
        return open.error();
    app::JupyterSession session(open->session.connection.get(), open->client.get(), start.settings);
    session.start();
    if (followUntilInterrupted(session))
        return afterInterrupt(session, start.stopOnExit);
    return reportEnd(session);
}

int jupyterListCommand(const ConnectionOptions &options)
{
    auto open = openScheduler(options);
    if (!open)
        return open.error();
    QList<app::JupyterSession::Record> alive;
    (void)findServer(*open, {}, &alive);
    if (alive.isEmpty()) {
        note(Tr::tr("No Jupyter server is queued or running."));
        return 0;
    }
    for (const app::JupyterSession::Record &record : std::as_const(alive)) {
        std::printf("%-10s %s  %s\n", qPrintable(record.jobId), qPrintable(record.sessionId),
                    qPrintable(app::JupyterSessionModel::describe(record.settings)));
    }
    return 0;
}

int jupyterUrlCommand(const ConnectionOptions &options, const QString &id)
{
    auto open = openScheduler(options);
    if (!open)
        return open.error();
    const auto record = findServer(*open, id);
    if (!record) {
        printError(Tr::tr("no queued or running Jupyter server has job or session id '%1' "
                          "('clusterdesk-cli jupyter list TARGET' lists them)")
                       .arg(id));
        return 1;
    }
    app::JupyterSession session(open->session.connection.get(), open->client.get(), *record);
    if (followUntilInterrupted(session))
        return 0; // the job keeps running: only this tunnel closes
    return reportEnd(session);
}

int jupyterStopCommand(const ConnectionOptions &options, const QString &id)
{
    auto open = openScheduler(options);
    if (!open)
        return open.error();
    const auto record = findServer(*open, id);
    if (!record) {
        printError(Tr::tr("no queued or running Jupyter server has job or session id '%1'").arg(id));
        return 1;
    }
    app::JupyterSession session(open->session.connection.get(), open->client.get(), *record);
    return afterInterrupt(session, true);
}

} // namespace cli
