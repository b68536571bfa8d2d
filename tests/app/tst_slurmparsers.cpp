// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Slurm's output parsers on recorded output of the demo cluster's Slurm 24.11
// (data/schedulers/slurm/24.11-demo, see SOURCES.md there), and on damaged output.

#include "TestSupport.h"
#include "app/schedulers/ResourceUnits.h"
#include "app/schedulers/Scheduler.h"
#include "app/schedulers/slurm/SlurmParsers.h"

#include <QFile>
#include <QTest>

using namespace app;

class TestSlurmParsers : public QObject
{
    Q_OBJECT

private:
    static QByteArray recorded(const char *name)
    {
        QFile file(QStringLiteral(CLUSTERDESK_TEST_DATA "/schedulers/slurm/24.11-demo/") + QLatin1StringView(name));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("missing test data %s", name);
        return file.readAll();
    }

private Q_SLOTS:
    void queue()
    {
        const auto jobs = slurm::parseQueue(recorded("squeue.txt"));
        QVERIFY2(jobs, testsupport::errorText(jobs).constData());
        QCOMPARE(jobs->size(), 2);
        const Job &pending = jobs->at(0);
        QCOMPARE(pending.id, QStringLiteral("6"));
        QCOMPARE(pending.name, QStringLiteral("cpu-test"));
        QCOMPARE(pending.state, JobState::Pending);
        QCOMPARE(pending.reason, QStringLiteral("Resources"));
        QCOMPARE(pending.account, QString()); // "(null)"
        QCOMPARE(pending.timeLimitSeconds, 300);
        QCOMPARE(pending.cpuCount, 2);
        QCOMPARE(pending.memory, QStringLiteral("300M"));
        QCOMPARE(pending.startTime.toSecsSinceEpoch(), 1795395044); // the backfill estimate
        QVERIFY(pending.arrayJobId.isEmpty());
        const Job &running = jobs->at(1);
        QCOMPARE(running.state, JobState::Running);
        QCOMPARE(running.reason, QString()); // "None"
        QCOMPARE(running.gres, QStringLiteral("gres/gpu:1"));
        QCOMPARE(running.nodeList, QStringLiteral("node01"));
        QCOMPARE(running.elapsedSeconds, 29);
        QCOMPARE(running.timeLeftSeconds, 59 * 60 + 31);
        QCOMPARE(running.workDirectory, QStringLiteral("/home/alice"));
    }

    void queueWithArrayAndOddName()
    {
        const auto jobs = slurm::parseQueue(recorded("squeue-array.txt"));
        QVERIFY2(jobs, testsupport::errorText(jobs).constData());
        QCOMPARE(jobs->size(), 12);
        const Job &task = jobs->at(1);
        QCOMPARE(task.id, QStringLiteral("8_0"));
        QCOMPARE(task.arrayJobId, QStringLiteral("8"));
        QCOMPARE(task.arrayTaskId, QStringLiteral("0"));
        QCOMPARE(task.name, QStringLiteral("name with | pipe, comma"));
        QCOMPARE(task.reason, QStringLiteral("Priority"));
        QVERIFY(!task.startTime.isValid()); // N/A
        const Job &held = jobs->back();
        QCOMPARE(held.state, JobState::Held);
    }

    void damagedQueueIsAnErrorNotAShorterList_data()
    {
        QTest::addColumn<QByteArray>("output");
        const QByteArray good = recorded("squeue.txt");
        QTest::newRow("record cut short") << good.left(good.size() - 40);
        QTest::newRow("field missing") << QByteArray(good).replace("\x1fRUNNING", "");
        QTest::newRow("unknown state") << QByteArray(good).replace("RUNNING", "DANCING");
        QTest::newRow("chatter") << QByteArray("Welcome to the cluster!\n") + good;
    }

    void damagedQueueIsAnErrorNotAShorterList()
    {
        QFETCH(QByteArray, output);
        const auto jobs = slurm::parseQueue(output);
        QVERIFY(!jobs);
        QVERIFY2(jobs.error().message.contains(u"squeue printed a line"), qPrintable(jobs.error().message));
    }

    // squeue's times in all their spellings (read in place, without the general parser).
    void queueDurations_data()
    {
        QTest::addColumn<QByteArray>("used");
        QTest::addColumn<std::optional<qint64>>("seconds");
        QTest::newRow("minutes:seconds") << QByteArray("0:29") << std::optional<qint64>(29);
        QTest::newRow("hours") << QByteArray("2:03:04") << std::optional<qint64>(7384);
        QTest::newRow("days") << QByteArray("1-02:03:04") << std::optional<qint64>(93784);
        QTest::newRow("days-hours") << QByteArray("3-04") << std::optional<qint64>(3 * 86400 + 4 * 3600);
        QTest::newRow("minutes") << QByteArray("90") << std::optional<qint64>(5400);
        QTest::newRow("unlimited") << QByteArray("UNLIMITED") << std::optional<qint64>();
        QTest::newRow("invalid") << QByteArray("INVALID") << std::optional<qint64>();
        QTest::newRow("fraction") << QByteArray("00:01.500") << std::optional<qint64>(2);
        QTest::newRow("too many parts") << QByteArray("1:2:3:4") << std::optional<qint64>();
        QTest::newRow("dash only") << QByteArray("1-") << std::optional<qint64>();
    }

    void queueDurations()
    {
        QFETCH(QByteArray, used);
        QFETCH(std::optional<qint64>, seconds);
        const QByteArray field = QByteArray("\x1f") + used + '\x1f';
        const auto jobs = slurm::parseQueue(QByteArray(recorded("squeue.txt"))
                                                .replace(QByteArray("\x1f"
                                                                    "0:29\x1f"),
                                                         field));
        QVERIFY2(jobs, testsupport::errorText(jobs).constData());
        QCOMPARE(jobs->at(1).elapsedSeconds, seconds);
    }

    void emptyQueue()
    {
        const auto jobs = slurm::parseQueue("");
        QVERIFY(jobs);
        QVERIFY(jobs->isEmpty());
    }

    void failedQueryIsUnknown()
    {
        const auto scheduler = Scheduler::create(Profile::Scheduler::Slurm);
        sshcore::CommandResult result;
        result.exitStatus = 1;
        result.standardError = "slurm_load_jobs error: Socket timed out on send/recv operation\n";
        const auto jobs = scheduler->parseQueue(result);
        QVERIFY(!jobs);
        QVERIFY2(jobs.error().message.contains(u"unknown"), qPrintable(jobs.error().message));
    }

    void history()
    {
        const auto jobs = slurm::parseHistory(recorded("sacct.txt"));
        QVERIFY2(jobs, testsupport::errorText(jobs).constData());
        const auto it = std::ranges::find(*jobs, QStringLiteral("6"), &JobAccounting::id);
        QVERIFY(it != jobs->end());
        QCOMPARE(it->name, QStringLiteral("cpu-test"));
        QCOMPARE(it->state, JobState::Completed);
        QCOMPARE(it->allocatedCpus, 2);
        QCOMPARE(it->elapsedSeconds, 6);
        QCOMPARE(it->timeLimitSeconds, 300);
        QVERIFY(qAbs(*it->cpuSeconds - 6.321) < 1e-9);
        QCOMPARE(it->requestedMemoryBytes, 300 * units::MiB);
        QCOMPARE(it->maxRssBytes, 89956 * units::KiB); // from the .batch step
        QVERIFY(qAbs(*it->cpuEfficiency() - 6.321 / 12) < 1e-9);
        QVERIFY(qAbs(*it->memoryEfficiency() - 89956.0 / (300 * 1024)) < 1e-9);
        QCOMPARE(it->startTime.toSecsSinceEpoch(), 1795391476);
        // Array tasks are jobs of their own; steps are not.
        QVERIFY(std::ranges::find(*jobs, QStringLiteral("1_3"), &JobAccounting::id) != jobs->end());
        QVERIFY(std::ranges::none_of(*jobs, [](const JobAccounting &job) { return job.id.contains(u'.'); }));
    }

    void historyStates()
    {
        QCOMPARE(slurm::stateFromSlurm("CANCELLED by 1000"), JobState::Cancelled);
        QCOMPARE(slurm::stateFromSlurm("OUT_OF_MEMORY"), JobState::OutOfMemory);
        QCOMPARE(slurm::stateFromSlurm("PENDING", "JobHeldAdmin"), JobState::Held);
        QCOMPARE(slurm::stateFromSlurm("TIMEOUT"), JobState::TimedOut);
        QCOMPARE(slurm::stateFromSlurm("R"), JobState::Running);
        QCOMPARE(slurm::stateFromSlurm("SOMETHING_NEW"), JobState::Unknown);
        QVERIFY(!isFinished(JobState::Unknown));
    }

    void partitions()
    {
        const auto partitions = slurm::parsePartitions(recorded("sinfo.txt"));
        QVERIFY2(partitions, testsupport::errorText(partitions).constData());
        QCOMPARE(partitions->size(), 2);
        const Partition &cpu = partitions->at(0);
        QCOMPARE(cpu.name, QStringLiteral("cpu"));
        QVERIFY(cpu.isDefault);
        QVERIFY(cpu.available);
        QCOMPARE(cpu.maxTimeSeconds, 86400);
        QCOMPARE(cpu.nodes, 1);
        QCOMPARE(cpu.cpusTotal, 2);
        QCOMPARE(cpu.memoryPerNodeBytes, 8192 * units::MiB);
        QCOMPARE(cpu.gpuTotal(), 2);
        QVERIFY(!partitions->at(1).isDefault);
    }

    void partitionsMerged()
    {
        // Two groups of nodes in one partition, with typed GPUs.
        const QByteArray output = "gpu*\x1fup\x1f"
                                  "2-00:00:00\x1f"
                                  "4\x1f"
                                  "8/120/0/128\x1fgpu:a100:4(S:0-1)\x1f"
                                  "512000\x1f"
                                  "1/3/0/4\x1e\n"
                                  "gpu*\x1fup\x1f"
                                  "2-00:00:00\x1f"
                                  "2\x1f"
                                  "0/64/0/64\x1fgpu:v100:2,mps:400\x1f"
                                  "256000\x1f"
                                  "0/2/0/2\x1e\n";
        const auto partitions = slurm::parsePartitions(output);
        QVERIFY2(partitions, testsupport::errorText(partitions).constData());
        QCOMPARE(partitions->size(), 1);
        const Partition &gpu = partitions->front();
        QCOMPARE(gpu.nodes, 6);
        QCOMPARE(gpu.idleNodes, 5);
        QCOMPARE(gpu.cpusTotal, 192);
        QCOMPARE(gpu.memoryPerNodeBytes, 256000 * units::MiB);
        QCOMPARE(gpu.gpus.size(), 2);
        QCOMPARE(gpu.gpus[0].type, QStringLiteral("a100"));
        QCOMPARE(gpu.gpus[0].total, 16);
        QCOMPARE(gpu.gpus[1].perNode, 2);
    }

    void jobRecord()
    {
        const auto details = slurm::parseJobRecord(recorded("scontrol-show-job.txt"));
        QVERIFY2(details, testsupport::errorText(details).constData());
        QCOMPARE(details->job.name, QStringLiteral("held job")); // a value with a space
        QCOMPARE(details->job.state, JobState::Held);
        QCOMPARE(details->job.user, QStringLiteral("alice"));
        QCOMPARE(details->job.timeLimitSeconds, 600);
        QVERIFY(details->job.standardOutput.startsWith(u"/home/alice/slurm-"));
        QVERIFY(details->fields.size() > 40);
        QVERIFY(!slurm::parseJobRecord("slurm_load_jobs error: Invalid job id specified\n"));
    }

    void submit()
    {
        const auto reply = slurm::parseSubmitted(recorded("sbatch-parsable.stdout"), {});
        QVERIFY(reply);
        QCOMPARE(reply->jobId, QStringLiteral("20"));
        const auto warned = slurm::parseSubmitted("1234;cluster2\n",
                                                  "sbatch: Warning: can't honor --ntasks-per-node\n");
        QVERIFY(warned);
        QCOMPARE(warned->jobId, QStringLiteral("1234"));
        QCOMPARE(warned->cluster, QStringLiteral("cluster2"));
        QVERIFY(warned->warnings.contains(u"can't honor"));

        const auto scheduler = Scheduler::create(Profile::Scheduler::Slurm);
        sshcore::CommandResult refused;
        refused.exitStatus = 1;
        refused.standardError = recorded("sbatch-invalid-partition.stderr");
        const auto failed = scheduler->parseSubmit(refused);
        QVERIFY(!failed);
        QVERIFY2(failed.error().message.contains(u"Invalid partition name specified"),
                 qPrintable(failed.error().message));
        QVERIFY(!failed.error().message.contains(u"sbatch: error:"));
    }

    void testOnly()
    {
        const auto estimate = slurm::parseTestOnly(recorded("sbatch-test-only.stderr"));
        QVERIFY2(estimate, testsupport::errorText(estimate).constData());
        QCOMPARE(estimate->partition, QStringLiteral("cpu"));
        QCOMPARE(estimate->processors, 2);
        QCOMPARE(estimate->nodes, QStringLiteral("node01"));
        QVERIFY(estimate->start.isValid());
        QVERIFY(!slurm::parseTestOnly("sbatch: error: Batch job submission failed"));
    }

    void modules()
    {
        sshcore::CommandResult result;
        result.standardOutput = recorded("module-t-avail.txt");
        const auto modules = Scheduler::parseModules(result);
        QVERIFY(modules);
        QCOMPARE(*modules, (QStringList{QStringLiteral("gcc/14"), QStringLiteral("jupyter/2.15"),
                                        QStringLiteral("python/3.13")}));
        result.standardOutput = "bash: line 1: module: command not found\n";
        result.exitStatus = 127;
        QVERIFY(!Scheduler::parseModules(result));
    }

    void associations()
    {
        const auto list = slurm::parseAssociations("lab|gpu|normal,high\nlab||normal\n");
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[0].qos, (QStringList{QStringLiteral("normal"), QStringLiteral("high")}));
    }

    void units_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("seconds");
        QTest::newRow("minutes") << "90" << qint64(5400);
        QTest::newRow("m:s") << "5:00" << qint64(300);
        QTest::newRow("h:m:s") << "01:00:00" << qint64(3600);
        QTest::newRow("d-h") << "2-00" << qint64(172800);
        QTest::newRow("d-h:m") << "1-02:30" << qint64(95400);
        QTest::newRow("d-h:m:s") << "1-00:00:01" << qint64(86401);
        QTest::newRow("fraction") << "00:06.321" << qint64(6);
        QTest::newRow("bad") << "1h" << qint64(-1);
        QTest::newRow("unlimited") << "UNLIMITED" << qint64(-1);
    }

    void units()
    {
        QFETCH(QString, text);
        QFETCH(qint64, seconds);
        const auto parsed = units::parseDurationSeconds(text);
        QCOMPARE(parsed.value_or(-1), seconds);
        if (parsed)
            QCOMPARE(units::parseDurationSeconds(units::formatDuration(*parsed)), parsed);
    }

    void memoryUnits()
    {
        QCOMPARE(units::parseMemory(u"4G", units::MiB), 4 * units::GiB);
        QCOMPARE(units::parseMemory(u"500", units::MiB), 500 * units::MiB);
        QCOMPARE(units::parseMemory(u"8gb", 1), 8 * units::GiB);
        QCOMPARE(units::parseMemory(u"4000Mc", 1), 4000 * units::MiB);
        QVERIFY(!units::parseMemory(u"lots", 1));
        QCOMPARE(units::formatMemory(4 * units::GiB), QStringLiteral("4G"));
        QCOMPARE(units::formatMemory(1536 * units::MiB), QStringLiteral("1536M"));
    }
};

QTEST_GUILESS_MAIN(TestSlurmParsers)
#include "tst_slurmparsers.moc"
