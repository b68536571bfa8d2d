// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The Monitor's samples across a restart: what one run recorded, the next reads back (a job watched
// again starts with its stored past); a damaged database is set aside with a message a person can
// read and the app goes on with a new one; answers for a context that is gone are dropped. And the
// sampler's pace: quick while someone looks, once a minute otherwise.
#include "TestSupport.h"
#include "app/monitor/MonitorArchive.h"
#include "app/monitor/MonitorSampler.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// A minute ago: the store's upkeep drops what is older than 90 days.
const qint64 T0 = QDateTime::currentMSecsSinceEpoch() - 60'000;

app::MonitorBatch batch(qint64 t, double cpu, qint64 rss, double gpu)
{
    app::MonitorBatch b;
    app::JobFacts facts;
    facts.jobId = u"42"_s;
    facts.name = u"train"_s;
    facts.partition = u"gpu"_s;
    facts.allocatedCpus = 4;
    facts.memoryLimitBytes = 8LL << 30;
    facts.gpuCount = 1;
    b.facts = {facts};
    b.jobSamples = {{u"42"_s, QDateTime::fromMSecsSinceEpoch(t, QTimeZone::UTC), cpu, std::nullopt, rss}};
    app::GpuReading reading;
    reading.index = 1;
    reading.name = u"NVIDIA H100 80GB HBM3"_s;
    reading.time = QDateTime::fromMSecsSinceEpoch(t, QTimeZone::UTC);
    reading.utilisationPercent = gpu;
    reading.memoryUsedBytes = 1LL << 30;
    reading.memoryTotalBytes = 80LL << 30;
    b.gpuReadings = {{u"42"_s, reading}};
    b.clusterTime = QDateTime::fromMSecsSinceEpoch(t, QTimeZone::UTC);
    app::PartitionUse use;
    use.partition = u"gpu"_s;
    use.cpusAllocated = 4;
    use.cpusIdle = 4;
    b.partitions = {use};
    b.queues = {{u"gpu"_s, 1, 1}};
    return b;
}

template<typename T>
sshcore::Result<T> await(const std::function<void(QObject *, std::function<void(sshcore::Result<T>)>)> &ask)
{
    std::optional<sshcore::Result<T>> answer;
    QObject context;
    ask(&context, [&answer](sshcore::Result<T> r) { answer = std::move(r); });
    (void)QTest::qWaitFor([&] { return answer.has_value(); }, 10000);
    return answer ? *answer : sshcore::Result<T>(sshcore::failure(u"no answer"_s));
}

} // namespace

class TestMonitorArchive : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void survivesARestart()
    {
        const QString path = m_dir.filePath(u"restart.sqlite"_s);
        {
            app::MonitorArchive archive(path, u"Demo"_s);
            QSignalSpy problems(&archive, &app::MonitorArchive::problem);
            archive.record(batch(T0, 100, 1LL << 30, 20));
            archive.record(batch(T0 + 10'000, 130, 2LL << 30, 80));
            archive.record(batch(T0 + 20'000, 150, 3LL << 30, 50));
            archive.flush();
            QCoreApplication::processEvents();
            QVERIFY2(problems.isEmpty(), qPrintable(problems.value(0).value(0).toString()));
        } // the app quits

        app::MonitorArchive again(path, u"Demo"_s);
        const auto job = await<app::StoredJob>(
            [&](QObject *context, auto done) { again.readJob(u"42"_s, context, done); });
        QVERIFY_RESULT(job);
        QVERIFY(job->facts);
        QCOMPARE(job->facts->name, u"train"_s);
        QCOMPARE(job->series.rssBytes.size(), std::size_t(3));
        QCOMPARE(job->series.peakRssBytes, 3LL << 30);
        QCOMPARE(job->series.coresBusy.size(), std::size_t(2)); // worked out from the cumulative CPU time
        QCOMPARE(job->series.coresBusy.valueAt(0), 3.0f);
        QCOMPARE(job->gpus.size(), 1);
        QCOMPARE(job->gpus.at(0).index, 1);
        QCOMPARE(job->gpus.at(0).peakUtilisation.value_or(0), 80.0);
        const auto known = await<QList<app::KnownJob>>(
            [&](QObject *context, auto done) { again.readKnownJobs(context, done); });
        QVERIFY_RESULT(known);
        QCOMPARE(known->size(), 1);
        QCOMPARE(known->at(0).facts.jobId, u"42"_s);

        // A job watched again after the restart starts with its stored past, before any new sample.
        app::MonitorSampler sampler(nullptr, nullptr);
        sampler.setArchive(&again);
        QSignalSpy updated(&sampler, &app::MonitorSampler::jobUpdated);
        sampler.watch(u"42"_s);
        QTRY_VERIFY(!updated.isEmpty());
        const app::JobTrack *track = sampler.track(u"42"_s);
        QVERIFY(track);
        QCOMPARE(track->series.rssBytes.size(), std::size_t(3));
        QCOMPARE(track->facts.memoryLimitBytes, 8LL << 30);
        QCOMPARE(track->gpus.size(), 1);
        QCOMPARE(track->gpusRequested, 1);
    }

    void aDamagedFileIsSetAsideAndWorkGoesOn()
    {
        const QString path = m_dir.filePath(u"damaged.sqlite"_s);
        QFile garbage(path);
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write(QByteArray(8192, '\x5a'));
        garbage.close();

        app::MonitorArchive archive(path, u"Hawk"_s);
        QSignalSpy problems(&archive, &app::MonitorArchive::problem);
        archive.record(batch(T0, 10, 1000, 5));
        archive.flush();
        QTRY_COMPARE(problems.size(), 1);
        const QString message = problems.at(0).at(0).toString();
        QVERIFY2(message.contains(u"The monitor history of Hawk was damaged"_s), qPrintable(message));
        const QStringList aside = QDir(m_dir.path()).entryList({u"damaged.sqlite.damaged-*"_s}, QDir::Files);
        QCOMPARE(aside.size(), 1);
        QCOMPARE(QFile(m_dir.filePath(aside.at(0))).size(), 8192); // kept as it was
        // The new file took the samples.
        const auto job = await<app::StoredJob>(
            [&](QObject *context, auto done) { archive.readJob(u"42"_s, context, done); });
        QVERIFY_RESULT(job);
        QCOMPARE(job->series.rssBytes.size(), std::size_t(1));
    }

    void anUnwritableFolderIsSaidOnce()
    {
        // A folder where a file is: the store cannot be made; the problem is said once, nothing crashes.
        QFile blocker(m_dir.filePath(u"blocker"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        app::MonitorArchive archive(m_dir.filePath(u"blocker/inside/x.sqlite"_s), u"Demo"_s);
        QSignalSpy problems(&archive, &app::MonitorArchive::problem);
        archive.record(batch(T0, 1, 1, 1));
        archive.record(batch(T0 + 10'000, 2, 2, 2));
        archive.flush();
        QTRY_COMPARE(problems.size(), 1);
        QTest::qWait(100);
        QCOMPARE(problems.size(), 1);
        const auto job = await<app::StoredJob>(
            [&](QObject *context, auto done) { archive.readJob(u"42"_s, context, done); });
        QVERIFY(!job);
    }

    void paceFollowsWhoLooks()
    {
        using namespace std::chrono_literals;
        app::MonitorSampler sampler(nullptr, nullptr);
        sampler.setInterval(5s);
        QCOMPARE(sampler.pace(), app::MonitorSampler::BackgroundInterval); // nobody looks
        sampler.setViewed(true);
        QCOMPARE(sampler.pace(), 5s);
        sampler.setViewed(true); // a second view
        sampler.setViewed(false);
        QCOMPARE(sampler.pace(), 5s);
        sampler.setViewed(false);
        QCOMPARE(sampler.pace(), app::MonitorSampler::BackgroundInterval);
        sampler.watch(u"7"_s); // a watched job is sampled at the quick pace, shown or not
        QCOMPARE(sampler.pace(), 5s);
        sampler.unwatch(u"7"_s);
        QCOMPARE(sampler.pace(), app::MonitorSampler::BackgroundInterval);
        sampler.setInterval(2min); // slower than the background pace: that
        QCOMPARE(sampler.pace(), 2min);
    }

    void answersForAContextThatIsGoneAreDropped()
    {
        app::MonitorArchive archive(m_dir.filePath(u"gone.sqlite"_s), u"Demo"_s);
        bool called = false;
        {
            QObject context;
            archive.readKnownJobs(&context, [&called](auto) { called = true; });
        }
        archive.flush();
        QTest::qWait(100);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestMonitorArchive)
#include "tst_monitorarchive.moc"
