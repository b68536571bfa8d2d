// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// bench_jupyter: from Start to the first /api/status answered through the tunnel (issue 15), on the
// idle demo cluster, split into three parts:
//   scheduler:   submitted → the job runs           (Slurm's SubmitTime and StartTime, 1 s steps)
//   Jupyter:     the job runs → the server's info file is written (its mtime, in nanoseconds)
//   clusterdesk: the info file written → /api/status answers through the tunnel (the session's Ready)
// The demo cluster runs on this machine, so the cluster's clock is this one. Runs --runs times (5),
// prints each run and the medians. Goal: clusterdesk's part under 1 s (median). Figures, not asserts.

#include "BenchFigures.h"
#include "app/clusters/ClusterListModel.h"
#include "app/connections/ClusterConnection.h"
#include "app/demo/DemoCluster.h"
#include "app/jupyter/JupyterManager.h"
#include "app/jupyter/JupyterSession.h"
#include "app/schedulers/SchedulerClient.h"
#include "sshcore/SshCommand.h"
#include "sshcore/SshConnection.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using State = app::JupyterSession::State;

using bench::median;

namespace {

void note(const QString &line)
{
    std::fprintf(stderr, "%s\n", qPrintable(line));
}

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!done() && clock.elapsed() < timeoutMs) {
        QEventLoop loop;
        QTimer::singleShot(5, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return done();
}

// A command on the cluster; its output ("" when it failed).
QByteArray run(sshcore::SshConnection *ssh, const QByteArray &command)
{
    std::unique_ptr<sshcore::SshCommand> exec(ssh->runShell(command));
    bool finished = false;
    QObject::connect(exec.get(), &sshcore::SshCommand::finished, exec.get(), [&] { finished = true; });
    waitFor([&] { return finished; }, 60000);
    const auto result = exec->result();
    return result ? result->standardOutput.trimmed() : QByteArray();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication application(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Time from Start to Jupyter answering through the tunnel (demo cluster)."_s);
    parser.addHelpOption();
    const QCommandLineOption runsOption(u"runs"_s, u"How many servers to start, one after another (default 5)."_s,
                                        u"n"_s, u"5"_s);
    parser.addOption(runsOption);
    parser.process(application);
    const int runs = std::max(1, parser.value(runsOption).toInt());

    const auto cluster = app::DemoCluster::load(app::DemoCluster::defaultFilePath());
    if (!cluster) {
        note(cluster.error().message);
        return 2;
    }
    QTemporaryDir scratch;
    QFile(scratch.filePath(u"ssh_config"_s)).open(QIODevice::WriteOnly);
    app::ClusterConnection connection(app::ClusterListModel::demoProfile(*cluster), scratch.filePath(u"ssh_config"_s),
                                      nullptr, nullptr);
    connection.open();
    if (!waitFor([&] { return connection.schedulerClient()->isReady(); }, 60000)) {
        note(u"Could not connect to the demo cluster: "_s + connection.message());
        return 2;
    }

    app::JupyterSettings settings;
    settings.timeLimit = u"00:10:00"_s;
    settings.memory = u"500M"_s;
    settings.environment.modules = {u"jupyter/2.15"_s};
    settings.interface = app::JupyterSettings::Interface::Notebook;

    std::printf("%-4s %12s %12s %14s %12s\n", "run", "scheduler", "Jupyter", "clusterdesk", "in all");
    QList<double> schedulerParts, jupyterParts, ourParts, totals;
    for (int i = 0; i < runs; ++i) {
        const double started = double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
        app::JupyterSession *session = connection.jupyter()->start(settings);
        double readyAt = 0;
        QObject::connect(session, &app::JupyterSession::stateChanged, session, [&](State state) {
            if (state == State::Ready)
                readyAt = double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
        });
        waitFor([&] { return session->state() == State::Ready || session->state() == State::Ended; }, 180000);
        if (session->state() != State::Ready) {
            note(u"run %1: the server did not become ready: %2\n%3"_s.arg(i + 1).arg(session->stateText(),
                                                                                     QString::fromUtf8(
                                                                                         session->outputTail())));
            return 1;
        }
        // The scheduler's and the server's own times, read on the cluster.
        const QByteArray job = session->jobId().toUtf8();
        const QByteArray root = session->record().layout().runtimeDir().toUtf8();
        const QList<QByteArray> times = run(connection.ssh(), "date -d \"$(squeue -h -j " + job
                                                                  + " -o %V)\" +%s; date -d \"$(squeue -h -j " + job
                                                                  + " -o %S)\" +%s; stat -c %.9Y '" + root
                                                                  + "'/*server-*.json | head -n 1")
                                            .split('\n');
        if (times.size() != 3) {
            note(u"run %1: cannot read the job's times"_s.arg(i + 1));
            return 1;
        }
        const double submitted = times[0].toDouble();
        const double running = times[1].toDouble();
        const double written = times[2].toDouble();
        const double schedulerPart = running - submitted;
        const double jupyterPart = written - running;
        const double ourPart = readyAt - written;
        std::printf("%-4d %10.2f s %10.2f s %12.2f s %10.2f s\n", i + 1, schedulerPart, jupyterPart, ourPart,
                    readyAt - started);
        std::fflush(stdout);
        schedulerParts.append(schedulerPart);
        jupyterParts.append(jupyterPart);
        ourParts.append(ourPart);
        totals.append(readyAt - started);
        session->stop();
        waitFor([&] { return session->state() == State::Ended; }, 60000);
        connection.jupyter()->forget(session);
    }
    std::printf("%-4s %10.2f s %10.2f s %12.2f s %10.2f s\n", "med", median(schedulerParts), median(jupyterParts),
                median(ourParts), median(totals));
    std::printf("goal, clusterdesk's part under 1 s (median): %s\n", median(ourParts) < 1.0 ? "met" : "NOT met");
    std::printf("(Slurm's submit and start times have 1 s steps; the info file's time is to the nanosecond; the "
                "demo cluster shares this machine's clock.)\n");
    return 0;
}
