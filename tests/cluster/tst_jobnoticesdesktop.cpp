// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The Jobs area's notices from end to end: a JobMonitor follows real Slurm jobs on the demo cluster,
// JobNotices watches its list, and DesktopNotifier shows them on a real notification server (dunst,
// tests/notify/run-with-dunst). A job that completes and one that fails each get one notification:
// started, then replaced by how it ended (state, exit code, efficiency); what was in the queue
// before the first listing is not announced.

#include "DemoClusterSupport.h"
#include "ScriptedInteraction.h"
#include "TestSupport.h"
#include "app/jobs/JobListModel.h"
#include "app/jobs/JobMonitor.h"
#include "app/jobs/JobNotices.h"
#include "app/schedulers/SchedulerClient.h"
#include "notify/DunstSupport.h"
#include "sshcore/ShellQuote.h"
#include "sshcore/SshConnection.h"
#include "ui/notify/DesktopNotifier.h"

#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace testsupport::dunst;
using app::JobListModel;
using sshcore::ShellQuote;
using testsupport::await;

class TestJobNoticesDesktop : public QObject
{
    Q_OBJECT

private:
    sshcore::CommandResult run(const QByteArray &commandLine)
    {
        return testsupport::runCommand(*m_client, commandLine);
    }

    QString submit(const QString &name, const QByteArray &script)
    {
        const QString file = m_folder + u'/' + name;
        if (run("printf '%s' " + ShellQuote::quote(script) + " > " + ShellQuote::quote(file.toUtf8())).exitStatus != 0)
            return {};
        const auto reply = await<app::SubmitReply>(
            [&](QObject *context, auto done) { m_client->submit(file, m_folder, context, done); });
        return reply ? reply->jobId : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariable("CLUSTERDESK_DUNST_LOG").isEmpty(),
                 "run this through tests/notify/run-with-dunst");
        QStandardPaths::setTestModeEnabled(true);
        const auto cluster = app::DemoCluster::load(app::DemoCluster::defaultFilePath());
        QVERIFY_RESULT(cluster);
        m_connection = testsupport::connectAs(*cluster, u"alice"_s, &m_interaction);
        QVERIFY2(m_connection->state() == sshcore::SshConnectionState::Connected,
                 qPrintable(m_connection->stateMessage()));
        m_client = std::make_unique<app::SchedulerClient>(m_connection.get(),
                                                          app::Scheduler::create(app::Profile::Scheduler::Slurm));
        m_folder = u"/home/alice/tst-jobnotices-%1"_s.arg(QRandomGenerator::global()->generate());
        QCOMPARE(run("mkdir -p " + ShellQuote::quote(m_folder.toUtf8())).exitStatus, 0);
    }

    void cleanupTestCase()
    {
        if (m_client && !m_folder.isEmpty())
            run("rm -rf " + ShellQuote::quote(m_folder.toUtf8()));
    }

    void startedThenEnded()
    {
        // Running already at the first listing: not announced.
        const QString before = submit(u"before.sh"_s, "#!/bin/sh\n#SBATCH -J 'was there' -t 2\nsleep 20\n");
        QVERIFY(!before.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(run("squeue -h -o %T -j " + before.toUtf8()).standardOutput.trimmed(),
                                  QByteArray("RUNNING"), 30000);

        JobListModel model;
        ui::DesktopNotifier notifier;
        app::JobNotices notices(&model);
        notices.setNotifier(&notifier);
        notices.setCluster(u"Demo cluster"_s);
        app::JobMonitor monitor(m_client.get(), &model);
        monitor.setInterval(500ms);
        monitor.start();
        QTRY_VERIFY_WITH_TIMEOUT(model.job(before), 30000);

        const QString done = submit(u"done.sh"_s, "#!/bin/sh\n#SBATCH -J 'notice me' -t 2 --mem=100M\nsleep 4\n");
        const QString fails = submit(u"fails.sh"_s, "#!/bin/sh\n#SBATCH -J 'notice fail' -t 2\nsleep 4\nexit 3\n");
        QVERIFY(!done.isEmpty() && !fails.isEmpty());
        const QString doneTitle = u"Job %1 (notice me): completed"_s.arg(done);
        const QString failsTitle = u"Job %1 (notice fail): failed"_s.arg(fails);
        QTRY_VERIFY_WITH_TIMEOUT(!receivedWith(doneTitle).isEmpty() && !receivedWith(failsTitle).isEmpty(), 120000);

        // Each job's start was shown, and its end replaced it: the same notification.
        const QList<Received> doneStart = receivedWith(u"Job %1 (notice me) started"_s.arg(done));
        const QList<Received> failsStart = receivedWith(u"Job %1 (notice fail) started"_s.arg(fails));
        QVERIFY(!doneStart.isEmpty() && !failsStart.isEmpty());
        const Received doneEnd = receivedWith(doneTitle).constLast();
        const Received failsEnd = receivedWith(failsTitle).constLast();
        QCOMPARE(doneEnd.id, doneStart.constFirst().id);
        QCOMPARE(failsEnd.id, failsStart.constFirst().id);
        QVERIFY(doneEnd.id != failsEnd.id);
        QVERIFY2(doneEnd.body.startsWith(u"COMPLETED · exit code 0:0"_s), qPrintable(doneEnd.body));
        QVERIFY2(doneEnd.body.contains(u"\nUsed: CPU "_s) && doneEnd.body.contains(u"memory "_s),
                 qPrintable(doneEnd.body));
        QVERIFY2(failsEnd.body.startsWith(u"FAILED · exit code 3:0"_s), qPrintable(failsEnd.body));
        QCOMPARE(count(u"displayed"_s), 2);
        for (const Received &r : received())
            QVERIFY2(!r.summary.contains(u"was there"_s), qPrintable(r.summary));

        monitor.stop();
        run("scancel " + before.toUtf8());
        QTRY_VERIFY(!monitor.isBusy());
        dunstctl({u"close-all"_s});
    }

private:
    ScriptedInteraction m_interaction;
    std::unique_ptr<sshcore::SshConnection> m_connection;
    std::unique_ptr<app::SchedulerClient> m_client;
    QString m_folder;
};

QTEST_MAIN(TestJobNoticesDesktop)
#include "tst_jobnoticesdesktop.moc"
