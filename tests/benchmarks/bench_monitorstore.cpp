// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// bench_monitorstore: the Monitor's sample store and series with 24 hours of 10-second samples for
// 20 jobs (CPU, RSS and one GPU each) and 4 partitions, written one refresh (one transaction) at a
// time as the app does. Needs no cluster. Prints:
//   - the time to write one refresh (20 jobs, 20 GPU readings, the partitions and queues);
//   - the memory the 20 jobs' series hold once loaded (computed from the arrays' capacities, and
//     the heap and RSS growth measured around the loading);
//   - the time to load one job's 24 h series, and to reduce it for an 800-pixel chart;
//   - the file's size, and maintain()'s time (nothing to do; a whole day to down-sample).
// Figures, not assertions.

#include "BenchFigures.h"
#include "app/monitor/MonitorStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <malloc.h>
#include <vector>

using namespace Qt::StringLiterals;

using bench::heapMiB;
using bench::median;
using bench::statusMiB;

namespace {

constexpr qint64 mib = 1024LL * 1024;
constexpr qint64 gib = 1024 * mib;
constexpr int jobCount = 20;
const QDateTime t0 = QDateTime(QDate(2026, 12, 1), QTime(0, 0), QTimeZone::UTC);

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min<qsizetype>(values.size() - 1, qsizetype(p * double(values.size())))];
}

double ms(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// One refresh at sample i (called for i = 0, 1, 2…): each job's CPU (a few cores busy, varying;
// cpuSeconds adds up what was busy), RSS (with rare spikes) and its GPU, and 4 partitions.
app::MonitorBatch refresh(int i, std::vector<double> &cpuSeconds)
{
    const QDateTime time = t0.addSecs(10LL * i);
    app::MonitorBatch batch;
    batch.clusterTime = time;
    for (int j = 0; j < jobCount; ++j) {
        const QString id = u"%1"_s.arg(100000 + j);
        const double busy = 1.0 + (j % 6) + 0.3 * ((i * 7 + j) % 5);
        cpuSeconds[std::size_t(j)] += busy * 10.0;
        batch.jobSamples.append({id, time, cpuSeconds[std::size_t(j)], std::nullopt,
                                 qint64(gib + (i % 360) * mib + ((i + j) % 997 == 0 ? 8 * gib : 0))});
        app::GpuReading gpu;
        gpu.time = time;
        gpu.index = j % 2;
        gpu.uuid = u"GPU-%1"_s.arg(j, 8, 16, QChar(u'0'));
        gpu.name = u"NVIDIA A100-SXM4-40GB"_s;
        gpu.utilisationPercent = double((i * 13 + j * 7) % 100);
        gpu.memoryUsedBytes = 10 * gib + (i % 100) * mib;
        gpu.memoryTotalBytes = 40 * gib;
        gpu.powerWatts = 150.0 + (i % 100);
        gpu.temperatureCelsius = 55.0 + (i % 20);
        batch.gpuReadings.append({id, gpu});
    }
    for (int p = 0; p < 4; ++p) {
        const QString name = u"part%1"_s.arg(p);
        batch.partitions.append(
            {name, 16, 256 + i % 64, 256 - i % 64, 0, true, 512 * gib, 512 * gib, 0, p == 0, 8, 8, 0});
        batch.queues.append({name, i % 40, 10 + i % 7});
    }
    return batch;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication application(argc, argv);
    QCommandLineParser options;
    options.setApplicationDescription(u"The Monitor's sample store: 24 h of 10-second samples for 20 jobs."_s);
    options.addHelpOption();
    const QCommandLineOption hoursOption(u"hours"_s, u"Hours of samples (24)."_s, u"N"_s, u"24"_s);
    const QCommandLineOption folderOption(u"folder"_s, u"Where the database is made (a temporary folder)."_s,
                                          u"PATH"_s);
    options.addOption(hoursOption);
    options.addOption(folderOption);
    options.process(application);
    const int samples = std::max(1, options.value(hoursOption).toInt()) * 360;

    QTemporaryDir temporary(options.isSet(folderOption) ? options.value(folderOption) + u"/bench-XXXXXX"_s : QString());
    const QString file = temporary.filePath(u"cluster.sqlite"_s);
    app::MonitorStore store;
    if (auto opened = store.open(file, u"bench"_s); !opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message));
        return 1;
    }
    std::printf("bench_monitorstore: %d jobs x %d samples (10 s apart, %.0f h), CPU, RSS and 1 GPU each; 4 "
                "partitions\n",
                jobCount, samples, samples / 360.0);

    // Writing, one refresh per transaction.
    QList<double> writes;
    writes.reserve(samples);
    QElapsedTimer total;
    total.start();
    std::vector<double> cpuSeconds(jobCount, 0.0);
    for (int i = 0; i < samples; ++i) {
        const app::MonitorBatch batch = refresh(i, cpuSeconds);
        QElapsedTimer timer;
        timer.start();
        if (auto written = store.write(batch); !written) {
            std::fprintf(stderr, "%s\n", qPrintable(written.error().message));
            return 1;
        }
        writes.append(ms(timer));
    }
    std::printf("write one refresh (%d jobs + %d GPU readings + 4 partitions, one transaction): median %.2f ms, "
                "p99 %.2f ms, max %.2f ms (all %d: %.1f s)\n",
                jobCount, jobCount, median(writes), percentile(writes, 0.99), percentile(writes, 1.0), samples,
                double(total.elapsed()) / 1000.0);
    const auto fileSizes = [&] {
        return u"%1 MiB (and its WAL %2 MiB)"_s.arg(double(QFileInfo(file).size()) / double(mib), 0, 'f', 1)
            .arg(double(QFileInfo(file + u"-wal"_s).size()) / double(mib), 0, 'f', 1);
    };
    std::printf("file: %s\n", qPrintable(fileSizes()));

    // Loading one job's series, and reducing it for an 800-pixel chart.
    const QString one = u"100003"_s;
    QList<double> loads;
    app::JobSeries job;
    QList<app::GpuSeries> gpus;
    for (int round = 0; round < 5; ++round) {
        QElapsedTimer timer;
        timer.start();
        job = *store.jobSeries(one, {}, {});
        gpus = *store.gpuSeries(one, {}, {});
        loads.append(ms(timer));
    }
    std::printf("load one job's series (CPU, RSS; its GPU's utilisation, memory, power, temperature: %zu samples "
                "each): median %.1f ms\n",
                job.rssBytes.size(), median(loads));
    QList<double> reductions;
    std::size_t drawn = 0;
    const qint64 from = t0.toMSecsSinceEpoch();
    const qint64 to = t0.addSecs(10LL * samples).toMSecsSinceEpoch();
    for (int round = 0; round < 50; ++round) {
        QElapsedTimer timer;
        timer.start();
        const app::Series a = job.coresBusy.forWidth(from, to, 800);
        const app::Series b = job.rssBytes.forWidth(from, to, 800);
        const app::Series c = gpus[0].utilisation.forWidth(from, to, 800);
        const app::Series d = gpus[0].memoryUsedBytes.forWidth(from, to, 800);
        reductions.append(ms(timer));
        drawn = a.size() + b.size() + c.size() + d.size();
    }
    std::printf("reduce its 4 charted series for 800 px (min/max per column): median %.3f ms, %zu points drawn\n",
                median(reductions), drawn);

    // Memory of the 20 jobs' series held at once.
    job = {};
    gpus.clear();
    malloc_trim(0);
    const double heapBefore = heapMiB();
    const double rssBefore = statusMiB("VmRSS:");
    std::vector<app::JobSeries> jobs;
    std::vector<QList<app::GpuSeries>> allGpus;
    std::size_t charted = 0;
    std::size_t held = 0;
    for (int j = 0; j < jobCount; ++j) {
        jobs.push_back(*store.jobSeries(u"%1"_s.arg(100000 + j), {}, {}));
        allGpus.push_back(*store.gpuSeries(u"%1"_s.arg(100000 + j), {}, {}));
        const app::GpuSeries &gpu = allGpus.back().at(0);
        charted += jobs.back().memoryBytes() + gpu.utilisation.memoryBytes() + gpu.memoryUsedBytes.memoryBytes();
        held += jobs.back().memoryBytes() + gpu.memoryBytes();
    }
    malloc_trim(0);
    std::printf("memory of 20 jobs' series: charted (CPU, RSS, GPU utilisation and memory) %.1f MiB computed; "
                "everything loaded (also GPU power and temperature) %.1f MiB computed, %.1f MiB heap growth, %.1f MiB "
                "RSS growth; goal < 20 MiB\n",
                double(charted) / double(mib), double(held) / double(mib), heapMiB() - heapBefore,
                statusMiB("VmRSS:") - rssBefore);

    // Maintenance: nothing older than a day yet; within the hour (skipped); an hour later, the first
    // hour older than a day (what each hourly run meets); then the other 23 hours at once (a day
    // without maintenance, as after a day the app was not running).
    const QDateTime end = t0.addSecs(10LL * samples);
    const auto timed = [&store](const QDateTime &now, double *spent) {
        QElapsedTimer timer;
        timer.start();
        auto report = store.maintain(now);
        *spent = ms(timer);
        return report;
    };
    double idleMs = 0;
    double skippedMs = 0;
    double hourMs = 0;
    double restMs = 0;
    auto idle = timed(end, &idleMs);
    auto skipped = timed(end.addSecs(60), &skippedMs);
    auto hour = timed(end.addSecs(3600), &hourMs);
    auto rest = timed(end.addDays(1).addSecs(3 * 3600), &restMs);
    if (!idle || !skipped || !hour || !rest) {
        std::fprintf(stderr, "maintain failed\n");
        return 1;
    }
    std::printf(
        "maintain(): nothing to down-sample %.2f ms; again within the hour (skipped) %.3f ms; the hourly run "
        "(an hour of 20 jobs to down-sample) %.0f ms (%d rows merged away); 23 hours at once %.0f ms (%d rows)\n",
        idleMs, skippedMs, hourMs, hour->rowsMerged, restMs, rest->rowsMerged);
    std::printf("file after maintain: %s (pages freed are reused; the file does not shrink)\n",
                qPrintable(fileSizes()));
    job = *store.jobSeries(one, {}, {});
    std::printf("one job's series after down-sampling: %zu samples\n", job.rssBytes.size());
    return 0;
}
