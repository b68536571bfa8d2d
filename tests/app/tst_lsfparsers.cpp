// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// LSF's output parsers on recorded output of IBM Spectrum LSF 10.1 (bjobs -o ... -json, bqueues,
// bsub, bkill: data/schedulers/lsf, SOURCES.md there), on damaged copies of it, and
// LsfScheduler's command lines.

#include "../TestSupport.h"
#include "app/schedulers/ResourceUnits.h"
#include "app/schedulers/lsf/LsfParsers.h"
#include "app/schedulers/lsf/LsfScheduler.h"

#include <QTest>
#include <QTimeZone>

using namespace app;

namespace {

using testsupport::near;
using testsupport::utc;

QByteArray recorded(const char *name)
{
    return testsupport::testData(QStringLiteral("schedulers/lsf/") + QLatin1StringView(name));
}

// The DKFZ recordings are from December 2017 and January 2018 (their times have no year).
const QDateTime Early2018 = utc(2018, 1, 10, 12, 0);

} // namespace

class TestLsfParsers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void queue()
    {
        const auto jobs = lsf::parseQueue(recorded("bjobs_o_json_done_dkfz.json"), Early2018);
        QVERIFY_RESULT(jobs);
        QCOMPARE(jobs->size(), 1);
        const Job &job = jobs->front();
        QCOMPARE(job.id, QStringLiteral("22005"));
        QCOMPARE(job.name, QStringLiteral("ls -l"));
        QCOMPARE(job.stateText, QStringLiteral("DONE"));
        QCOMPARE(job.state, JobState::Completed);
        QCOMPARE(job.user, QStringLiteral("otptest"));
        QCOMPARE(job.partition, QStringLiteral("short-dmg"));
        QCOMPARE(job.account, QStringLiteral("default"));
        QCOMPARE(job.elapsedSeconds, 1);
        QCOMPARE(job.timeLimitSeconds, 600);
        QCOMPARE(job.nodeList, QStringLiteral("tbi-cn019"));
        QCOMPARE(job.nodeCount, 1);
        QCOMPARE(job.cpuCount, 1);
        QCOMPARE(job.submitTime, utc(2017, 12, 28, 19, 56)); // last year's December
        QCOMPARE(job.endTime, utc(2017, 12, 28, 19, 56));    // "Dec 28 19:56 L"
        QCOMPARE(job.workDirectory, QStringLiteral("/home/otptest"));
        QVERIFY(job.arrayJobId.isEmpty());

        const auto six = lsf::parseQueue(recorded("bjobs_o_json_exit_done_dkfz.json"), Early2018);
        QVERIFY_RESULT(six);
        QCOMPARE(six->size(), 6);
        QCOMPARE(six->at(0).state, JobState::Failed); // EXIT
        QCOMPARE(six->at(3).state, JobState::Completed);
        QCOMPARE(six->at(0).endTime, utc(2018, 1, 7, 9, 59)); // "Jan  7 09:59 L"
        QCOMPARE(six->at(5).name, QStringLiteral("RoddyTest_testScriptMultiInMixedParameters"));
    }

    void heldJob()
    {
        // Recorded with a field list without jobid: fine for one job's details, not for a list.
        const QByteArray output = recorded("bjobs_o_json_psusp_olcf.json");
        QVERIFY(!lsf::parseQueue(output, Early2018));
        const auto details = lsf::parseJobRecord(output, utc(2021, 6, 1, 0, 0));
        QVERIFY_RESULT(details);
        QCOMPARE(details->job.state, JobState::Held); // PSUSP
        QCOMPARE(details->job.name, QStringLiteral("hold_job"));
        QCOMPARE(details->job.account, QStringLiteral("GEN014ECPCI"));
        QCOMPARE(details->job.standardOutput, QStringLiteral("hold_job.out"));
        QCOMPARE(details->job.submitTime, utc(2021, 5, 28, 12, 45));
        QVERIFY(!details->job.startTime.isValid());
        QVERIFY(details->fields.contains(std::pair{QStringLiteral("STAT"), QStringLiteral("PSUSP")}));
    }

    void details()
    {
        const auto details = lsf::parseJobRecord(recorded("bjobs_o_json_done_dkfz.json"), Early2018);
        QVERIFY_RESULT(details);
        // In the order detailFields() asks for, which is the recording's.
        QCOMPARE(details->fields.size(), 33);
        QCOMPARE(details->fields.front(), (std::pair{QStringLiteral("JOBID"), QStringLiteral("22005")}));
        QCOMPARE(details->fields.at(2), (std::pair{QStringLiteral("STAT"), QStringLiteral("DONE")}));
        QCOMPARE(details->fields.back(), (std::pair{QStringLiteral("DEPENDENCY"), QStringLiteral("done(22004)")}));
        QVERIFY(details->fields.contains(std::pair{QStringLiteral("EXEC_CWD"), QStringLiteral("/home/otptest")}));
        QVERIFY(!lsf::parseJobRecord(R"({"COMMAND":"bjobs","JOBS":0,"RECORDS":[]})", Early2018));
    }

    void history()
    {
        const auto jobs = lsf::parseHistory(recorded("bjobs_o_json_done_dkfz.json"), Early2018);
        QVERIFY_RESULT(jobs);
        const JobAccounting &job = jobs->front();
        QCOMPARE(job.state, JobState::Completed);
        QCOMPARE(job.cpuSeconds, 1.0);
        QCOMPARE(job.elapsedSeconds, 1);
        QCOMPARE(job.allocatedCpus, 1);
        QCOMPARE(job.maxRssBytes, qint64(5583457485)); // 5.2 Gbytes
        QVERIFY(!job.requestedMemoryBytes);            // no rusage[mem=...]
        QVERIFY(near(job.cpuEfficiency(), 1.0));
        QVERIFY(near(job.timeEfficiency(), 1.0 / 600));
        QCOMPARE(job.allocatedResources, QStringLiteral("select[type == local] order[r15s:pg]"));

        // Hand-made variants of the real record: a memory request, an exit at the run limit.
        QByteArray variant = recorded("bjobs_o_json_done_dkfz.json");
        variant.replace("order[r15s:pg] \"", "order[r15s:pg] rusage[mem=8192.00] \"");
        variant.replace("\"STAT\":\"DONE\"", "\"STAT\":\"EXIT\"");
        variant.replace("\"RUNTIMELIMIT\":\"00:10:00\"", "\"RUNTIMELIMIT\":\"00:00:01\"");
        const auto changed = lsf::parseHistory(variant, Early2018);
        QVERIFY_RESULT(changed);
        QCOMPARE(changed->front().requestedMemoryBytes, 8 * units::GiB);
        QVERIFY(near(changed->front().memoryEfficiency(), 5583457485.0 / (8 * units::GiB)));
        QCOMPARE(changed->front().state, JobState::TimedOut);
    }

    void arrayElement()
    {
        // Hand-made: the real record renamed as LSF names an array's element.
        QByteArray variant = recorded("bjobs_o_json_done_dkfz.json");
        variant.replace("\"JOB_NAME\":\"ls -l\"", "\"JOB_NAME\":\"sim[3]\"");
        const auto jobs = lsf::parseQueue(variant, Early2018);
        QVERIFY_RESULT(jobs);
        QCOMPARE(jobs->front().id, QStringLiteral("22005[3]"));
        QCOMPARE(jobs->front().arrayJobId, QStringLiteral("22005"));
        QCOMPARE(jobs->front().arrayTaskId, QStringLiteral("3"));
    }

    void damagedListIsAnError_data()
    {
        QTest::addColumn<QByteArray>("output");
        // Hand-made damage to a real file.
        const QByteArray good = recorded("bjobs_o_json_exit_done_dkfz.json");
        QTest::newRow("cut short") << good.left(good.size() - 30);
        QTest::newRow("one record lost") << QByteArray(good).replace("\"JOBS\":6", "\"JOBS\":7");
        QTest::newRow("unknown state") << QByteArray(good).replace("\"STAT\":\"DONE\"", "\"STAT\":\"DANCE\"");
        QTest::newRow("state missing") << QByteArray(good).replace("\"STAT\":\"EXIT\",", "");
        QTest::newRow("not bjobs") << QByteArray(good).replace("RECORDS", "ROWS");
        QTest::newRow("text") << recorded("bjobs_default_wustl.txt");
    }

    void damagedListIsAnError()
    {
        QFETCH(QByteArray, output);
        QVERIFY(!lsf::parseQueue(output, Early2018));
        QVERIFY(!lsf::parseHistory(output, Early2018));
    }

    void noJobsAndFailures()
    {
        const LsfScheduler scheduler;
        sshcore::CommandResult result;
        result.exitStatus = 255;
        result.standardError = "No unfinished job found\n";
        QVERIFY_RESULT(scheduler.parseQueue(result));
        QVERIFY(scheduler.parseQueue(result)->isEmpty());
        result.standardError = "LSF is down. Please wait ...\n";
        const auto down = scheduler.parseQueue(result);
        QVERIFY(!down);
        QVERIFY2(down.error().message.contains(u"unknown"), qPrintable(down.error().message));

        result.exitStatus = 0;
        result.standardError.clear();
        result.standardOutput = recorded("bkill_wustl.txt");
        QVERIFY_RESULT(scheduler.parseControl(result));
        result.exitStatus = 255;
        result.standardOutput.clear();
        result.standardError = "Job <59061>: No matching job found\n";
        const auto refused = scheduler.parseControl(result);
        QVERIFY(!refused);
        QVERIFY(refused.error().message.contains(u"No matching job found"));
    }

    void states()
    {
        QCOMPARE(lsf::stateFromLsf(u"PEND"), JobState::Pending);
        QCOMPARE(lsf::stateFromLsf(u"PSUSP"), JobState::Held);
        QCOMPARE(lsf::stateFromLsf(u"USUSP"), JobState::Suspended);
        QCOMPARE(lsf::stateFromLsf(u"SSUSP"), JobState::Suspended);
        QCOMPARE(lsf::stateFromLsf(u"RUN"), JobState::Running);
        QCOMPARE(lsf::stateFromLsf(u"WAIT"), JobState::Pending);
        QCOMPARE(lsf::stateFromLsf(u"ZOMBI"), JobState::Completing);
        QCOMPARE(lsf::stateFromLsf(u"UNKWN"), JobState::Unknown);
        QVERIFY(!lsf::stateFromLsf(u"run"));
        QVERIFY(!isFinished(*lsf::stateFromLsf(u"UNKWN")));
    }

    void times()
    {
        QCOMPARE(lsf::parseTime(u"Apr 12 18:10:00 2026", Early2018),
                 QDateTime(QDate(2026, 4, 12), QTime(18, 10, 0), QTimeZone::UTC));
        QCOMPARE(lsf::parseTime(u"Jan 10 11:59", Early2018), utc(2018, 1, 10, 11, 59));
        QCOMPARE(lsf::parseTime(u"Feb 29 10:00", Early2018), QDateTime()); // neither 2018 nor 2017 has one
        QVERIFY(!lsf::parseTime(u"", Early2018).isValid());
        QVERIFY(!lsf::parseTime(u"yesterday", Early2018).isValid());
    }

    void queues()
    {
        const auto queues = lsf::parseQueues(recorded("bqueues_wustl.txt"));
        QVERIFY_RESULT(queues);
        QCOMPARE(queues->size(), 15);
        QCOMPARE(queues->front().name, QStringLiteral("datatransfer"));
        QVERIFY(queues->front().available);
        QCOMPARE(queues->at(1).cpusAllocated, 3873);
        QCOMPARE(queues->at(2).name, QStringLiteral("general-interac")); // cut by bqueues without -w
        QVERIFY(!lsf::parseQueues("QUEUE_NAME PRIO STATUS\nnormal 30\n"));
        QVERIFY(!lsf::parseQueues("No such queue\n"));
    }

    void submit()
    {
        const auto reply = lsf::parseSubmitted(recorded("bsub.txt"), {});
        QVERIFY_RESULT(reply);
        QCOMPARE(reply->jobId, QStringLiteral("542935"));
        QVERIFY(reply->warnings.isEmpty());
        QVERIFY(!lsf::parseSubmitted("Request aborted by esub. Job not submitted.\n", {}));
    }

    void commands()
    {
        const LsfScheduler scheduler;
        QCOMPARE(scheduler.submitCommand(QStringLiteral("/home/a/it's.sh"), QStringLiteral("/tmp/x y")),
                 QByteArray("cd '/tmp/x y' && bsub < '/home/a/it'\\''s.sh'"));
        QCOMPARE(scheduler.queueCommand(false), "TZ=UTC bjobs -hms -o '" + lsf::jobFields() + "' -json");
        QVERIFY(scheduler.queueCommand(true).endsWith(" -json -u all"));
        QCOMPARE(scheduler.controlCommand(JobControl::Hold, QStringLiteral("123[4]")), QByteArray("bstop '123[4]'"));
        QCOMPARE(scheduler.controlCommand(JobControl::Release, QStringLiteral("123")), QByteArray("bresume 123"));
        QCOMPARE(scheduler.controlCommand(JobControl::Cancel, QStringLiteral("1 2")), QByteArray("bkill '1 2'"));
        QVERIFY(scheduler.detailsCommand(QStringLiteral("$(id)")).endsWith(" -json '$(id)'"));
        QVERIFY(scheduler.historyCommand({}, {QStringLiteral("5")}).endsWith(" -json -a 5"));
        QCOMPARE(scheduler.partitionsCommand(), QByteArray("bqueues -w"));
        // Every field asked for is one recorded.
        const QByteArray recordedKeys = recorded("bjobs_o_json_done_dkfz.json");
        for (const QByteArray &name : lsf::detailFields().split(' '))
            QVERIFY2(recordedKeys.contains(QByteArray('"' + name.toUpper() + "\":")), name.constData());
        for (const QByteArray &name : lsf::jobFields().split(' '))
            QVERIFY2(lsf::detailFields().split(' ').contains(name), name.constData());
    }
};

QTEST_GUILESS_MAIN(TestLsfParsers)
#include "tst_lsfparsers.moc"
