// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/cli/MonitorCommands.h"

#include "app/cli/JobCommands.h"
#include "app/monitor/MonitorSampler.h"
#include "app/monitor/Verdicts.h"
#include "app/schedulers/ResourceUnits.h"
#include "app/schedulers/SchedulerClient.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

namespace cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::cli)
};

void note(const QString &text)
{
    std::fprintf(stderr, "%s\n", qPrintable(text));
}

QString number(double value, int decimals)
{
    return QString::number(value, 'f', decimals);
}

QString lastOf(const app::Series &series, double scale, int decimals)
{
    return series.isEmpty() ? QStringLiteral("-") : number(double(series.valueAt(series.size() - 1)) / scale, decimals);
}

double lastValue(const app::Series &series)
{
    return series.isEmpty() ? 0 : double(series.valueAt(series.size() - 1));
}

// Runs the sampler's loop until done() says so or Ctrl+C; true when interrupted.
bool runUntil(app::MonitorSampler &sampler, const std::function<bool()> &done)
{
    QEventLoop loop;
    bool interrupted = false;
    const auto stop = interruptNotifier();
    if (stop)
        QObject::connect(stop.get(), &QSocketNotifier::activated, &loop, [&] {
            interrupted = true;
            loop.quit();
        });
    QObject::connect(&sampler, &app::MonitorSampler::refreshed, &loop, [&] {
        if (done())
            loop.quit();
    });
    loop.exec();
    return interrupted;
}

} // namespace

int monitorCommand(const ConnectionOptions &options, const MonitorCommandOptions &monitor)
{
    auto opened = openScheduler(options);
    if (!opened)
        return opened.error();
    app::MonitorSampler sampler(opened->client.get(), opened->session.connection.get());
    sampler.setInterval(std::chrono::seconds(std::max(1, monitor.intervalSeconds)));
    sampler.watch(monitor.jobId);

    std::unique_ptr<QFile> csvFile;
    QTextStream csv;
    const bool csvOnly = monitor.csvPath == u"-";
    if (!monitor.csvPath.isEmpty()) {
        if (csvOnly) {
            csvFile = std::make_unique<QFile>();
            if (!csvFile->open(stdout, QIODevice::WriteOnly))
                return 1;
        } else {
            csvFile = std::make_unique<QFile>(monitor.csvPath);
            if (!csvFile->open(QIODevice::WriteOnly | QIODevice::Truncate)) {
                printError(Tr::tr("cannot write %1: %2").arg(monitor.csvPath, csvFile->errorString()));
                return 1;
            }
        }
        csv.setDevice(csvFile.get());
        csv << "time,cores_busy,rss_bytes,gpu_index,gpu_utilisation_percent,gpu_memory_used_bytes\n";
        csv.flush();
    }

    qint64 printedUsage = 0;
    QHash<int, qint64> printedGpu;
    bool seen = false;
    QString lastProblem;
    const auto report = [&]() -> bool {
        const app::JobTrack *track = sampler.track(monitor.jobId);
        if (!track)
            return false;
        seen = seen || track->job.state != app::JobState::Unknown;
        const QString problem = !track->usageProblem.isEmpty() ? track->usageProblem : track->gpuProblem;
        if (!problem.isEmpty() && problem != lastProblem)
            note(problem);
        lastProblem = problem;
        const app::Series &rss = track->series.rssBytes;
        const qint64 at = rss.isEmpty() ? 0 : rss.lastTime();
        if (at > printedUsage) {
            printedUsage = at;
            const QString time = QDateTime::fromMSecsSinceEpoch(printedUsage).toLocalTime().toString(Qt::ISODate);
            QStringList gpus;
            //: A line of "clusterdesk-cli monitor": the time, then the job's use at that time
            QStringList parts = {Tr::tr("%1  cores busy %2 of %3  memory %4 GiB")
                                     .arg(time, lastOf(track->series.coresBusy, 1, 2),
                                          QString::number(track->facts.allocatedCpus.value_or(0)),
                                          lastOf(rss, double(app::units::GiB), 3))};
            for (const app::GpuSeries &gpu : track->gpus)
                //: One GPU's utilisation and memory in a line of "clusterdesk-cli monitor"
                parts << Tr::tr("gpu%1 %2 % %3 GiB")
                             .arg(QString::number(gpu.index), lastOf(gpu.utilisation, 1, 0),
                                  lastOf(gpu.memoryUsedBytes, double(app::units::GiB), 2));
            if (!csvOnly)
                std::printf("%s\n", qPrintable(parts.join(QStringLiteral("  "))));
            std::fflush(stdout);
            if (csvFile) {
                csv << QDateTime::fromMSecsSinceEpoch(printedUsage, QTimeZone::UTC).toString(Qt::ISODateWithMs) << ','
                    << (track->series.coresBusy.isEmpty() ? QString() : number(lastValue(track->series.coresBusy), 3))
                    << ',' << qint64(lastValue(rss)) << ",,,\n";
            }
        }
        for (const app::GpuSeries &gpu : track->gpus) {
            if (csvFile && !gpu.utilisation.isEmpty() && gpu.utilisation.lastTime() > printedGpu.value(gpu.index)) {
                printedGpu[gpu.index] = gpu.utilisation.lastTime();
                csv << QDateTime::fromMSecsSinceEpoch(gpu.utilisation.lastTime(), QTimeZone::UTC)
                           .toString(Qt::ISODateWithMs)
                    << ",,," << gpu.index << ',' << number(lastValue(gpu.utilisation), 0) << ','
                    << (gpu.memoryUsedBytes.isEmpty() ? QString()
                                                      : QString::number(qint64(lastValue(gpu.memoryUsedBytes))))
                    << '\n';
            }
        }
        if (csvFile)
            csv.flush();
        return seen && app::isFinished(track->job.state);
    };
    sampler.start();
    const bool interrupted = runUntil(sampler, [&] {
        const bool ended = report();
        if (!seen && sampler.lastRefresh().isValid()) {
            printError(Tr::tr("job %1 is not in the queue (it may have ended: 'clusterdesk-cli history' "
                              "shows finished jobs)")
                           .arg(monitor.jobId));
            return true;
        }
        return ended;
    });
    sampler.stop();
    const app::JobTrack *track = sampler.track(monitor.jobId);
    if (!seen || !track)
        return 1;
    if (!interrupted)
        note(Tr::tr("Job %1 ended.").arg(monitor.jobId));
    const QDateTime end = track->facts.end.isValid() ? track->facts.end : QDateTime::currentDateTimeUtc();
    for (const app::Verdict &verdict : app::Verdicts::fromSamples(track->facts, track->series, track->gpus, end))
        note(verdict.text);
    return 0;
}

int usageCommand(const ConnectionOptions &options)
{
    auto opened = openScheduler(options);
    if (!opened)
        return opened.error();
    app::MonitorSampler sampler(opened->client.get(), opened->session.connection.get());
    sampler.start();
    if (runUntil(sampler, [] { return true; }))
        return 1;
    if (sampler.partitions().isEmpty()) {
        printError(sampler.clusterProblem().isEmpty() ? Tr::tr("the scheduler listed no partition")
                                                      : sampler.clusterProblem());
        return 1;
    }
    // The columns are as wide as the given widths or their (translated) headings, whichever is wider.
    //: The headings of "clusterdesk-cli usage"'s table
    const QStringList headings = {Tr::tr("PARTITION"), Tr::tr("CPUS ALLOC/IDLE/OTHER"),
                                  Tr::tr("MEMORY ALLOC/IDLE/OTHER"), Tr::tr("GPUS ALLOC/IDLE/OTHER"),
                                  Tr::tr("JOBS PENDING/RUNNING")};
    QList<qsizetype> widths = {14, 22, 30, 18};
    for (qsizetype i = 0; i < widths.size(); ++i)
        widths[i] = std::max(widths[i], headings[i].size());
    const auto printRow = [&widths](const QStringList &cells) {
        QString line;
        for (qsizetype i = 0; i < widths.size(); ++i)
            line += cells[i].leftJustified(widths[i]) + u' ';
        std::printf("%s\n", qPrintable(line + cells.last()));
    };
    printRow(headings);
    const auto memory = [](qint64 bytes) { return app::units::describeMemory(bytes); };
    for (const app::PartitionTrack &track : sampler.partitions()) {
        const app::PartitionUse &use = track.now;
        const QString cpus =
            QStringLiteral("%1/%2/%3").arg(use.cpusAllocated).arg(use.cpusIdle).arg(use.cpusUnavailable);
        const QString mem = use.hasMemory ? QStringLiteral("%1/%2/%3")
                                                .arg(memory(use.memoryAllocatedBytes), memory(use.memoryIdleBytes),
                                                     memory(use.memoryUnavailableBytes))
                                          : Tr::tr("not reported");
        const QString gpus =
            use.hasGpus ? QStringLiteral("%1/%2/%3").arg(use.gpusAllocated).arg(use.gpusIdle).arg(use.gpusUnavailable)
                        : QStringLiteral("-");
        const QString jobs =
            QStringLiteral("%1/%2").arg(int(lastValue(track.pending))).arg(int(lastValue(track.running)));
        printRow({use.partition, cpus, mem, gpus, jobs});
    }
    return 0;
}

} // namespace cli
