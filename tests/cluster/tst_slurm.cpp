// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The Slurm back end against the demo cluster's real Slurm (with slurmdbd for accounting): jobs
// are submitted, run, leave output and accounting, and can be held, released and cancelled.

#include "DemoClusterSupport.h"
#include "ScriptedInteraction.h"
#include "TestSupport.h"
#include "app/schedulers/SchedulerClient.h"
#include "sshcore/ShellQuote.h"
#include "sshcore/SshConnection.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using sshcore::SshConnection;
using sshcore::SshConnectionState;
using testsupport::await;

class TestSlurm : public QObject
{
    Q_OBJECT

private:
    sshcore::CommandResult run(const QByteArray &commandLine)
    {
        return testsupport::runCommand(*m_client, commandLine);
    }

    // Writes a script into the test's folder and returns its path.
    QString writeScript(const QString &name, const QString &text)
    {
        const QString path = m_folder + u'/' + name;
        const auto result = run("printf '%s' " + sshcore::ShellQuote::quote(text.toUtf8()) + " > "
                                + sshcore::ShellQuote::quote(path.toUtf8()));
        return result.exitStatus == 0 ? path : QString();
    }

    std::optional<app::Job> queued(const QString &id)
    {
        const auto jobs = await<QList<app::Job>>(
            [&](QObject *context, auto done) { m_client->queue(false, context, done); });
        if (!jobs)
            return std::nullopt;
        for (const app::Job &job : *jobs) {
            if (job.id == id)
                return job;
        }
        return std::nullopt;
    }

    std::optional<app::JobAccounting> finished(const QString &id, int seconds = 120)
    {
        return testsupport::finishedRecord(*m_client, id, seconds * 1000, 1000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const auto cluster = app::DemoCluster::load(app::DemoCluster::defaultFilePath());
        QVERIFY_RESULT(cluster);
        m_connection = testsupport::connectAs(*cluster, u"alice"_s, &m_interaction);
        QVERIFY2(m_connection->state() == SshConnectionState::Connected, qPrintable(m_connection->stateMessage()));
        m_client = std::make_unique<app::SchedulerClient>(m_connection.get(),
                                                          app::Scheduler::create(app::Profile::Scheduler::Slurm));
        m_folder = u"/home/alice/tst-slurm-%1"_s.arg(QRandomGenerator::global()->generate());
        QCOMPARE(run("mkdir -p " + sshcore::ShellQuote::quote(m_folder.toUtf8())).exitStatus, 0);
    }

    void cleanupTestCase()
    {
        if (m_client && !m_folder.isEmpty())
            run("rm -rf " + sshcore::ShellQuote::quote(m_folder.toUtf8()));
    }

    void resources()
    {
        const auto resources = await<app::ClusterResources>(
            [&](QObject *context, auto done) { m_client->resources(context, done); });
        QVERIFY_RESULT(resources);
        QVERIFY(resources->partition(u"cpu"_s));
        QVERIFY(resources->partition(u"cpu"_s)->isDefault);
        QCOMPARE(resources->partition(u"gpu"_s)->gpuTotal(), 2);
        // sinfo's typed Gres ("gpu:h100:2") gives the type the job-script and Jupyter forms offer.
        QCOMPARE(resources->gpuTypes(), QStringList{u"h100"_s});
        QVERIFY(resources->partition(u"cpu"_s)->maxTimeSeconds.has_value());
        QVERIFY2(resources->modules.contains(u"gcc/14"_s), qPrintable(resources->modules.join(u' ')));
    }

    // A CPU job runs, its output arrives, and sacct's efficiency figures are plausible.
    void cpuJob()
    {
        const QString script = writeScript(u"cpu job.sh"_s, u"#!/bin/bash\n"
                                                            "#SBATCH --job-name=\"cpu job\"\n"
                                                            "#SBATCH --time=5 --cpus-per-task=2 --mem=300M\n"
                                                            "#SBATCH --output=%x-%j.out\n"
                                                            "python3 -c \"import time\n"
                                                            "x = bytearray(150 * 1024 * 1024)\n"
                                                            "while time.process_time() < 3: pass\"\n"
                                                            "echo \"done $SLURM_JOB_ID\"\n"_s);
        QVERIFY(!script.isEmpty());
        const auto reply = await<app::SubmitReply>(
            [&](QObject *context, auto done) { m_client->submit(script, m_folder, context, done); });
        QVERIFY_RESULT(reply);
        QVERIFY2(reply->jobId.toInt() > 0, qPrintable(reply->jobId));
        const auto record = finished(reply->jobId);
        QVERIFY(record);
        QCOMPARE(record->state, app::JobState::Completed);
        QCOMPARE(record->name, u"cpu job"_s);
        QCOMPARE(record->allocatedCpus, 2);
        QVERIFY(*record->elapsedSeconds >= 3);
        // It spun until it had used 3 s of CPU time, however busy the machine (a wall-clock spin gets
        // a share of a loaded machine that no bound holds); one thread on two CPUs: at most half.
        QVERIFY2(record->cpuSeconds && *record->cpuSeconds >= 2.9 && *record->cpuSeconds < 4.5,
                 qPrintable(QString::number(record->cpuSeconds.value_or(-1))));
        QVERIFY2(*record->cpuEfficiency() > 0 && *record->cpuEfficiency() <= 0.55,
                 qPrintable(QString::number(*record->cpuEfficiency())));
        QVERIFY(record->maxRssBytes.has_value());
        QVERIFY2(*record->memoryEfficiency() > 0.3 && *record->memoryEfficiency() < 1.0,
                 qPrintable(QString::number(*record->memoryEfficiency())));
        const auto output = run(
            "cat " + sshcore::ShellQuote::quote((m_folder + u"/cpu job-"_s + reply->jobId + u".out"_s).toUtf8()));
        QCOMPARE(output.standardOutput, "done " + reply->jobId.toUtf8() + '\n');
        QVERIFY(!queued(reply->jobId)); // gone from the queue
    }

    void arrayJob()
    {
        const QString script = writeScript(u"array.sh"_s,
                                           u"#!/bin/sh\n#SBATCH --array=1-3 -t 2\n"
                                           "#SBATCH -o array-%A_%a.out\n"
                                           "echo \"task $SLURM_ARRAY_TASK_ID of $SLURM_ARRAY_JOB_ID\"\n"_s);
        const auto reply = await<app::SubmitReply>(
            [&](QObject *context, auto done) { m_client->submit(script, m_folder, context, done); });
        QVERIFY_RESULT(reply);
        for (int task = 1; task <= 3; ++task) {
            const QString id = reply->jobId + u'_' + QString::number(task);
            const auto record = finished(id);
            QVERIFY2(record, qPrintable(id));
            QCOMPARE(record->state, app::JobState::Completed);
            const auto output = run(
                "cat "
                + sshcore::ShellQuote::quote((m_folder + u"/array-%1_%2.out"_s.arg(reply->jobId).arg(task)).toUtf8()));
            QCOMPARE(output.standardOutput, u"task %1 of %2\n"_s.arg(task).arg(reply->jobId).toUtf8());
        }
    }

    void holdReleaseCancel()
    {
        // Eligible only in an hour: it stays pending while it is held and released.
        const QString script = writeScript(u"later.sh"_s, u"#!/bin/sh\n#SBATCH --begin=now+3600 -t 5\nsleep 120\n"_s);
        const auto reply = await<app::SubmitReply>(
            [&](QObject *context, auto done) { m_client->submit(script, m_folder, context, done); });
        QVERIFY_RESULT(reply);
        const QString id = reply->jobId;
        auto job = queued(id);
        QVERIFY(job);
        QCOMPARE(job->state, app::JobState::Pending);

        const auto details = await<app::JobDetails>(
            [&](QObject *context, auto done) { m_client->details(id, context, done); });
        QVERIFY_RESULT(details);
        QCOMPARE(details->job.standardOutput, m_folder + u"/slurm-"_s + id + u".out"_s);
        QCOMPARE(details->job.workDirectory, m_folder);

        QVERIFY_RESULT(await<void>(
            [&](QObject *context, auto done) { m_client->control(app::JobControl::Hold, id, context, done); }));
        job = queued(id);
        QVERIFY(job);
        QCOMPARE(job->state, app::JobState::Held);
        QVERIFY2(job->reason.contains(u"JobHeldUser"), qPrintable(job->reason));
        QVERIFY_RESULT(await<void>(
            [&](QObject *context, auto done) { m_client->control(app::JobControl::Release, id, context, done); }));
        job = queued(id);
        QVERIFY(job);
        QCOMPARE(job->state, app::JobState::Pending);
        QVERIFY_RESULT(await<void>(
            [&](QObject *context, auto done) { m_client->control(app::JobControl::Cancel, id, context, done); }));
        const auto record = finished(id);
        QVERIFY(record);
        QCOMPARE(record->state, app::JobState::Cancelled);
        // Releasing a cancelled job: Slurm's own words, without its prefix.
        const auto again = await<void>(
            [&](QObject *context, auto done) { m_client->control(app::JobControl::Release, id, context, done); });
        QVERIFY(!again);
        QVERIFY2(!again.error().message.isEmpty() && !again.error().message.contains(u"error:"),
                 qPrintable(again.error().message));
    }

    void invalidPartitionGivesSlurmsMessage()
    {
        const QString script = writeScript(u"bad.sh"_s, u"#!/bin/sh\n#SBATCH -p nosuch\ntrue\n"_s);
        const auto reply = await<app::SubmitReply>(
            [&](QObject *context, auto done) { m_client->submit(script, m_folder, context, done); });
        QVERIFY(!reply);
        QVERIFY2(reply.error().message.contains(u"Invalid partition name specified"),
                 qPrintable(reply.error().message));
    }

    void testOnlyGivesAnEstimate()
    {
        const QString script = writeScript(u"estimate.sh"_s, u"#!/bin/sh\n#SBATCH -t 5 -c 1\ntrue\n"_s);
        const auto estimate = await<app::StartEstimate>(
            [&](QObject *context, auto done) { m_client->testSubmit(script, m_folder, context, done); });
        QVERIFY_RESULT(estimate);
        QCOMPARE(estimate->partition, u"cpu"_s);
        QVERIFY(estimate->start.isValid());
    }

private:
    ScriptedInteraction m_interaction;
    std::unique_ptr<SshConnection> m_connection;
    std::unique_ptr<app::SchedulerClient> m_client;
    QString m_folder;
};

QTEST_GUILESS_MAIN(TestSlurm)
#include "tst_slurm.moc"
