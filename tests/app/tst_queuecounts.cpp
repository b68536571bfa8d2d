// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The queue chart's reduction of a queue listing (app/monitor/QueueCounts): which states count as
// waiting or running, partitions sorted, "a,b" counted under its first, and the time it takes
// for a 50,000-job listing (printed, not asserted: the benchmark is packaging/dev bench monitor).

#include "TestSupport.h"
#include "app/monitor/QueueCounts.h"
#include "app/schedulers/slurm/SlurmParsers.h"

#include <QElapsedTimer>
#include <QTest>

using namespace app;

namespace {

Job job(const QString &partition, JobState state)
{
    Job job;
    job.partition = partition;
    job.state = state;
    return job;
}

} // namespace

class TestQueueCounts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void counts()
    {
        const QList<Job> jobs =
            {job(QStringLiteral("gpu"), JobState::Pending),        job(QStringLiteral("gpu"), JobState::Held),
             job(QStringLiteral("gpu"), JobState::Suspended),      job(QStringLiteral("gpu"), JobState::Running),
             job(QStringLiteral("cpu"), JobState::Completing),     job(QStringLiteral("cpu"), JobState::Completed),
             job(QStringLiteral("cpu"), JobState::Failed),         job(QStringLiteral("cpu"), JobState::Unknown),
             job(QStringLiteral("bigmem,cpu"), JobState::Pending), job(QString(), JobState::Running)};
        const QList<QueueCounts> expected = {{QString(), 0, 1},
                                             {QStringLiteral("bigmem"), 1, 0},
                                             {QStringLiteral("cpu"), 0, 1},
                                             {QStringLiteral("gpu"), 3, 1}};
        QCOMPARE(countQueue(jobs), expected);
        QVERIFY(countQueue({}).isEmpty());
        QVERIFY(countQueue({job(QStringLiteral("cpu"), JobState::Cancelled)}).isEmpty());
    }

    // The demo's recorded listing: a held job counts as waiting.
    void recordedListing()
    {
        const auto jobs = slurm::parseQueue(
            testsupport::testData(QStringLiteral("schedulers/slurm/24.11-demo/squeue-array.txt")));
        QVERIFY_RESULT(jobs);
        int waiting = 0;
        for (const QueueCounts &counts : countQueue(*jobs))
            waiting += counts.pending;
        const auto pendingOrHeld = std::ranges::count_if(*jobs, [](const Job &each) {
            return each.state == JobState::Pending || each.state == JobState::Held;
        });
        QCOMPARE(waiting, pendingOrHeld);
    }

    void fiftyThousandJobs()
    {
        QList<Job> jobs;
        jobs.reserve(50000);
        const QStringList partitions = {QStringLiteral("cpu"), QStringLiteral("gpu"), QStringLiteral("bigmem"),
                                        QStringLiteral("debug,cpu")};
        for (int i = 0; i < 50000; ++i)
            jobs.append(job(partitions[i % 4], i % 3 == 0 ? JobState::Running : JobState::Pending));
        QElapsedTimer timer;
        timer.start();
        const QList<QueueCounts> counts = countQueue(jobs);
        const qint64 nanoseconds = timer.nsecsElapsed();
        qInfo("countQueue: 50,000 jobs in %.2f ms", double(nanoseconds) / 1e6);
        int total = 0;
        for (const QueueCounts &each : counts)
            total += each.pending + each.running;
        QCOMPARE(total, 50000);
        QCOMPARE(counts.size(), 4);
    }
};

QTEST_GUILESS_MAIN(TestQueueCounts)
#include "tst_queuecounts.moc"
