// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// bench_monitor: what the Monitor costs.
//  1. The cluster: watching N jobs (default 20) on the demo cluster, the commands sent per refresh
//     (one, whatever is watched: sstat for all, scontrol show node, squeue, joined), counted by the
//     sampler and checked in the command lines it sent; plus one sampling step per GPU job.
//  2. Memory: 24 hours of 10-second samples for 20 jobs (cores busy, memory, one GPU's utilisation
//     and memory each) held as the sampler holds them (goal < 20 MiB), and the time to redraw a
//     chart with a whole day (goal < 16 ms, one frame at 60 Hz).
//  3. A 50,000-job queue listing reduced to the queue chart's figures, on top of its parse
//     (goal < 20 ms).
// Figures are medians of --rounds runs, printed, never asserted.

#include "BenchFigures.h"
#include "SqueueListing.h"
#include "app/demo/DemoCluster.h"
#include "app/monitor/JobTrack.h"
#include "app/monitor/MonitorSampler.h"
#include "app/monitor/QueueCounts.h"
#include "app/schedulers/SchedulerClient.h"
#include "app/schedulers/slurm/SlurmParsers.h"
#include "sshcore/ShellQuote.h"
#include "sshcore/SshCommand.h"
#include "sshcore/SshConnection.h"
#include "ui/monitor/TimeChart.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QTimer>

#include <cmath>
#include <cstdio>
#include <functional>
#include <malloc.h>

using bench::heapMiB;
using bench::median;
using bench::verdict;

namespace {

double timeMs(int rounds, const std::function<void()> &work)
{
    QList<double> times;
    for (int i = 0; i < rounds; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        times.append(double(timer.nsecsElapsed()) / 1e6);
    }
    return median(times);
}

// Waits (running the event loop) until done() or timeoutMs.
bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);
    return done();
}

sshcore::Result<sshcore::CommandResult> runLine(sshcore::SshConnection &connection, const QByteArray &line)
{
    std::unique_ptr<sshcore::SshCommand> command(connection.runShell(line));
    waitUntil([&] { return command->isFinished(); }, 60000);
    return command->result();
}

void clusterPart(int jobCount, int refreshes)
{
    std::printf("\n1. Watching %d jobs on the demo cluster\n", jobCount);
    const auto cluster = app::DemoCluster::load(app::DemoCluster::defaultFilePath());
    if (!cluster) {
        std::printf("   skipped: %s\n", qPrintable(cluster.error().message));
        return;
    }
    sshcore::SshConnectionSettings settings;
    settings.host = cluster->host;
    settings.port = cluster->loginPort;
    settings.user = QStringLiteral("alice");
    settings.useAgent = false;
    settings.identityFiles = {cluster->user(QStringLiteral("alice"))->keyPath};
    settings.knownHostsFiles = {cluster->knownHostsPath};
    settings.strictHostKeyChecking = sshcore::StrictHostKeyChecking::Yes;
    sshcore::SshConnection connection(settings, nullptr);
    connection.open();
    if (!waitUntil([&] { return connection.state() == sshcore::SshConnectionState::Connected; }, 30000)) {
        std::printf("   skipped: could not connect (%s)\n", qPrintable(connection.stateMessage()));
        return;
    }
    app::SchedulerClient client(&connection, app::Scheduler::create(app::Profile::Scheduler::Slurm));
    // N jobs, one of them with a GPU (its sampling step is the one extra command).
    QStringList ids;
    for (int i = 0; i < jobCount; ++i) {
        const QByteArray gpu = i == 0 ? "-p gpu --gres=gpu:1 " : "";
        const auto submitted = runLine(connection, "cd /tmp && sbatch --parsable -t 5 -c 1 --mem=32M -J bench-monitor "
                                                       + gpu + "--wrap 'sleep 90'");
        if (submitted && submitted->exitStatus == 0)
            ids << QString::fromUtf8(submitted->standardOutput.trimmed()).section(u';', 0, 0);
    }
    app::MonitorSampler sampler(&client, &connection);
    sampler.setInterval(std::chrono::seconds(2));
    for (const QString &id : std::as_const(ids))
        sampler.watch(id);
    int refreshed = 0;
    QObject::connect(&sampler, &app::MonitorSampler::refreshed, &sampler, [&] { ++refreshed; });
    sampler.start();
    waitUntil([&] { return refreshed >= refreshes; }, 120000);
    int running = 0;
    for (const QString &id : std::as_const(ids))
        running += sampler.track(id) && sampler.track(id)->job.state == app::JobState::Running;
    std::printf("   jobs watched                      %d (running at the end: %d; the demo node has few CPUs)\n",
                int(ids.size()), running);
    std::printf("   refreshes                         %d\n", refreshed);
    std::printf("   commands sent for them            %d  (%.2f per refresh; goal 1)\n", sampler.commandsSent(),
                refreshed ? double(sampler.commandsSent()) / refreshed : 0.0);
    std::printf("   GPU sampling steps running        %d  (one per running GPU job)\n", sampler.gpuSamplersRunning());
    sampler.stop();
    runLine(connection, "scancel -n bench-monitor -u alice");
}

void memoryAndRedraw(int rounds)
{
    std::printf("\n2. A day of 10-second samples for 20 jobs\n");
    constexpr int Jobs = 20;
    constexpr int Samples = 24 * 360;
    const qint64 start = QDateTime::currentMSecsSinceEpoch() - qint64(Samples) * 10'000;
    const double before = heapMiB();
    QList<app::JobTrack> tracks(Jobs);
    for (int j = 0; j < Jobs; ++j) {
        app::JobTrack &track = tracks[j];
        track.job.id = QString::number(1000 + j);
        app::GpuReading gpu;
        gpu.index = 0;
        gpu.name = QStringLiteral("NVIDIA H100 80GB HBM3");
        gpu.memoryTotalBytes = 80LL << 30;
        for (int i = 0; i < Samples; ++i) {
            // As the sampler adds them: one reading of the job and one of its GPU per refresh.
            const qint64 ms = start + qint64(i) * 10'000;
            app::JobUsage usage;
            usage.jobId = track.job.id;
            usage.cpuSeconds = 4.0 * 10 * i + std::sin(i / 100.0);
            usage.rssBytes = qint64(3e9 + 1e8 * std::sin(i / 50.0));
            track.addUsage(usage, ms);
            gpu.utilisationPercent = 50 + 40 * std::sin(i / 30.0);
            gpu.memoryUsedBytes = qint64(2e10);
            track.addGpuReadings({gpu}, ms);
        }
    }
    const double held = heapMiB() - before;
    std::size_t counted = 0;
    for (const app::JobTrack &track : std::as_const(tracks)) {
        counted += track.series.memoryBytes();
        for (const app::GpuSeries &gpu : track.gpus)
            counted += gpu.memoryBytes();
    }
    std::printf("   samples held                      %d (4 series x %d x %d jobs)\n", 4 * Samples * Jobs, Samples,
                Jobs);
    std::printf("   the series' own arrays            %.1f MiB\n", double(counted) / (1024.0 * 1024.0));
    std::printf("   memory held (heap, all of it)     %.1f MiB  (goal < 20 MiB: %s)\n", held, verdict(held < 20));

    ui::TimeChart chart(QStringLiteral("GPU utilisation"), QStringLiteral("%"));
    chart.resize(900, 360);
    chart.show();
    QImage frame(chart.size(), QImage::Format_ARGB32_Premultiplied);
    const QList<ui::ChartLine> lines{{QStringLiteral("GPU 0"), tracks[0].gpus[0].utilisation, 1, false},
                                     {QStringLiteral("GPU 1"), tracks[1].gpus[0].utilisation, 1, false}};
    const double redraw = timeMs(rounds, [&] {
        // A new sample arrived: the lines are given again and the chart painted once.
        chart.setLines(lines);
        QPainter painter(&frame);
        chart.render(&painter);
    });
    std::printf("   points drawn for 2 x %d samples   %d\n", Samples, chart.drawnPointCount());
    std::printf("   redraw with a day of samples      %.1f ms  (goal < 16 ms: %s)\n", redraw, verdict(redraw < 16));
}

void queueReduction(int rounds)
{
    std::printf("\n3. A 50,000-job queue listing reduced to the queue chart's figures\n");
    bench::Listing shape;
    const QByteArray output = bench::makeListing(50000, false, 0, 0, &shape);
    QList<app::Job> jobs;
    const double parse = timeMs(rounds, [&] { jobs = *app::slurm::parseQueue(output); });
    QList<app::QueueCounts> counts;
    const double reduce = timeMs(rounds, [&] { counts = app::countQueue(jobs); });
    int pending = 0, running = 0;
    for (const app::QueueCounts &count : std::as_const(counts)) {
        pending += count.pending;
        running += count.running;
    }
    std::printf("   jobs                              %d in %d partitions (%d pending, %d running)\n", int(jobs.size()),
                int(counts.size()), pending, running);
    std::printf("   parse (as the Jobs area)          %.1f ms\n", parse);
    std::printf("   reduction on top of it            %.2f ms  (goal < 20 ms: %s)\n", reduce, verdict(reduce < 20));
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication application(argc, argv);
    QCommandLineParser options;
    options.setApplicationDescription(QStringLiteral("What the Monitor costs the cluster, memory and the window."));
    options.addHelpOption();
    const QCommandLineOption roundsOption(QStringLiteral("rounds"), QStringLiteral("Runs of each timing (median)."),
                                          QStringLiteral("N"), QStringLiteral("21"));
    const QCommandLineOption jobsOption(QStringLiteral("jobs"), QStringLiteral("Jobs watched on the cluster."),
                                        QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption noClusterOption(QStringLiteral("no-cluster"), QStringLiteral("Skip the cluster part."));
    options.addOptions({roundsOption, jobsOption, noClusterOption});
    options.process(application);
    const int rounds = std::max(1, options.value(roundsOption).toInt());
    std::printf("bench_monitor (medians of %d runs)\n", rounds);
    if (!options.isSet(noClusterOption))
        clusterPart(std::max(1, options.value(jobsOption).toInt()), 10);
    memoryAndRedraw(rounds);
    queueReduction(rounds);
    return 0;
}
