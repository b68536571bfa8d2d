// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The Jobs area's live parts against the demo cluster's real Slurm: JobMonitor follows a job from
// the queue to its end in accounting, and OutputFollower follows its output file as it is written
// (in order, in pieces), reads large files in capped steps, starts over when a file is truncated,
// and says why when a file cannot be read.

#include "DemoClusterSupport.h"
#include "ScriptedInteraction.h"
#include "TestSupport.h"
#include "app/jobs/JobListModel.h"
#include "app/jobs/JobMonitor.h"
#include "app/jobs/OutputFollower.h"
#include "app/schedulers/SchedulerClient.h"
#include "sshcore/ShellQuote.h"
#include "sshcore/SshConnection.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using app::JobListModel;
using app::JobState;
using sshcore::ShellQuote;
using testsupport::await;

class TestJobMonitor : public QObject
{
    Q_OBJECT

private:
    sshcore::CommandResult run(const QByteArray &commandLine)
    {
        return testsupport::runCommand(*m_client, commandLine);
    }

    QByteArray path(const QString &name) const { return ShellQuote::quote((m_folder + u'/' + name).toUtf8()); }

private Q_SLOTS:
    void initTestCase()
    {
        const auto cluster = app::DemoCluster::load(app::DemoCluster::defaultFilePath());
        QVERIFY_RESULT(cluster);
        m_connection = testsupport::connectAs(*cluster, u"alice"_s, &m_interaction);
        QVERIFY2(m_connection->state() == sshcore::SshConnectionState::Connected,
                 qPrintable(m_connection->stateMessage()));
        m_client = std::make_unique<app::SchedulerClient>(m_connection.get(),
                                                          app::Scheduler::create(app::Profile::Scheduler::Slurm));
        m_folder = u"/home/alice/tst-jobmonitor-%1"_s.arg(QRandomGenerator::global()->generate());
        QCOMPARE(run("mkdir -p " + ShellQuote::quote(m_folder.toUtf8())).exitStatus, 0);
    }

    void cleanupTestCase()
    {
        if (m_client && !m_folder.isEmpty())
            run("rm -rf " + ShellQuote::quote(m_folder.toUtf8()));
    }

    // A job that prints a line a second: the monitor sees it queued, then gone, then Completed
    // from accounting; the follower gets its lines in order, in several pieces.
    void jobFromQueueToAccounting()
    {
        const QByteArray script = "#!/bin/sh\n#SBATCH -J 'follow me' -t 2 -o out-%j.txt\n"
                                  "for i in 1 2 3 4 5 6; do echo \"line $i\"; sleep 1; done\n";
        QCOMPARE(run("printf '%s' " + ShellQuote::quote(script) + " > " + path(u"follow.sh"_s)).exitStatus, 0);
        const auto reply = await<app::SubmitReply>([&](QObject *context, auto done) {
            m_client->submit(m_folder + u"/follow.sh"_s, m_folder, context, done);
        });
        QVERIFY_RESULT(reply);
        const QString id = reply->jobId;

        JobListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        app::JobMonitor monitor(m_client.get(), &model);
        monitor.setInterval(500ms);
        QSignalSpy busy(&monitor, &app::JobMonitor::busyChanged);
        QSignalSpy failed(&monitor, &app::JobMonitor::failed);
        // What the list said about the job at each refresh.
        QSet<JobState> listedStates;
        bool sawVanished = false;
        connect(&monitor, &app::JobMonitor::refreshed, this, [&] {
            if (const app::JobRow *row = model.row(id)) {
                if (row->phase == app::JobRow::Phase::Listed)
                    listedStates.insert(row->job.state);
                sawVanished = sawVanished || row->phase == app::JobRow::Phase::Vanished;
            }
        });

        app::OutputFollower follower(m_client.get());
        follower.setInterval(300ms);
        follower.setPath(m_folder + u"/out-"_s + id + u".txt"_s);
        QByteArray received;
        int pieces = 0;
        connect(&follower, &app::OutputFollower::appended, this, [&](const QByteArray &bytes) {
            received += bytes;
            ++pieces;
        });

        monitor.start();
        follower.start();
        QVERIFY(monitor.isActive());
        QTRY_VERIFY_WITH_TIMEOUT(model.job(id), 30000);
        QCOMPARE(model.indexOf(id, JobListModel::NameColumn).data().toString(), u"follow me"_s);

        QTRY_VERIFY_WITH_TIMEOUT(model.indexOf(id).data(JobListModel::FinishedRole).toBool(), 120000);
        QVERIFY2(listedStates.contains(JobState::Running) || listedStates.contains(JobState::Pending),
                 qPrintable(QString::number(listedStates.size())));
        QVERIFY(sawVanished); // it left the queue before accounting said how it ended
        QCOMPARE(model.indexOf(id, JobListModel::StateColumn).data().toString(), u"Completed"_s);
        QCOMPARE(model.indexOf(id).data(JobListModel::StateRole).toInt(), int(JobState::Completed));
        QVERIFY(model.job(id)->elapsedSeconds.value_or(0) >= 5);
        QVERIFY(model.indexOf(id, JobListModel::StateColumn).data(Qt::ToolTipRole).toString().contains(u"0:0"));
        QVERIFY(model.vanishedJobs().isEmpty());
        QVERIFY(failed.isEmpty());
        QVERIFY(!busy.isEmpty());

        const QByteArray expected = "line 1\nline 2\nline 3\nline 4\nline 5\nline 6\n";
        QTRY_COMPARE_WITH_TIMEOUT(received, expected, 10000);
        QCOMPARE(follower.text(), expected);
        QVERIFY2(pieces >= 2, qPrintable(QString::number(pieces))); // followed as it grew, not read once at the end
        monitor.stop();
        follower.stop();
        QVERIFY(!monitor.isActive());
        QTRY_VERIFY(!monitor.isBusy());
    }

    // Refreshes asked for during a listing make one more listing, not several at once.
    void refreshesDuringAListingAreFolded()
    {
        JobListModel model;
        app::JobMonitor monitor(m_client.get(), &model);
        monitor.setInterval(1h);
        QSignalSpy refreshed(&monitor, &app::JobMonitor::refreshed);
        monitor.refresh();
        QVERIFY(monitor.isBusy());
        monitor.refresh();
        monitor.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(refreshed.size(), 2, 30000);
        // Idle: no third listing is under way, and the next is an hour away.
        QTRY_VERIFY_WITH_TIMEOUT(!monitor.isBusy(), 30000);
        QCOMPARE(refreshed.size(), 2);

        monitor.setAllUsers(true);
        QVERIFY(monitor.allUsers());
        QTRY_COMPARE_WITH_TIMEOUT(refreshed.size(), 3, 30000);
    }

    // A query that cannot be made shows the jobs as Unknown, not as finished.
    void failedQueryMarksJobsUnknown()
    {
        JobListModel model;
        app::Job job;
        job.id = u"4242"_s;
        job.state = JobState::Running;
        model.setJobs({job});
        app::SchedulerClient unconnected(nullptr, app::Scheduler::create(app::Profile::Scheduler::Slurm));
        app::JobMonitor monitor(&unconnected, &model);
        QSignalSpy failed(&monitor, &app::JobMonitor::failed);
        monitor.refresh();
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY(failed.first().first().toString().contains(u"Not connected"));
        const QModelIndex state = model.indexOf(u"4242"_s, JobListModel::StateColumn);
        QCOMPARE(state.data().toString(), u"Unknown"_s);
        QCOMPARE(state.data(JobListModel::StaleRole).toBool(), true);
        QCOMPARE(state.data(JobListModel::FinishedRole).toBool(), false);
        QVERIFY(state.data(Qt::ToolTipRole).toString().contains(u"Not connected"));
    }

    void missingAndUnreadableFilesAreProblems()
    {
        app::OutputFollower follower(m_client.get());
        QSignalSpy problem(&follower, &app::OutputFollower::problem);
        follower.setPath(m_folder + u"/not there yet.out"_s);
        follower.poll();
        QTRY_COMPARE_WITH_TIMEOUT(problem.size(), 1, 30000);
        const QString message = problem.first().first().toString();
        QVERIFY2(message.contains(u"does not exist yet — the job may not have started"), qPrintable(message));
        QVERIFY(message.contains(u"not there yet.out"));

        QCOMPARE(run("echo secret > " + path(u"locked.out"_s) + " && chmod 000 " + path(u"locked.out"_s)).exitStatus,
                 0);
        follower.setPath(m_folder + u"/locked.out"_s);
        follower.poll();
        QTRY_COMPARE_WITH_TIMEOUT(problem.size(), 2, 30000);
        QVERIFY2(problem.last().first().toString().contains(u"Permission denied"),
                 qPrintable(problem.last().first().toString()));
        QVERIFY(follower.text().isEmpty());
    }

    // A large file is read in steps of at most 1 MiB; only the kept tail stays.
    void largeFileIsReadInCappedSteps()
    {
        QCOMPARE(run("seq 1 400000 > " + path(u"big.out"_s)).exitStatus, 0);
        QByteArray expected;
        for (int i = 1; i <= 400000; ++i)
            expected += QByteArray::number(i) + '\n';
        QVERIFY(expected.size() > 2 * app::OutputFollower::MaxReadBytes);

        app::OutputFollower follower(m_client.get());
        QList<qsizetype> reads;
        connect(&follower, &app::OutputFollower::appended, this,
                [&](const QByteArray &bytes) { reads.append(bytes.size()); });
        follower.setPath(m_folder + u"/big.out"_s);
        follower.poll();
        QTRY_COMPARE_WITH_TIMEOUT(follower.offset(), qint64(expected.size()), 60000);
        QCOMPARE(follower.text(), expected);
        QVERIFY(reads.size() >= 3);
        QVERIFY(std::ranges::all_of(reads, [](qsizetype n) { return n <= app::OutputFollower::MaxReadBytes; }));

        // With a smaller tail kept, a fresh follower starts near the end, at a line.
        app::OutputFollower tail(m_client.get());
        tail.setKeepBytes(100 * 1024);
        tail.setPath(m_folder + u"/big.out"_s);
        tail.poll();
        QTRY_COMPARE_WITH_TIMEOUT(tail.offset(), qint64(expected.size()), 30000);
        QVERIFY(tail.text().size() <= 100 * 1024);
        QVERIFY(expected.endsWith(tail.text()));
    }

    void truncatedFileStartsOver()
    {
        QCOMPARE(run("printf 'first run\\n' > " + path(u"again.out"_s)).exitStatus, 0);
        app::OutputFollower follower(m_client.get());
        QSignalSpy reset(&follower, &app::OutputFollower::reset);
        follower.setPath(m_folder + u"/again.out"_s);
        follower.setInterval(200ms);
        follower.start();
        QTRY_COMPARE_WITH_TIMEOUT(follower.text(), QByteArray("first run\n"), 30000);
        // Requeued: the file is written again from the start, shorter.
        QCOMPARE(run("printf 'new\\n' > " + path(u"again.out"_s)).exitStatus, 0);
        QTRY_COMPARE_WITH_TIMEOUT(follower.text(), QByteArray("new\n"), 30000);
        QCOMPARE(reset.size(), 1);
        // Replaced by another file of the same size.
        QCOMPARE(run("printf 'NEW\\n' > " + path(u"other.out"_s) + " && mv " + path(u"other.out"_s) + ' '
                     + path(u"again.out"_s))
                     .exitStatus,
                 0);
        QTRY_COMPARE_WITH_TIMEOUT(follower.text(), QByteArray("NEW\n"), 30000);
        QCOMPARE(reset.size(), 2);
        follower.stop();
    }

private:
    ScriptedInteraction m_interaction;
    std::unique_ptr<sshcore::SshConnection> m_connection;
    std::unique_ptr<app::SchedulerClient> m_client;
    QString m_folder;
};

QTEST_GUILESS_MAIN(TestJobMonitor)
#include "tst_jobmonitor.moc"
