// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The Monitor's parsers of what each scheduler says of running jobs' use and of the cluster's
// (sstat, scontrol show node; qstat -f, pbsnodes; bjobs, bhosts; qstat -j, qstat -f), on recorded
// real output (data/schedulers/*, see each folder's SOURCES.md) and on damaged copies.

#include "TestSupport.h"
#include "app/schedulers/ResourceUnits.h"
#include "app/schedulers/Scheduler.h"
#include "app/schedulers/gridengine/GridEngineUsageParsers.h"
#include "app/schedulers/lsf/LsfUsageParsers.h"
#include "app/schedulers/pbs/PbsUsageParsers.h"
#include "app/schedulers/slurm/SlurmParsers.h"
#include "app/schedulers/slurm/SlurmUsageParsers.h"

#include <QTest>

#include <cmath>

using namespace app;
using units::GiB;
using units::KiB;
using units::MiB;

namespace {

QByteArray recorded(const char *name)
{
    return testsupport::testData(QStringLiteral("schedulers/") + QLatin1StringView(name));
}

const JobUsage *usageOf(const QList<JobUsage> &jobs, const QString &id)
{
    const auto it = std::ranges::find(jobs, id, &JobUsage::jobId);
    return it == jobs.end() ? nullptr : &*it;
}

const PartitionUse *useOf(const QList<PartitionUse> &partitions, const QString &name)
{
    const auto it = std::ranges::find(partitions, name, &PartitionUse::partition);
    return it == partitions.end() ? nullptr : &*it;
}

sshcore::CommandResult resultOf(const QByteArray &output, int exitStatus = 0, const QByteArray &error = {})
{
    sshcore::CommandResult result;
    result.exitStatus = exitStatus;
    result.standardOutput = output;
    result.standardError = error;
    return result;
}

// A scheduler with the commands every back end must have, and none of the Monitor's.
class Bare final : public Scheduler
{
public:
    Profile::Scheduler kind() const override { return Profile::Scheduler::Slurm; }
    QByteArray submitCommand(const QString &, const QString &) const override { return {}; }
    sshcore::Result<SubmitReply> parseSubmit(const sshcore::CommandResult &) const override { return {}; }
    QByteArray queueCommand(bool) const override { return {}; }
    sshcore::Result<QList<Job>> parseQueue(const sshcore::CommandResult &) const override { return {}; }
    QByteArray detailsCommand(const QString &) const override { return {}; }
    sshcore::Result<JobDetails> parseDetails(const sshcore::CommandResult &) const override { return {}; }
    QByteArray controlCommand(JobControl, const QString &) const override { return {}; }
    QByteArray historyCommand(const QDateTime &, const QStringList &) const override { return {}; }
    sshcore::Result<QList<JobAccounting>> parseHistory(const sshcore::CommandResult &) const override { return {}; }
    QByteArray partitionsCommand() const override { return {}; }
    sshcore::Result<QList<Partition>> parsePartitions(const sshcore::CommandResult &) const override { return {}; }
};

} // namespace

class TestUsageParsers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Two samples 10 s apart of a job burning two busy loops (batch step and step 0) and one
    // holding 300 MiB (see 24.11-demo/SOURCES.md).
    void slurmUsage()
    {
        const auto first = slurm::parseUsage(recorded("slurm/24.11-demo/sstat-usage-1.txt"));
        QVERIFY_RESULT(first);
        QCOMPARE(first->size(), 2); // 1 (ended), 4 (held) and 99999 (unknown) are absent
        const JobUsage *burn = usageOf(*first, QStringLiteral("2"));
        QVERIFY(burn);
        QCOMPARE(burn->cpuSeconds, 6.0); // 3 s in the batch step + 3 s in step 0
        QCOMPARE(burn->rssBytes, 13086720 + 1638400);
        QCOMPARE(burn->maxRssBytes, 13086720);
        QCOMPARE(burn->virtualMemoryBytes, 227618816 + 2744320);
        QVERIFY(!burn->elapsedSeconds && !burn->allocatedCpus && !burn->memoryLimitBytes);
        const JobUsage *hold = usageOf(*first, QStringLiteral("3"));
        QVERIFY(hold);
        QCOMPARE(hold->cpuSeconds, 0.0);
        QCOMPARE(hold->rssBytes, 323645440); // the 300 MiB and Python itself
        QVERIFY(*hold->rssBytes > 300 * MiB && *hold->rssBytes < 320 * MiB);

        const auto second = slurm::parseUsage(recorded("slurm/24.11-demo/sstat-usage-2.txt"));
        QVERIFY_RESULT(second);
        // Cumulative: the busy loops' CPU time grew by 6 s in the 10 s between the samples (the
        // demo's two cores were shared with builds at the time).
        QCOMPARE(*usageOf(*second, QStringLiteral("2"))->cpuSeconds - *burn->cpuSeconds, 6.0);
    }

    void slurmUsageOfArrayTasks()
    {
        // Asked for 5_0,5_1: sstat names the tasks by their own ids and lists each step twice.
        const auto jobs = slurm::parseUsage(recorded("slurm/24.11-demo/sstat-usage-array-tasks.txt"));
        QVERIFY_RESULT(jobs);
        QCOMPARE(jobs->size(), 2);
        QCOMPARE(usageOf(*jobs, QStringLiteral("5"))->rssBytes, 3325952);
        QCOMPARE(usageOf(*jobs, QStringLiteral("6"))->rssBytes, 3223552);
    }

    void slurmUsageThroughTheScheduler()
    {
        const auto scheduler = Scheduler::create(Profile::Scheduler::Slurm);
        QCOMPARE(scheduler->usageCommand({QStringLiteral("12"), QStringLiteral("13")}),
                 QByteArray("sstat --allsteps --noheader --parsable2 --noconvert "
                            "--format=JobID,TRESUsageInTot,TRESUsageInMax --jobs=12,13"));
        QVERIFY(scheduler->usageCommand({}).isEmpty());
        QCOMPARE(scheduler->usageCommand({QStringLiteral("1;rm -rf ~")}),
                 QByteArray("sstat --allsteps --noheader --parsable2 --noconvert "
                            "--format=JobID,TRESUsageInTot,TRESUsageInMax --jobs='1;rm -rf ~'"));
        // Jobs sstat does not know: said on standard error, exit status 0, the others listed.
        const auto jobs = scheduler->parseUsage(resultOf(recorded("slurm/24.11-demo/sstat-usage-1.txt"), 0,
                                                         recorded("slurm/24.11-demo/sstat-usage.stderr")));
        QVERIFY_RESULT(jobs);
        QCOMPARE(jobs->size(), 2);
        const auto none = scheduler->parseUsage(resultOf({}, 0, "sstat: error: couldn't get steps for job 99999\n"));
        QVERIFY_RESULT(none);
        QVERIFY(none->isEmpty());
        const auto down = scheduler->parseUsage(
            resultOf({}, 1, "sstat: error: slurm_load_jobs error: Unable to contact slurm controller\n"));
        QVERIFY(!down);
        QCOMPARE(down.error().kind, sshcore::ErrorKind::Refused);
    }

    void slurmGpuSampling()
    {
        const auto scheduler = Scheduler::create(Profile::Scheduler::Slurm);
        QCOMPARE(scheduler->gpuSamplingCommand(QStringLiteral("42"), "nvidia-smi --query-gpu=index -l 5 'x'"),
                 QByteArray("srun --overlap --jobid=42 --nodes=1 --ntasks=1 --input=none --quiet sh -c "
                            "'nvidia-smi --query-gpu=index -l 5 '\\''x'\\'''"));
        for (const auto kind : {Profile::Scheduler::Pbs, Profile::Scheduler::Lsf, Profile::Scheduler::GridEngine})
            QVERIFY(Scheduler::create(kind)->gpuSamplingCommand(QStringLiteral("42"), "nvidia-smi").isEmpty());
    }

    void slurmNodes_data()
    {
        QTest::addColumn<QByteArray>("output");
        QTest::addColumn<QList<int>>("cpus");         // allocated, idle, unavailable
        QTest::addColumn<QList<qint64>>("memoryMiB"); // allocated, idle, unavailable
        QTest::addColumn<QList<int>>("gpus");         // allocated, idle, unavailable
        QTest::newRow("two jobs running")
            << recorded("slurm/24.11-demo/scontrol-show-node-running.txt") << QList<int>{2, 0, 0}
            << QList<qint64>{500, 8192 - 500, 0} << QList<int>{1, 1, 0};
        QTest::newRow("draining with the jobs")
            << recorded("slurm/24.11-demo/scontrol-show-node-draining.txt") << QList<int>{2, 0, 0}
            << QList<qint64>{500, 0, 8192 - 500} << QList<int>{1, 0, 1};
        QTest::newRow("drained") << recorded("slurm/24.11-demo/scontrol-show-node-drained.txt") << QList<int>{0, 0, 2}
                                 << QList<qint64>{0, 0, 8192} << QList<int>{0, 0, 2};
        QTest::newRow("idle") << recorded("slurm/24.11-demo/scontrol-show-node-idle.txt") << QList<int>{0, 2, 0}
                              << QList<qint64>{0, 8192, 0} << QList<int>{0, 2, 0};
    }

    void slurmNodes()
    {
        QFETCH(QByteArray, output);
        QFETCH(QList<int>, cpus);
        QFETCH(QList<qint64>, memoryMiB);
        QFETCH(QList<int>, gpus);
        const auto partitions = slurm::parseNodes(output);
        QVERIFY_RESULT(partitions);
        QCOMPARE(partitions->size(), 2); // node01 is in both, and counts in each
        QCOMPARE(partitions->at(0).partition, QStringLiteral("cpu"));
        QCOMPARE(partitions->at(1).partition, QStringLiteral("gpu"));
        for (const PartitionUse &use : *partitions) {
            QCOMPARE(use.nodes, 1);
            QCOMPARE((QList<int>{use.cpusAllocated, use.cpusIdle, use.cpusUnavailable}), cpus);
            QVERIFY(use.hasMemory && use.hasGpus);
            QCOMPARE((QList<qint64>{use.memoryAllocatedBytes / MiB, use.memoryIdleBytes / MiB,
                                    use.memoryUnavailableBytes / MiB}),
                     memoryMiB);
            QCOMPARE((QList<int>{use.gpusAllocated, use.gpusIdle, use.gpusUnavailable}), gpus);
        }
    }

    void slurmNodesWithOddValues()
    {
        const QByteArray line = recorded("slurm/24.11-demo/scontrol-show-node-running.txt").trimmed();
        // A reason with spaces and "=" after State, typed GPUs only, a node in no partition.
        QByteArray odd = line;
        odd.replace("CfgTRES=cpu=2,mem=8G,billing=2,gres/gpu=2", "CfgTRES=cpu=2,mem=8G,gres/gpu:a100=2");
        odd.replace("AllocTRES=cpu=2,mem=500M,gres/gpu=1", "AllocTRES=cpu=1,mem=1G,gres/gpu:a100=1");
        odd += " Reason=disk full x=y [root@2026-12-07T01:05:50]\n";
        QByteArray orphan = line;
        orphan.replace("Partitions=cpu,gpu ", "");
        const auto partitions = slurm::parseNodes(QByteArray(odd + orphan));
        QVERIFY_RESULT(partitions);
        QCOMPARE(partitions->size(), 2);
        QCOMPARE(partitions->at(0).cpusAllocated, 1);
        QCOMPARE(partitions->at(0).memoryAllocatedBytes, GiB);
        QCOMPARE(partitions->at(0).gpusAllocated, 1);
        QCOMPARE(partitions->at(0).gpusIdle, 1);
    }

    void slurmDamaged_data()
    {
        QTest::addColumn<QByteArray>("sstat");
        QTest::addColumn<QByteArray>("scontrol");
        const QByteArray usage = recorded("slurm/24.11-demo/sstat-usage-1.txt");
        const QByteArray nodes = recorded("slurm/24.11-demo/scontrol-show-node-running.txt");
        QTest::newRow("cut short") << usage.left(usage.indexOf('|', 20)) << nodes.left(nodes.indexOf(" State"));
        QTest::newRow("chatter first") << "Welcome to the cluster!\n" + usage << "Welcome to the cluster!\n" + nodes;
        QTest::newRow("extra separator") << QByteArray(usage).replace("|cpu", "|x|cpu")
                                         << QByteArray(nodes).replace("State=ALLOCATED", "Stat=ALLOCATED");
    }

    void slurmDamaged()
    {
        QFETCH(QByteArray, sstat);
        QFETCH(QByteArray, scontrol);
        const auto usage = slurm::parseUsage(sstat);
        QVERIFY(!usage);
        QCOMPARE(usage.error().kind, sshcore::ErrorKind::Malformed);
        const auto nodes = slurm::parseNodes(scontrol);
        QVERIFY(!nodes);
        QCOMPARE(nodes.error().kind, sshcore::ErrorKind::Malformed);
    }

    // Accounting's TRES usage: the demo records no GPU figures; CU Boulder's Alpine does
    // (slurm/sacct_pno_*_curc.txt, as its documentation shows them).
    void slurmHistoryGpuFigures()
    {
        const QByteArray demo = recorded("slurm/24.11-demo/sacct-tres-usage.txt");
        const auto jobs = slurm::parseHistory(demo);
        QVERIFY_RESULT(jobs);
        QCOMPARE(jobs->size(), 2);
        QCOMPARE(jobs->at(1).maxRssBytes, 316060 * KiB);
        QVERIFY(!jobs->at(1).gpuUtilisationPercent && !jobs->at(1).gpuMemoryBytes);

        const QByteArray maxLines = recorded("slurm/sacct_pno_TRESUsageInMax_curc.txt");
        const QByteArray averageLines = recorded("slurm/sacct_pno_TRESUsageInAve_noconvert_curc.txt");
        const auto field = [](const QByteArray &lines, int line) {
            return lines.split('\n').at(line).split('|').at(1);
        };
        QCOMPARE(slurm::gpuUtilisationOf(field(averageLines, 1)), 100.0);
        QCOMPARE(slurm::gpuMemoryOf(field(averageLines, 1)), Q_INT64_C(40777023488));
        QCOMPARE(slurm::gpuMemoryOf(field(maxLines, 1)), 38888 * MiB); // the same amount, converted
        QCOMPARE(slurm::gpuUtilisationOf(field(maxLines, 2)), 0.0);    // extern
        QVERIFY(!slurm::gpuUtilisationOf(field(maxLines, 0)));

        // The demo's listing with step 3.batch carrying Alpine's figures (average, then max).
        QByteArray withGpus = demo;
        const QByteArray demoTres = "cpu=00:00:00,energy=0,fs/disk=58620,mem=316060K,pages=0,vmem=321788K";
        withGpus.replace(withGpus.indexOf(demoTres), demoTres.size(), field(averageLines, 1));
        withGpus.replace(withGpus.indexOf(demoTres), demoTres.size(), field(maxLines, 1));
        const auto gpuJobs = slurm::parseHistory(withGpus);
        QVERIFY_RESULT(gpuJobs);
        QCOMPARE(gpuJobs->at(1).gpuUtilisationPercent, 100.0);
        QCOMPARE(gpuJobs->at(1).gpuMemoryBytes, 38888 * MiB);
        QVERIFY(!gpuJobs->at(0).gpuUtilisationPercent);
        // Listings from before the two fields were asked for still read (sacct.txt has 18).
        QVERIFY_RESULT(slurm::parseHistory(recorded("slurm/24.11-demo/sacct.txt")));
    }

    void pbsUsage()
    {
        const auto one = pbs::parseUsage(recorded("pbspro/qstat_f_F_json_x_running_openpbs23.json"));
        QVERIFY_RESULT(one);
        QCOMPARE(one->size(), 1);
        const JobUsage &job = one->front();
        QCOMPARE(job.jobId, QStringLiteral("1.pbs"));
        QCOMPARE(job.cpuSeconds, 0.0);
        QCOMPARE(job.elapsedSeconds, 10);
        QVERIFY(!job.rssBytes); // PBS's mem is the most seen, not what is held now
        QCOMPARE(job.maxRssBytes, 5660 * KiB);
        QCOMPARE(job.maxVirtualMemoryBytes, 9904 * KiB);
        QCOMPARE(job.allocatedCpus, 1);
        QVERIFY(!job.memoryLimitBytes);

        const auto mixed = pbs::parseUsage(recorded("pbspro/qstat_f_F_json_x_finished_and_running_openpbs23.json"));
        QVERIFY_RESULT(mixed);
        QCOMPARE(mixed->size(), 1); // the two finished (F) jobs are absent
        QCOMPARE(mixed->front().jobId, QStringLiteral("1006.pbs"));

        const auto fresh = pbs::parseUsage(recorded("pbspro/qstat_xf_F_json_running_2nodes_metacentrum_pbspro19.json"));
        QVERIFY_RESULT(fresh);
        QCOMPARE(fresh->size(), 1);
        QVERIFY(!fresh->front().cpuSeconds); // no resources_used yet
        QCOMPARE(fresh->front().memoryLimitBytes, 8 * GiB);
        QCOMPARE(fresh->front().allocatedCpus, 4);

        const auto torque = pbs::parseUsage(recorded("torque/qstat_f_two_running_torque237.txt"));
        QVERIFY_RESULT(torque);
        QCOMPARE(torque->size(), 2);
        QCOMPARE(torque->at(0).cpuSeconds, 20 * 3600 + 49 * 60 + 35.0);
        QCOMPARE(torque->at(0).maxRssBytes, 16148 * KiB);
        QCOMPARE(torque->at(0).elapsedSeconds, 20 * 3600 + 50 * 60 + 27);
        QCOMPARE(torque->at(1).allocatedCpus, 4); // nodes=2:ppn=2

        const auto scheduler = Scheduler::create(Profile::Scheduler::Pbs);
        QVERIFY(scheduler->usageCommand({QStringLiteral("1.pbs"), QStringLiteral("2.pbs")})
                    .contains("qstat -f -F json 1.pbs 2.pbs"));
        const auto gone = scheduler->parseUsage(
            resultOf(recorded("pbspro/qstat_f_F_json_x_running_openpbs23.json"), 35, "qstat: Unknown Job Id 7.pbs\n"));
        QVERIFY_RESULT(gone);
        QCOMPARE(gone->size(), 1);
        QVERIFY(!scheduler->parseUsage(resultOf({}, 1, "qstat: cannot connect to server pbs (errno=111)\n")));
    }

    void pbsNodes()
    {
        const auto single = pbs::parseNodes(recorded("pbspro/pbsnodes_a_F_json_openpbs23.json"));
        QVERIFY_RESULT(single);
        QCOMPARE(single->size(), 1);
        const PartitionUse &all = single->front();
        QCOMPARE(all.partition, QString()); // no queue named: the whole cluster
        QCOMPARE(all.cpusIdle, 1);
        QVERIFY(all.hasMemory && !all.hasGpus);
        QCOMPARE(all.memoryIdleBytes, 1024 * MiB);

        const auto polaris = pbs::parseNodes(recorded("pbspro/pbsnodes_a_F_json_polaris_pbspro2022.json"));
        QVERIFY_RESULT(polaris);
        QCOMPARE(polaris->size(), 1);
        const PartitionUse &use = polaris->front();
        QCOMPARE(use.nodes, 3);
        // free; job-exclusive (1 CPU asked, the whole node held); down.
        QCOMPARE((QList<int>{use.cpusAllocated, use.cpusIdle, use.cpusUnavailable}), (QList<int>{64, 64, 64}));
        QCOMPARE((QList<int>{use.gpusAllocated, use.gpusIdle, use.gpusUnavailable}), (QList<int>{4, 4, 4}));
        QCOMPARE(use.memoryUnavailableBytes, 527672488 * KiB);

        QByteArray queued = recorded("pbspro/pbsnodes_a_F_json_polaris_pbspro2022.json");
        queued.replace("\"arch\": \"linux\",\n                \"debug\"",
                       "\"Qlist\": \"debug,prod\",\n                \"debug\"");
        const auto byQueue = pbs::parseNodes(queued);
        QVERIFY_RESULT(byQueue);
        QCOMPARE(byQueue->size(), 3); // "" for the two others, then debug and prod
        QCOMPARE(useOf(*byQueue, QStringLiteral("debug"))->cpusIdle, 64);
        QCOMPARE(useOf(*byQueue, QStringLiteral("prod"))->cpusIdle, 64);
        QCOMPARE(useOf(*byQueue, QString())->nodes, 2);
    }

    void lsf()
    {
        const auto hosts = lsf::parseHosts(recorded("lsf/bhosts_o_json_closed_full_parallelcluster.json"));
        QVERIFY_RESULT(hosts);
        QCOMPARE(hosts->size(), 1);
        QCOMPARE(hosts->front().cpusAllocated, 4);
        QCOMPARE(hosts->front().cpusIdle + hosts->front().cpusUnavailable, 0);
        QVERIFY(!hosts->front().hasMemory && !hosts->front().hasGpus);
        const auto closed = lsf::parseHosts(QByteArray(recorded("lsf/bhosts_o_json_closed_full_parallelcluster.json"))
                                                .replace("closed_Full", "unavail")
                                                .replace("\"NJOBS\":\"4\"", "\"NJOBS\":\"1\""));
        QVERIFY_RESULT(closed);
        QCOMPARE(closed->front().cpusAllocated, 1);
        QCOMPARE(closed->front().cpusUnavailable, 3);

        QVERIFY(lsf::parseUsage(recorded("lsf/bjobs_o_json_done_dkfz.json"))->isEmpty());  // DONE
        QVERIFY(lsf::parseUsage(recorded("lsf/bjobs_o_json_psusp_olcf.json"))->isEmpty()); // never ran
        // The recorded DONE job's figures, read as a running job's.
        const auto running = lsf::parseUsage(
            QByteArray(recorded("lsf/bjobs_o_json_done_dkfz.json")).replace("\"STAT\":\"DONE\"", "\"STAT\":\"RUN\""));
        QVERIFY_RESULT(running);
        QCOMPARE(running->size(), 1);
        QCOMPARE(running->front().jobId, QStringLiteral("22005"));
        QCOMPARE(running->front().cpuSeconds, 1.0);
        QCOMPARE(running->front().elapsedSeconds, 1);
        QCOMPARE(running->front().maxRssBytes, std::llround(5.2 * double(GiB)));
        QVERIFY(!running->front().rssBytes);
        QVERIFY(Scheduler::create(Profile::Scheduler::Lsf)->usageCommand({QStringLiteral("22005")}).endsWith(" 22005"));
    }

    void gridEngineUsage()
    {
        const auto uge8 = gridengine::parseUsage(recorded("sge/qstat_r_xml_j_running_uge8.xml"));
        QVERIFY_RESULT(uge8);
        QCOMPARE(uge8->size(), 1);
        QCOMPARE(uge8->front().jobId, QStringLiteral("4147342"));
        QCOMPARE(uge8->front().cpuSeconds, 0.0);
        QCOMPARE(uge8->front().virtualMemoryBytes, 217243648);
        QCOMPARE(uge8->front().maxVirtualMemoryBytes, 217243648);
        QVERIFY(!uge8->front().rssBytes && !uge8->front().maxRssBytes); // "mem" is GB·s
        QCOMPARE(uge8->front().memoryLimitBytes, 16 * GiB);             // h_vmem 16G × 1 slot

        const auto pe16 = gridengine::parseUsage(recorded("sge/qstat_r_xml_j_running_pe16_sogrid.xml"));
        QVERIFY_RESULT(pe16);
        QCOMPARE(pe16->front().cpuSeconds, 22.54);
        QCOMPARE(pe16->front().maxVirtualMemoryBytes, Q_INT64_C(5298225152));
        QCOMPARE(pe16->front().allocatedCpus, 16);

        const QByteArray uge866 = recorded("sge/qstat_r_xml_j_running_uge866.xml");
        const auto univa = gridengine::parseUsage(uge866);
        QVERIFY_RESULT(univa);
        QCOMPARE(univa->front().cpuSeconds, 0.69);
        QCOMPARE(univa->front().elapsedSeconds, 221);
        QCOMPARE(univa->front().allocatedCpus, 11);

        QVERIFY(gridengine::parseUsage(recorded("sge/qstat_r_xml_j_unknown_job.xml"))->isEmpty());
        // A job that ended listed beside a running one.
        const auto both = gridengine::parseUsage(QByteArray(recorded("sge/qstat_r_xml_j_unknown_job.xml") + uge866));
        QVERIFY_RESULT(both);
        QCOMPARE(both->size(), 1);
        QVERIFY(!gridengine::parseUsage(uge866.left(uge866.size() / 2)));
        QVERIFY(!gridengine::parseUsage("error: commlib error: got select error\n"));
        QCOMPARE(Scheduler::create(Profile::Scheduler::GridEngine)
                     ->usageCommand({QStringLiteral("1234.7"), QStringLiteral("1234.8"), QStringLiteral("99")}),
                 QByteArray("TZ=UTC qstat -xml -j 1234,99"));
    }

    void gridEngineQueues()
    {
        const QByteArray queues = recorded("sge/qstat_r_xml.xml");
        const auto use = gridengine::parseQueueUse(queues);
        QVERIFY_RESULT(use);
        QCOMPARE(use->size(), 1);
        QCOMPARE(use->front().partition, QStringLiteral("general.q"));
        QCOMPARE(use->front().cpusAllocated, 1);
        QCOMPARE(use->front().cpusIdle, 0);
        QVERIFY(!use->front().hasMemory && !use->front().hasGpus);
        QByteArray disabled = queues;
        disabled.replace("<slots_used>1</slots_used>", "<slots_used>0</slots_used>");
        disabled.replace("<slots_total>1</slots_total>", "<slots_total>1</slots_total><state>d</state>");
        QCOMPARE(gridengine::parseQueueUse(disabled)->front().cpusUnavailable, 1);
        QVERIFY(!gridengine::parseQueueUse(queues.left(900)));
    }

    void everyBackEndAsksForClusterUse()
    {
        for (const auto kind : {Profile::Scheduler::Slurm, Profile::Scheduler::Pbs, Profile::Scheduler::Lsf,
                                Profile::Scheduler::GridEngine})
            QVERIFY(!Scheduler::create(kind)->clusterUseCommand().isEmpty());
    }

    // What a back end that overrides nothing of the Monitor's says.
    void defaultsSayThereIsNoFigure()
    {
        const Bare bare;
        QVERIFY(bare.usageCommand({QStringLiteral("1")}).isEmpty());
        QVERIFY(bare.clusterUseCommand().isEmpty());
        QVERIFY(bare.gpuSamplingCommand(QStringLiteral("1"), "nvidia-smi").isEmpty());
        const auto usage = bare.parseUsage(resultOf("anything"));
        QVERIFY(!usage);
        QCOMPARE(usage.error().kind, sshcore::ErrorKind::NotFound);
        QVERIFY(!usage.error().message.isEmpty());
        const auto use = bare.parseClusterUse(resultOf("anything"));
        QVERIFY(!use);
        QCOMPARE(use.error().kind, sshcore::ErrorKind::NotFound);
    }

    // Every prefix of every recording: an error or a (shorter) result, never a crash.
    void prefixesNeverCrash()
    {
        const char *const files[] = {"slurm/24.11-demo/sstat-usage-1.txt",
                                     "slurm/24.11-demo/scontrol-show-node-draining.txt",
                                     "slurm/24.11-demo/sacct-tres-usage.txt",
                                     "pbspro/qstat_f_F_json_x_running_openpbs23.json",
                                     "pbspro/pbsnodes_a_F_json_polaris_pbspro2022.json",
                                     "torque/qstat_f_two_running_torque237.txt",
                                     "lsf/bhosts_o_json_closed_full_parallelcluster.json",
                                     "sge/qstat_r_xml_j_running_uge866.xml",
                                     "sge/qstat_r_xml.xml"};
        for (const char *file : files) {
            const QByteArray data = recorded(file);
            for (qsizetype size = 0; size < data.size(); size += std::max<qsizetype>(1, data.size() / 97)) {
                const QByteArray prefix = data.left(size);
                (void)slurm::parseUsage(prefix);
                (void)slurm::parseNodes(prefix);
                (void)slurm::parseHistory(prefix);
                (void)pbs::parseUsage(prefix);
                (void)pbs::parseNodes(prefix);
                (void)lsf::parseUsage(prefix);
                (void)lsf::parseHosts(prefix);
                (void)gridengine::parseUsage(prefix);
                (void)gridengine::parseQueueUse(prefix);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestUsageParsers)
#include "tst_usageparsers.moc"
