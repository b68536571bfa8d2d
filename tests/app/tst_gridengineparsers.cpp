// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Grid Engine's output parsers on recorded output of SGE, Son of Grid Engine and Univa Grid Engine
// 8.0/8.6 (qstat -xml, qstat -j -xml, qacct -j, qsub: data/schedulers/sge, SOURCES.md there), on
// damaged copies of it, and GridEngineScheduler's command lines.

#include "../TestSupport.h"
#include "app/schedulers/ResourceUnits.h"
#include "app/schedulers/gridengine/GridEngineParsers.h"
#include "app/schedulers/gridengine/GridEngineScheduler.h"

#include <QTest>
#include <QTimeZone>

#include <cmath>

using namespace app;

namespace {

using testsupport::near;
using testsupport::utc;

QByteArray recorded(const char *name)
{
    return testsupport::testData(QStringLiteral("schedulers/sge/") + QLatin1StringView(name));
}

} // namespace

class TestGridEngineParsers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void queue()
    {
        const auto jobs = gridengine::parseQueue(recorded("qstat_r_xml.xml"));
        QVERIFY_RESULT(jobs);
        QCOMPARE(jobs->size(), 4);
        const Job &running = jobs->at(0);
        QCOMPARE(running.id, QStringLiteral("88"));
        QCOMPARE(running.name, QStringLiteral("job_15"));
        QCOMPARE(running.user, QStringLiteral("vagrant"));
        QCOMPARE(running.account, QStringLiteral("project_a"));
        QCOMPARE(running.state, JobState::Running);
        QCOMPARE(running.partition, QStringLiteral("general.q")); // from its queue instance
        QCOMPARE(running.nodeList, QStringLiteral("worker"));
        QCOMPARE(running.timeLimitSeconds, 360); // h_rt in seconds
        QCOMPARE(running.cpuCount, 1);
        QCOMPARE(running.startTime, utc(2018, 10, 10, 14, 37, 16));
        const Job &pending = jobs->at(1);
        QCOMPARE(pending.id, QStringLiteral("1045"));
        QCOMPARE(pending.state, JobState::Pending);
        QCOMPARE(pending.partition, QStringLiteral("general.q")); // hard_req_queue
        QCOMPARE(pending.submitTime, utc(2018, 10, 9, 18, 47, 5));
        QVERIFY(pending.nodeList.isEmpty());
        QVERIFY(jobs->at(2).account.isEmpty());
        QCOMPARE(jobs->at(3).id, QStringLiteral("44"));
        QCOMPARE(jobs->at(3).state, JobState::Held); // hqw
    }

    void arrayTasks()
    {
        // Hand-made: the recording's jobs as an array's running task and its pending range.
        QByteArray variant = recorded("qstat_r_xml.xml");
        variant.replace("<slots>1</slots>\n        <full_job_name>job_15",
                        "<slots>1</slots>\n        <tasks>3</tasks>\n        <full_job_name>job_15");
        variant.replace("<full_job_name>job_RQ", "<tasks>4-10:1</tasks>\n      <full_job_name>job_RQ");
        const auto jobs = gridengine::parseQueue(variant);
        QVERIFY_RESULT(jobs);
        QCOMPARE(jobs->at(0).id, QStringLiteral("88.3"));
        QCOMPARE(jobs->at(0).arrayJobId, QStringLiteral("88"));
        QCOMPARE(jobs->at(1).id, QStringLiteral("1045.4-10:1"));
        QCOMPARE(jobs->at(1).arrayTaskId, QStringLiteral("4-10:1"));
    }

    void damagedQueueIsAnError_data()
    {
        QTest::addColumn<QByteArray>("output");
        // Hand-made damage to a real file.
        const QByteArray good = recorded("qstat_r_xml.xml");
        QTest::newRow("cut short") << good.left(good.size() - 200);
        QTest::newRow("unknown state") << QByteArray(good).replace("<state>qw</state>", "<state>zz</state>");
        QTest::newRow("no job number") << QByteArray(good).replace("<JB_job_number>1046</JB_job_number>", "");
        QTest::newRow("no state") << QByteArray(good).replace("<state>hqw</state>", "");
        QTest::newRow("other document") << recorded("qstat_r_xml_j_running_uge8.xml");
        QTest::newRow("nothing") << QByteArray();
        QTest::newRow("text") << QByteArray("error: failed receiving gdi request\n");
    }

    void damagedQueueIsAnError()
    {
        QFETCH(QByteArray, output);
        QVERIFY(!gridengine::parseQueue(output));
    }

    void failedQuery()
    {
        const GridEngineScheduler scheduler;
        sshcore::CommandResult result;
        result.exitStatus = 1;
        result.standardError = "error: commlib error: got select error (Connection refused)\n"
                               "unable to contact qmaster using port 6444 on host \"master\"\n";
        const auto jobs = scheduler.parseQueue(result);
        QVERIFY(!jobs);
        QVERIFY2(jobs.error().message.contains(u"unknown"), qPrintable(jobs.error().message));
    }

    void detailsSonOfGridEngine()
    {
        const auto details = gridengine::parseJobRecord(recorded("qstat_r_xml_j_running_pe16_sogrid.xml"));
        QVERIFY_RESULT(details);
        const Job &job = details->job;
        QCOMPARE(job.id, QStringLiteral("942195"));
        QCOMPARE(job.name, QStringLiteral("RemoteDesktop"));
        QCOMPARE(job.user, QStringLiteral("smatott"));
        QCOMPARE(job.state, JobState::Running); // JAT_status 128
        QCOMPARE(job.cpuCount, 16);
        QCOMPARE(job.partition, QStringLiteral("all.q"));
        QCOMPARE(job.timeLimitSeconds, 518400);
        QCOMPARE(job.submitTime.toSecsSinceEpoch(), 1576525304);
        QVERIFY(job.standardOutput.endsWith(u"/9beca517-07fa-4379-8eb7-934460846a19/output.log"));
        QCOMPARE(details->fields.front(), (std::pair{QStringLiteral("JB_job_number"), QStringLiteral("942195")}));
        const auto field = [&](const QString &name) {
            return std::ranges::find(details->fields, name, &std::pair<QString, QString>::first)->second;
        };
        QVERIFY(field(QStringLiteral("JB_env_list")).startsWith(u"__SGE_PREFIX__O_HOME=/mnt/lustre/users/smatott, "));
        QVERIFY(field(QStringLiteral("JB_ja_tasks")).contains(u"cpu=22.540000"));
        QCOMPARE(field(QStringLiteral("JB_hard_resource_list")), QStringLiteral("h_rt=518400"));
    }

    void detailsUnivaGridEngine()
    {
        const auto old = gridengine::parseJobRecord(recorded("qstat_r_xml_j_running_uge8.xml"));
        QVERIFY_RESULT(old);
        QCOMPARE(old->job.id, QStringLiteral("4147342"));
        QCOMPARE(old->job.account, QStringLiteral("xjzhou_prj"));
        QCOMPARE(old->job.cpuCount, 1);
        QCOMPARE(old->job.timeLimitSeconds, 86400);
        QCOMPARE(old->job.memory, QStringLiteral("16G"));
        QCOMPARE(old->job.startTime.toSecsSinceEpoch(), 1541444223);
        QCOMPARE(old->job.state, JobState::Running);

        const auto recent = gridengine::parseJobRecord(recorded("qstat_r_xml_j_running_uge866.xml"));
        QVERIFY_RESULT(recent);
        QCOMPARE(recent->job.id, QStringLiteral("748172"));
        QCOMPARE(recent->job.submitTime.toSecsSinceEpoch(), 1592928409); // milliseconds in 8.6
        QCOMPARE(recent->job.startTime.toSecsSinceEpoch(), 1592928425);
        QCOMPARE(recent->job.partition, QStringLiteral("ondemand"));
        QCOMPARE(recent->job.nodeList, QStringLiteral("compute-19-11.localdomain"));
        QCOMPARE(recent->job.cpuCount, 11);
        QCOMPARE(recent->job.timeLimitSeconds, 14400);
    }

    void detailsOfAnUnknownJob()
    {
        // Real, and not well-formed XML: what it is still shows.
        const auto details = gridengine::parseJobRecord(recorded("qstat_r_xml_j_unknown_job.xml"));
        QVERIFY(!details);
        QVERIFY2(details.error().message.contains(u"no longer knows"), qPrintable(details.error().message));
        const GridEngineScheduler scheduler;
        sshcore::CommandResult result;
        result.exitStatus = 1;
        result.standardOutput = recorded("qstat_r_xml_j_unknown_job.xml");
        QVERIFY(scheduler.parseDetails(result).error().message.contains(u"no longer knows"));
        QVERIFY(!gridengine::parseJobRecord(recorded("qstat_r_xml.xml")));
    }

    void history()
    {
        const auto pe = gridengine::parseHistory(recorded("qacct_j_array_task_pe8_ok.txt"));
        QVERIFY_RESULT(pe);
        QCOMPARE(pe->size(), 1);
        const JobAccounting &job = pe->front();
        QCOMPARE(job.id, QStringLiteral("3744253.40"));
        QCOMPARE(job.name, QStringLiteral("A89009negative"));
        QCOMPARE(job.user, QStringLiteral("bioapps"));
        QCOMPARE(job.partition, QStringLiteral("transabyss.q"));
        QVERIFY(job.account.isEmpty()); // project NONE
        QCOMPARE(job.state, JobState::Completed);
        QCOMPARE(job.allocatedCpus, 8);
        QCOMPARE(job.elapsedSeconds, 10550);
        QCOMPARE(job.cpuSeconds, 76808.002);
        QCOMPARE(job.startTime, utc(2018, 5, 22, 10, 32, 42));
        QCOMPARE(job.endTime, utc(2018, 5, 22, 13, 28, 32));
        const qint64 perSlot = std::llround(3.85 * double(units::GiB)); // h_vmem=3.85G per slot
        QCOMPARE(job.requestedMemoryBytes, 8 * perSlot);
        QCOMPARE(job.maxRssBytes, std::llround(14.885 * double(units::GiB))); // maxvmem
        QVERIFY(near(job.cpuEfficiency(), 76808.002 / (8 * 10550)));
        QVERIFY(near(job.memoryEfficiency(), double(std::llround(14.885 * double(units::GiB))) / double(8 * perSlot)));
        QVERIFY(!job.timeEfficiency()); // no h_rt

        // Hand-made: the job with one more task record of a tightly integrated parallel run.
        QByteArray parallel = recorded("qacct_j_array_task_pe8_ok.txt");
        QByteArray task = parallel.mid(parallel.indexOf("====="))
                              .replace("cpu          76808.002s", "cpu          1.998s");
        task.replace("maxvmem      14.885GB", "maxvmem      15.000GB\npe_taskid    1.tac3n16");
        const auto merged = gridengine::parseHistory(QByteArray(task + parallel));
        QVERIFY_RESULT(merged);
        QCOMPARE(merged->size(), 1);
        QCOMPARE(merged->front().cpuSeconds, 76810.0);
        QCOMPARE(merged->front().maxRssBytes, 15 * units::GiB);
        QCOMPARE(merged->front().elapsedSeconds, 10550);

        const auto tasks = gridengine::parseHistory(recorded("qacct_j_array_3tasks.txt"));
        QVERIFY_RESULT(tasks);
        QCOMPARE(tasks->size(), 3);
        QCOMPARE(tasks->at(1).id, QStringLiteral("3757289.3"));
        QVERIFY(near(tasks->at(0).cpuEfficiency(), 0.144 / 60));
        QCOMPARE(tasks->at(2).startTime, utc(2018, 5, 24, 10, 54, 17));
    }

    void historyEndings()
    {
        const auto exit1 = gridengine::parseHistory(recorded("qacct_j_exit1.txt"));
        QVERIFY_RESULT(exit1);
        QCOMPARE(exit1->front().id, QStringLiteral("3755560")); // taskid undefined
        QCOMPARE(exit1->front().state, JobState::Failed);
        QCOMPARE(exit1->front().exitCode, QStringLiteral("1"));

        const auto never = gridengine::parseHistory(recorded("qacct_j_failed_26.txt"));
        QVERIFY_RESULT(never);
        QCOMPARE(never->front().state, JobState::Failed); // failed 26: opening input/output file
        QVERIFY(!never->front().startTime.isValid());     // -/-
        QCOMPARE(never->front().timeLimitSeconds, 57600);
        QCOMPARE(never->front().requestedMemoryBytes, 16000 * units::MiB);
        QVERIFY(near(never->front().timeEfficiency(), 0));

        const auto killed = gridengine::parseHistory(recorded("qacct_j_killed_137.txt"));
        QVERIFY_RESULT(killed);
        QCOMPARE(killed->front().state, JobState::Cancelled); // failed 100, SIGKILL, well within any limit
        QCOMPARE(killed->front().exitCode, QStringLiteral("137"));

        const auto vagrant = gridengine::parseHistory(recorded("qacct_j_failed100_exit137_vagrant.txt"));
        QVERIFY_RESULT(vagrant);
        QCOMPARE(vagrant->front().state, JobState::Cancelled); // no category: no h_rt to compare with
        QCOMPARE(vagrant->front().elapsedSeconds, 361);
        QCOMPARE(vagrant->front().cpuSeconds, 0.007);
        QCOMPARE(vagrant->front().maxRssBytes, std::llround(24.809 * double(units::MiB)));

        // Hand-made: the killed job with an h_rt it reached.
        QByteArray timedOut = recorded("qacct_j_killed_137.txt");
        timedOut.replace("category     -U transabyss_users", "category     -U transabyss_users -l h_rt=24");
        QCOMPARE(gridengine::parseHistory(timedOut)->front().state, JobState::TimedOut);
    }

    void damagedHistoryIsAnError()
    {
        QVERIFY(!gridengine::parseHistory(recorded("qacct_total_system_usage.txt")));
        // Hand-made damage to real files.
        QVERIFY(!gridengine::parseHistory(QByteArray(recorded("qacct_j_exit1.txt")).replace("exit_status  1\n", "")));
        QVERIFY(
            !gridengine::parseHistory(QByteArray(recorded("qacct_j_exit1.txt")).replace("jobnumber", "Job Number")));
        QVERIFY(!gridengine::parseHistory("error: job id 12 not found\n"));
        QVERIFY_RESULT(gridengine::parseHistory(""));

        const GridEngineScheduler scheduler;
        sshcore::CommandResult notYet;
        notYet.exitStatus = 1;
        notYet.standardError = "error: job id 12 not found\n";
        QVERIFY_RESULT(scheduler.parseHistory(notYet));
    }

    void queues()
    {
        const auto queues = gridengine::parseQueues(recorded("qstat_r_xml.xml"));
        QVERIFY_RESULT(queues);
        QCOMPARE(queues->size(), 1);
        const Partition &queue = queues->front();
        QCOMPARE(queue.name, QStringLiteral("general.q"));
        QVERIFY(queue.available);
        QCOMPARE(queue.nodes, 1);
        QCOMPARE(queue.cpusTotal, 1);
        QCOMPARE(queue.cpusAllocated, 1);
        QCOMPARE(queue.cpusIdle, 0);
        QVERIFY(!queue.maxTimeSeconds); // infinity
        QCOMPARE(queue.memoryPerNodeBytes, std::llround(489.848 * double(units::MiB)));
        QVERIFY(!gridengine::parseQueues(recorded("qstat_r_xml.xml").left(900)));
    }

    void states()
    {
        QCOMPARE(gridengine::stateFromGridEngine(u"qw"), JobState::Pending);
        QCOMPARE(gridengine::stateFromGridEngine(u"hqw"), JobState::Held);
        QCOMPARE(gridengine::stateFromGridEngine(u"Eqw"), JobState::Held);
        QCOMPARE(gridengine::stateFromGridEngine(u"r"), JobState::Running);
        QCOMPARE(gridengine::stateFromGridEngine(u"t"), JobState::Running);
        QCOMPARE(gridengine::stateFromGridEngine(u"Rr"), JobState::Running);
        QCOMPARE(gridengine::stateFromGridEngine(u"s"), JobState::Suspended);
        QCOMPARE(gridengine::stateFromGridEngine(u"S"), JobState::Suspended);
        QCOMPARE(gridengine::stateFromGridEngine(u"T"), JobState::Suspended);
        QCOMPARE(gridengine::stateFromGridEngine(u"dr"), JobState::Completing);
        QVERIFY(!gridengine::stateFromGridEngine(u"x"));
        QVERIFY(!gridengine::stateFromGridEngine(u""));
        QCOMPARE(gridengine::parseLimit(u"01:00:00"), 3600);
        QCOMPARE(gridengine::parseLimit(u"360"), 360);
        QVERIFY(!gridengine::parseLimit(u"infinity"));
    }

    void submit()
    {
        const auto job = gridengine::parseSubmitted(recorded("qsub_job.txt"), {});
        QVERIFY_RESULT(job);
        QCOMPARE(job->jobId, QStringLiteral("3891651"));
        const auto array = gridengine::parseSubmitted(recorded("qsub_job_array.txt"), {});
        QVERIFY_RESULT(array);
        QCOMPARE(array->jobId, QStringLiteral("3891657"));
        QCOMPARE(gridengine::parseSubmitted("4242\n", {})->jobId, QStringLiteral("4242")); // -terse
        QVERIFY(!gridengine::parseSubmitted("Unable to run job: error: no suitable queues.\n", {}));
    }

    void commands()
    {
        const GridEngineScheduler scheduler;
        QCOMPARE(scheduler.submitCommand(QStringLiteral("/home/a/it's.sh"), QStringLiteral("/tmp/a b")),
                 QByteArray("qsub -wd '/tmp/a b' '/home/a/it'\\''s.sh'"));
        QCOMPARE(scheduler.queueCommand(true), QByteArray("TZ=UTC qstat -xml -r -u '*'"));
        QCOMPARE(scheduler.queueCommand(false), QByteArray("TZ=UTC qstat -xml -r -u \"$(id -un)\""));
        QCOMPARE(scheduler.detailsCommand(QStringLiteral("1;reboot")),
                 QByteArray("TZ=UTC qstat -r -xml -j '1;reboot'"));
        QCOMPARE(scheduler.controlCommand(JobControl::Hold, QStringLiteral("12.3")), QByteArray("qhold 12.3"));
        QCOMPARE(scheduler.controlCommand(JobControl::Cancel, QStringLiteral("$(x)")), QByteArray("qdel '$(x)'"));
        QCOMPARE(scheduler.historyCommand(QDateTime(QDate(2026, 1, 2), QTime(3, 4), QTimeZone::UTC), {}),
                 QByteArray("TZ=UTC qacct -o \"$(id -un)\" -b 202601020304 -j"));
        QCOMPARE(scheduler.historyCommand({}, {QStringLiteral("12.3"), QStringLiteral("it's")}),
                 QByteArray("for job in 12 'it'\\''s'; do TZ=UTC qacct -j \"$job\"; done"));
        QCOMPARE(Scheduler::create(Profile::Scheduler::GridEngine)->name(),
                 Profile::schedulerName(Profile::Scheduler::GridEngine));
    }
};

QTEST_GUILESS_MAIN(TestGridEngineParsers)
#include "tst_gridengineparsers.moc"
