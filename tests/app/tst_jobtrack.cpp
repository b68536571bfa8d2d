// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// What the Monitor makes of readings: cores busy from the change of cumulative CPU time, memory as
// each scheduler gives it (resident now; PBS's largest so far; Grid Engine's virtual only), GPU
// series per GPU, a stored past put before the live samples, and the GPUs a job asked for.
#include "app/monitor/JobTrack.h"
#include "app/schedulers/ResourceUnits.h"

#include <QTest>

using namespace Qt::StringLiterals;
using app::JobTrack;
using app::JobUsage;

namespace {

constexpr qint64 T0 = 1'765'000'000'000;

JobUsage usage(double cpu, std::optional<qint64> rss)
{
    JobUsage u;
    u.jobId = u"42"_s;
    u.cpuSeconds = cpu;
    u.rssBytes = rss;
    return u;
}

} // namespace

class TestJobTrack : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void coresBusyFromTheChangeOfCpuTime()
    {
        JobTrack track;
        app::Job job;
        job.id = u"42"_s;
        job.cpuCount = 4;
        job.memory = u"2G"_s;
        job.state = app::JobState::Running;
        track.setListing(job);
        QCOMPARE(track.facts.allocatedCpus, 4);
        QCOMPARE(track.facts.memoryLimitBytes, 2 * app::units::GiB);

        const app::JobSample first = track.addUsage(usage(100, 1000), T0);
        QVERIFY(!first.coresBusy); // one reading says nothing of a rate
        QVERIFY(track.series.coresBusy.isEmpty());
        const app::JobSample second = track.addUsage(usage(130, 2000), T0 + 10'000);
        QCOMPARE(second.coresBusy, 3.0); // 30 s of CPU in 10 s
        track.addUsage(usage(150, 1500), T0 + 20'000);
        QCOMPARE(track.series.coresBusy.size(), std::size_t(2));
        QCOMPARE(track.series.coresBusy.valueAt(1), 2.0f);
        QCOMPARE(track.series.averageCoresBusy.value_or(-1), 2.5);
        QCOMPARE(track.series.peakRssBytes, 2000);
        QCOMPARE(track.series.rssBytes.size(), std::size_t(3));

        // CPU time that went backwards (a step ended and its time left the sum): no negative rate.
        track.addUsage(usage(20, 1500), T0 + 30'000);
        QCOMPARE(track.series.coresBusy.size(), std::size_t(2));
        track.addUsage(usage(30, 1500), T0 + 40'000);
        QCOMPARE(track.series.coresBusy.valueAt(2), 1.0f);
    }

    void memoryAsEachSchedulerGivesIt()
    {
        JobTrack pbs;
        JobUsage peak;
        peak.maxRssBytes = 3 * app::units::GiB;
        pbs.addUsage(peak, T0);
        QCOMPARE(pbs.series.rssBytes.size(), std::size_t(1));
        QCOMPARE(pbs.series.peakRssBytes, 3 * app::units::GiB);
        QVERIFY(pbs.memoryNote.contains(u"largest resident memory so far"_s));

        JobTrack gridEngine;
        JobUsage virtualOnly;
        virtualOnly.virtualMemoryBytes = 5 * app::units::GiB;
        gridEngine.addUsage(virtualOnly, T0);
        QVERIFY(gridEngine.series.rssBytes.isEmpty());
        QVERIFY(!gridEngine.series.peakRssBytes);
        QVERIFY2(gridEngine.memoryNote.contains(u"virtual memory only (5.0 GiB now)"_s),
                 qPrintable(gridEngine.memoryNote));
    }

    void gpuSeriesPerGpu()
    {
        JobTrack track;
        app::GpuReading zero, one;
        zero.index = 1;
        zero.name = u"NVIDIA H100 80GB HBM3"_s;
        zero.utilisationPercent = 40;
        zero.memoryUsedBytes = 1000;
        zero.memoryTotalBytes = 80 * app::units::GiB;
        one = zero;
        one.index = 0;
        one.utilisationPercent = 0;
        track.addGpuReadings({zero, one}, T0);
        zero.utilisationPercent = 60;
        track.addGpuReadings({zero}, T0 + 10'000);
        QCOMPARE(track.gpus.size(), 2);
        QCOMPARE(track.gpus.at(0).index, 0); // in index order
        const app::GpuSeries *gpu = track.gpu(1);
        QVERIFY(gpu);
        QCOMPARE(gpu->utilisation.size(), std::size_t(2));
        QCOMPARE(gpu->peakUtilisation, 60.0);
        QCOMPARE(gpu->averageUtilisation, 50.0);
        QCOMPARE(gpu->memoryTotalBytes, 80 * app::units::GiB);
    }

    void storedPastComesFirst()
    {
        app::JobSeries stored;
        stored.rssBytes.append(T0, 100);
        stored.rssBytes.append(T0 + 10'000, 300);
        stored.rssBytes.append(T0 + 20'000, 200);
        stored.peakRssBytes = 300;
        app::JobFacts facts;
        facts.jobId = u"42"_s;
        facts.name = u"train"_s;
        facts.memoryLimitBytes = 4096;
        app::GpuSeries gpu;
        gpu.index = 0;
        gpu.utilisation.append(T0, 10);
        gpu.averageUtilisation = 10;

        JobTrack track;
        track.addUsage(usage(1, 150), T0 + 20'000); // the live run began while the stored one ended
        track.addUsage(usage(2, 160), T0 + 30'000);
        track.mergeStored(facts, stored, {gpu});
        QCOMPARE(track.series.rssBytes.size(), std::size_t(4)); // 2 stored before the live ones, then 2 live
        QCOMPARE(track.series.rssBytes.valueAt(2), 150.0f);
        QCOMPARE(track.series.peakRssBytes, 300);
        QCOMPARE(track.facts.name, u"train"_s);
        QCOMPARE(track.facts.memoryLimitBytes, 4096);
        QCOMPARE(track.gpus.size(), 1);
    }

    void gpusAskedFor_data()
    {
        QTest::addColumn<QString>("gres");
        QTest::addColumn<int>("gpus");
        QTest::newRow("none") << QString() << 0;
        QTest::newRow("slurm typed") << u"gres/gpu:h100:2"_s << 2;
        QTest::newRow("slurm plain") << u"gres/gpu:1"_s << 1;
        QTest::newRow("slurm tres") << u"gres/gpu=4"_s << 4;
        QTest::newRow("pbs") << u"ngpus=1"_s << 1;
        QTest::newRow("two kinds") << u"gres/gpu:a100:1,gres/gpu:h100:2"_s << 3;
        QTest::newRow("not a gpu") << u"gres/shard:2"_s << 0;
    }

    void gpusAskedFor()
    {
        QFETCH(QString, gres);
        QFETCH(int, gpus);
        app::Job job;
        job.gres = gres;
        QCOMPARE(app::gpusRequested(job), gpus);
    }
};

QTEST_GUILESS_MAIN(TestJobTrack)
#include "tst_jobtrack.moc"
