// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// PBS's output parsers on recorded output of PBS Professional/OpenPBS (qstat -f -F json) and
// Torque (qstat -f text), data/schedulers/pbspro and data/schedulers/torque (SOURCES.md there), on
// damaged copies of them, and PbsScheduler's command lines.

#include "../TestSupport.h"
#include "app/schedulers/ResourceUnits.h"
#include "app/schedulers/pbs/PbsParsers.h"
#include "app/schedulers/pbs/PbsRecord.h"
#include "app/schedulers/pbs/PbsScheduler.h"

#include <QTest>
#include <QTimeZone>

using namespace app;

namespace {

using testsupport::near;
using testsupport::utc;

QByteArray recorded(const char *name)
{
    return testsupport::testData(QStringLiteral("schedulers/") + QLatin1StringView(name));
}

} // namespace

class TestPbsParsers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void queueJson()
    {
        const auto jobs = pbs::parseQueue(recorded("pbspro/qstat_f_F_json_x_finished_and_running_openpbs23.json"));
        QVERIFY_RESULT(jobs);
        QCOMPARE(jobs->size(), 3);
        const Job &finished = jobs->at(0);
        QCOMPARE(finished.id, QStringLiteral("1004.pbs"));
        QCOMPARE(finished.name, QStringLiteral("hello_pbs"));
        QCOMPARE(finished.user, QStringLiteral("fireuser"));
        QCOMPARE(finished.partition, QStringLiteral("workq"));
        QCOMPARE(finished.stateText, QStringLiteral("F"));
        QCOMPARE(finished.state, JobState::Completed); // Exit_status 0
        QCOMPARE(finished.elapsedSeconds, 30);
        QCOMPARE(finished.timeLimitSeconds, 300);
        QVERIFY(!finished.timeLeftSeconds);
        QCOMPARE(finished.cpuCount, 1);
        QCOMPARE(finished.nodeCount, 1);
        QCOMPARE(finished.nodeList, QStringLiteral("pbs"));
        QCOMPARE(finished.submitTime, utc(2025, 6, 19, 10, 36, 47));
        QCOMPARE(finished.startTime, utc(2025, 6, 19, 10, 36, 47));
        QCOMPARE(finished.endTime, utc(2025, 6, 19, 10, 37, 18));
        QCOMPARE(finished.workDirectory, QStringLiteral("/home/fireuser"));
        QCOMPARE(finished.standardOutput, QStringLiteral("/home/fireuser/hello_pbs.o1004"));
        QCOMPARE(finished.standardError, QStringLiteral("/home/fireuser/hello.err"));
        QVERIFY(finished.reason.isEmpty());
        const Job &running = jobs->at(2);
        QCOMPARE(running.id, QStringLiteral("1006.pbs"));
        QCOMPARE(running.user, QStringLiteral("firesrv"));
        QCOMPARE(running.state, JobState::Running);
        QCOMPARE(running.timeLeftSeconds, 290);
        QVERIFY(running.arrayJobId.isEmpty());

        // The fixture's output starts with a newline.
        const auto one = pbs::parseQueue(recorded("pbspro/qstat_f_F_json_x_running_openpbs23.json"));
        QVERIFY_RESULT(one);
        QCOMPARE(one->size(), 1);
        QCOMPARE(one->front().id, QStringLiteral("1.pbs"));
    }

    void queueHeldAndMultiNode()
    {
        const auto held = pbs::parseQueue(recorded("pbspro/qstat_x_f_F_json_held_pbspro19.json"));
        QVERIFY_RESULT(held);
        QCOMPARE(held->front().state, JobState::Held);
        QCOMPARE(held->front().reason, QStringLiteral("Hold_Types u"));
        QCOMPARE(held->front().timeLimitSeconds, 120);
        QVERIFY(held->front().nodeList.isEmpty());
        QVERIFY(held->front().workDirectory.endsWith(u"/pbs_hold_job/da6d5b57/stage"));

        const auto wide = pbs::parseQueue(recorded("pbspro/qstat_xf_F_json_running_2nodes_metacentrum_pbspro19.json"));
        QVERIFY_RESULT(wide);
        const Job &job = wide->front();
        QCOMPARE(job.id, QStringLiteral("12860476.meta-pbs.metacentrum.cz"));
        QCOMPARE(job.user, QStringLiteral("jan_brezina"));
        QCOMPARE(job.nodeList, QStringLiteral("charon24,charon21"));
        QCOMPARE(job.nodeCount, 2);
        QCOMPARE(job.cpuCount, 4);
        QCOMPARE(job.memory, QStringLiteral("8gb"));
        QVERIFY(!job.elapsedSeconds); // no resources_used yet
        QCOMPARE(job.timeLimitSeconds, 60);
        QCOMPARE(job.standardOutput, QStringLiteral("/storage/liberec3-tul/home/jan_brezina/_testing/swrap/testing/"
                                                    "integrated/01_mpi4py/swrap_01.o12860476"));
    }

    void queueTorque()
    {
        const auto jobs = pbs::parseQueue(recorded("torque/qstat_f_two_running_torque237.txt"));
        QVERIFY_RESULT(jobs);
        QCOMPARE(jobs->size(), 2);
        const Job &first = jobs->at(0);
        QCOMPARE(first.id, QStringLiteral("114618.mike.bw.nitech.ac.jp"));
        QCOMPARE(first.state, JobState::Running);
        QCOMPARE(first.elapsedSeconds, 20 * 3600 + 50 * 60 + 27);
        QCOMPARE(first.timeLimitSeconds, 720 * 3600);
        QCOMPARE(first.timeLeftSeconds, 2516937); // Walltime.Remaining
        QCOMPARE(first.cpuCount, 1);              // nodes=1:ppn=1:E5v3
        QCOMPARE(first.nodeList, QStringLiteral("cnode025.bw.nitech.ac.jp"));
        QCOMPARE(first.standardError, QStringLiteral("/home/kasugai/LLTO/test2000/num03/bulk.e114618")); // wrapped
        QCOMPARE(first.startTime, utc(2017, 1, 26, 19, 26, 0));
        const Job &second = jobs->at(1);
        QCOMPARE(second.cpuCount, 4); // nodes=2:ppn=2
        QCOMPARE(second.nodeList, QStringLiteral("cnode002.bw.nitech.ac.jp,cnode003.bw.nitech.ac.jp"));
        QCOMPARE(second.workDirectory, QStringLiteral("/home/kobayashi/test"));
        QVERIFY(!second.elapsedSeconds);
    }

    void torqueArraySubjob()
    {
        const QByteArray output = recorded("torque/qstat_f_array_subjob_deleted_bcgsc.txt");
        const auto jobs = pbs::parseQueue(output);
        QVERIFY_RESULT(jobs);
        QCOMPARE(jobs->size(), 1);
        const Job &task = jobs->front();
        QCOMPARE(task.id, QStringLiteral("48[1].torque01.bcgsc.ca"));
        QCOMPARE(task.arrayJobId, QStringLiteral("48[].torque01.bcgsc.ca"));
        QCOMPARE(task.arrayTaskId, QStringLiteral("1"));
        QCOMPARE(task.state, JobState::Cancelled); // exit_status 271: SIGTERM, it never ran
        QCOMPARE(task.memory, QStringLiteral("12000mb"));
        QCOMPARE(task.workDirectory,
                 QStringLiteral("/projects/trans_scratch/validations/workspace/creisle/temp/test_submission"));
        // Escaped commas, and a value going on at column 0 ("}" of a shell function).
        const auto records = pbs::PbsRecord::read(output, pbs::PbsRecord::Kind::Job);
        QVERIFY_RESULT(records);
        const pbs::PbsRecord &record = records->front();
        QCOMPARE(record.variable(u"SACCT_FORMAT"),
                 QStringLiteral("jobid%-18,jobname%45,user%-8,reqmem,elapsed,state,MaxRSS,AveRSS,Partition"));
        QVERIFY(record.variable(u"BASH_FUNC_module()").endsWith(u"\\}"));
        QCOMPARE(record.value(u"euser"), QStringLiteral("creisle"));
    }

    void damagedQueueIsAnError_data()
    {
        QTest::addColumn<QByteArray>("output");
        // Hand-made damage to real files.
        const QByteArray json = recorded("pbspro/qstat_f_F_json_x_finished_and_running_openpbs23.json");
        const QByteArray text = recorded("torque/qstat_f_two_running_torque237.txt");
        QTest::newRow("json cut short") << json.left(json.size() / 2);
        QTest::newRow("json state missing") << QByteArray(json).replace("\"job_state\":\"R\",", "");
        QTest::newRow("json unknown state") << QByteArray(json).replace("\"job_state\":\"R\"", "\"job_state\":\"Z\"");
        QTest::newRow("json not pbs") << QByteArray(json).replace("pbs_version", "version");
        QTest::newRow("json garbage value") << QByteArray(json).replace("\"1006.pbs\":{", "\"1006.pbs\":[{");
        QTest::newRow("text chatter first") << QByteArray("Welcome to the cluster!\n") + text;
        QTest::newRow("text unknown state") << QByteArray(text).replace("job_state = R", "job_state = dancing");
        QTest::newRow("text state missing") << QByteArray(text).replace("    job_state = R\n", "");
    }

    void damagedQueueIsAnError()
    {
        QFETCH(QByteArray, output);
        const auto jobs = pbs::parseQueue(output);
        QVERIFY(!jobs);
        QVERIFY(!jobs.error().message.isEmpty());
    }

    void emptyQueue()
    {
        QVERIFY_RESULT(pbs::parseQueue(""));
        QVERIFY(pbs::parseQueue("")->isEmpty());
        // Hand-made: the header PBS prints when there are no jobs to list.
        const auto none = pbs::parseQueue(R"({"timestamp":1750369865,"pbs_version":"23.06.06","pbs_server":"pbs"})");
        QVERIFY_RESULT(none);
        QVERIFY(none->isEmpty());
    }

    void failedQueries()
    {
        const PbsScheduler scheduler;
        sshcore::CommandResult result;
        result.exitStatus = 1;
        result.standardError = "Connection refused\nqstat: cannot connect to server pbs (errno=111)\n";
        const auto jobs = scheduler.parseQueue(result);
        QVERIFY(!jobs);
        QVERIFY2(jobs.error().message.contains(u"unknown"), qPrintable(jobs.error().message));
        // A job that ended between qselect and qstat: the rest is still a listing.
        result.exitStatus = 153;
        result.standardError = "qstat: Unknown Job Id 1007.pbs\n";
        result.standardOutput = recorded("pbspro/qstat_f_F_json_x_running_openpbs23.json");
        QVERIFY_RESULT(scheduler.parseQueue(result));
        result.standardError += "qstat: Server shutting down\n";
        QVERIFY(!scheduler.parseQueue(result));
    }

    void history()
    {
        const auto jobs = pbs::parseHistory(recorded("pbspro/qstat_f_F_json_x_finished_and_running_openpbs23.json"));
        QVERIFY_RESULT(jobs);
        QCOMPARE(jobs->size(), 3);
        const JobAccounting &job = jobs->front();
        QCOMPARE(job.id, QStringLiteral("1004.pbs"));
        QCOMPARE(job.state, JobState::Completed);
        QCOMPARE(job.exitCode, QStringLiteral("0"));
        QCOMPARE(job.cpuSeconds, 0.0);
        QCOMPARE(job.allocatedCpus, 1);
        QCOMPARE(job.maxRssBytes, 5652 * units::KiB);
        QVERIFY(!job.requestedMemoryBytes); // no mem in Resource_List
        QVERIFY(near(job.cpuEfficiency(), 0.0));
        QVERIFY(!job.memoryEfficiency());
        QVERIFY(near(job.timeEfficiency(), 30.0 / 300));
        QCOMPARE(job.allocatedResources, QStringLiteral("1:ncpus=1"));

        const auto torque = pbs::parseHistory(recorded("torque/qstat_f_two_running_torque237.txt"));
        QVERIFY_RESULT(torque);
        const JobAccounting &busy = torque->front();
        QCOMPARE(busy.cpuSeconds, double(20 * 3600 + 49 * 60 + 35));
        QCOMPARE(busy.maxRssBytes, 16148 * units::KiB);
        QVERIFY(near(busy.cpuEfficiency(), 74975.0 / 75027));
        QVERIFY(near(busy.timeEfficiency(), 75027.0 / (720 * 3600)));

        const auto completed = pbs::parseHistory(recorded("torque/qstat_f_completed_bcgsc.txt"));
        QVERIFY_RESULT(completed);
        QCOMPARE(completed->front().state, JobState::Completed);
        QCOMPARE(completed->front().startTime, utc(2018, 5, 29, 9, 37, 1));
        QCOMPARE(completed->front().endTime, utc(2018, 5, 29, 9, 38, 1));
        QVERIFY(near(completed->front().timeEfficiency(), 60.0 / 3600));

        const auto e4 = pbs::parseHistory(recorded("torque/qstat_f_completed_e4spro.txt"));
        QVERIFY_RESULT(e4);
        QCOMPARE(e4->front().timeLimitSeconds, 86400);
        QCOMPARE(e4->front().elapsedSeconds, 5);
        QCOMPARE(e4->front().exitCode, QStringLiteral("0"));
    }

    void finishedStates()
    {
        // Hand-made variants of a real finished job: the exit status decides.
        const QByteArray json = recorded("pbspro/qstat_f_F_json_x_finished_and_running_openpbs23.json");
        const auto stateWith = [&](const QByteArray &exit, const QByteArray &walltime) {
            QByteArray variant = json;
            variant.replace("\"Exit_status\":0,\n            \"Submit_arguments\":\"-v F7T_version=v2.0.0\",\n"
                            "            \"history_timestamp\":1750329438",
                            QByteArray("\"Exit_status\":" + exit + ",\"history_timestamp\":1750329438"));
            variant.replace("\"walltime\":\"00:00:30\"", QByteArray("\"walltime\":\"" + walltime + "\""));
            const auto jobs = pbs::parseHistory(variant);
            return jobs ? jobs->front().state : JobState::Unknown;
        };
        QCOMPARE(stateWith("0", "00:00:30"), JobState::Completed);
        QCOMPARE(stateWith("1", "00:00:30"), JobState::Failed);
        QCOMPARE(stateWith("271", "00:00:30"), JobState::Cancelled);
        QCOMPARE(stateWith("-29", "00:05:00"), JobState::TimedOut);
        QCOMPARE(pbs::stateFromPbs(u"M"), JobState::Unknown);
        QVERIFY(!pbs::stateFromPbs(u"Z"));
        QVERIFY(!pbs::stateFromPbs(u"RR"));
    }

    void details()
    {
        const auto details = pbs::parseJobRecord(
            recorded("pbspro/qstat_f_F_json_x_finished_and_running_openpbs23.json"));
        QVERIFY_RESULT(details);
        QCOMPARE(details->job.id, QStringLiteral("1004.pbs"));
        // qstat's order, nested objects as dotted names.
        QCOMPARE(details->fields.at(0).first, QStringLiteral("Job_Name"));
        QCOMPARE(details->fields.at(1).first, QStringLiteral("Job_Owner"));
        QCOMPARE(details->fields.at(2), (std::pair{QStringLiteral("resources_used.cpupercent"), QStringLiteral("0")}));
        QVERIFY(details->fields.contains(
            std::pair{QStringLiteral("Variable_List.PBS_O_WORKDIR"), QStringLiteral("/home/fireuser")}));
        QCOMPARE(details->fields.back(), (std::pair{QStringLiteral("Submit_Host"), QStringLiteral("pbs")}));

        const auto torque = pbs::parseJobRecord(recorded("torque/qstat_f_completed_e4spro.txt"));
        QVERIFY_RESULT(torque);
        QVERIFY(torque->fields.contains(
            std::pair{QStringLiteral("req_information.hostlist.0"), QStringLiteral("ac-d160-0-0:ppn=1")}));
        QCOMPARE(torque->job.standardError, QStringLiteral("/home/adaptive50/Documents/buildtest/var/tests/"
                                                           "generic.torque.e4spro/sleep/hostname_test/b10fea47/stage/"
                                                           "hostname_test.e"));
        QVERIFY(!pbs::parseJobRecord("qstat: Unknown Job Id 99.pbs\n"));
        QVERIFY(!pbs::parseJobRecord(""));
    }

    void queues()
    {
        const auto derecho = pbs::parseQueues(recorded("pbspro/qstat_Qf_F_json_derecho_pbspro2022.json"));
        QVERIFY_RESULT(derecho);
        QCOMPARE(derecho->size(), 14);
        QCOMPARE(derecho->front().name, QStringLiteral("cpu")); // qstat's order
        QVERIFY(derecho->front().gpus.isEmpty());               // resources_max.ngpus 0
        const auto named = [&](const QString &name) { return *std::ranges::find(*derecho, name, &Partition::name); };
        QCOMPARE(named(QStringLiteral("gpudev")).gpus, (QList<GpuOffer>{{QStringLiteral("a100"), 4, 8}}));
        QCOMPARE(named(QStringLiteral("gpu")).gpus, (QList<GpuOffer>{{QStringLiteral("a100"), 4, 0}}));
        QCOMPARE(named(QStringLiteral("main")).gpus.front().total, 328);
        QVERIFY(named(QStringLiteral("repair")).available);
        QVERIFY(!named(QStringLiteral("repair")).maxTimeSeconds); // only a default walltime

        const auto barbora = pbs::parseQueues(recorded("pbspro/qstat_Q_qexp_f_F_json_barbora_pbspro20.json"));
        QVERIFY_RESULT(barbora);
        const Partition &qexp = barbora->front();
        QCOMPARE(qexp.name, QStringLiteral("qexp"));
        QCOMPARE(qexp.maxTimeSeconds, 3600);
        QCOMPARE(qexp.nodes, 16);
        QCOMPARE(qexp.cpusTotal, 576);
        QCOMPARE(qexp.cpusIdle, 576);
        QVERIFY(qexp.available);

        const auto open = pbs::parseQueues(recorded("pbspro/qstat_Qf_F_json_openpbs23.json"));
        QVERIFY_RESULT(open);
        QCOMPARE(open->size(), 1);
        QVERIFY(!open->front().maxTimeSeconds);
        // Hand-made damage: a queue without its queue_type.
        QVERIFY(!pbs::parseQueues(QByteArray(recorded("pbspro/qstat_Qf_F_json_openpbs23.json"))
                                      .replace("\"queue_type\":\"Execution\",", "")));
    }

    void submit()
    {
        const auto open = pbs::parseSubmitted(recorded("pbspro/qsub_openpbs23.txt"), {});
        QVERIFY_RESULT(open);
        QCOMPARE(open->jobId, QStringLiteral("1.pbs"));
        QCOMPARE(pbs::parseSubmitted(recorded("torque/qsub_bcgsc.txt"), {})->jobId,
                 QStringLiteral("141.torque01.bcgsc.ca"));
        QCOMPARE(pbs::parseSubmitted(recorded("torque/qsub_array_bcgsc.txt"), {})->jobId,
                 QStringLiteral("142[].torque01.bcgsc.ca"));
        QVERIFY(!pbs::parseSubmitted("Welcome!\n", {}));

        const PbsScheduler scheduler;
        sshcore::CommandResult refused;
        refused.exitStatus = 1;
        refused.standardError = "qsub: Unknown queue\n";
        const auto failed = scheduler.parseSubmit(refused);
        QVERIFY(!failed);
        QCOMPARE(failed.error().message, QStringLiteral("Unknown queue"));
    }

    void commands()
    {
        const PbsScheduler torque(PbsScheduler::Flavour::Torque);
        const PbsScheduler professional(PbsScheduler::Flavour::Professional);
        QCOMPARE(professional.submitCommand(QStringLiteral("/home/a/it's $(date).sh"),
                                            QStringLiteral("/tmp/dir with 'quote'")),
                 QByteArray("cd '/tmp/dir with '\\''quote'\\''' && qsub '/home/a/it'\\''s $(date).sh'"));
        QCOMPARE(torque.submitCommand(QStringLiteral("-x.sh"), QStringLiteral("/w")),
                 QByteArray("cd /w && qsub ./-x.sh"));
        QCOMPARE(professional.controlCommand(JobControl::Cancel, QStringLiteral("12[].pbs")),
                 QByteArray("qdel '12[].pbs'"));
        QCOMPARE(torque.controlCommand(JobControl::Hold, QStringLiteral("7;rm -rf ~")),
                 QByteArray("qhold '7;rm -rf ~'"));
        QCOMPARE(torque.controlCommand(JobControl::Release, QStringLiteral("7.srv")), QByteArray("qrls 7.srv"));
        QCOMPARE(professional.queueCommand(true), QByteArray("TZ=UTC qstat -f -F json -t"));
        QCOMPARE(professional.queueCommand(false),
                 QByteArray("( set -f; ids=$(qselect -u \"$(id -un)\") || exit; [ -z \"$ids\" ] || "
                            "TZ=UTC qstat -f -F json -t $ids )"));
        QCOMPARE(torque.detailsCommand(QStringLiteral("$(reboot)")), QByteArray("TZ=UTC qstat -f '$(reboot)'"));
        QCOMPARE(professional.historyCommand({}, {QStringLiteral("1.pbs"), QStringLiteral("2[3].pbs")}),
                 QByteArray("TZ=UTC qstat -x -f -F json 1.pbs '2[3].pbs'"));
        QCOMPARE(torque.partitionsCommand(), QByteArray("qstat -Q -f"));
        const QByteArray detect = PbsScheduler().partitionsCommand();
        QCOMPARE(detect, QByteArray("if qstat --version 2>&1 | grep -q pbs_version; then qstat -Q -f -F json; "
                                    "else qstat -Q -f; fi"));
        QVERIFY(PbsScheduler().testCommand(QStringLiteral("a.sh"), QStringLiteral("/w")).isEmpty());
        QCOMPARE(Scheduler::create(Profile::Scheduler::Pbs)->kind(), Profile::Scheduler::Pbs);
    }
};

QTEST_GUILESS_MAIN(TestPbsParsers)
#include "tst_pbsparsers.moc"
