// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// An interactive allocation's notices from end to end: the Slurm allocation command run on a real
// PTY over the demo cluster's login node (SshPty), its output fed to InteractiveAllocation, and
// DesktopNotifier showing the notices on a real notification server (dunst, tests/notify/
// run-with-dunst). The allocation gets one notification: started (with the job and its node),
// replaced by the time-left warning (a two-minute allocation warned at 110 s left), then ended when
// end() cancels it, and the scheduler no longer lists the job.

#include "DemoClusterSupport.h"
#include "DemoConnection.h"
#include "ScriptedInteraction.h"
#include "TestSupport.h"
#include "app/schedulers/Scheduler.h"
#include "app/schedulers/SchedulerClient.h"
#include "app/terminal/InteractiveAllocation.h"
#include "app/terminal/TerminalTarget.h"
#include "notify/DunstSupport.h"
#include "sshcore/SshPty.h"
#include "ui/notify/DesktopNotifier.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace testsupport::dunst;
using State = app::InteractiveAllocation::State;

class TestAllocationNotices : public QObject
{
    Q_OBJECT

    ScriptedInteraction m_interaction;
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariable("CLUSTERDESK_DUNST_LOG").isEmpty(),
                 "run this through tests/notify/run-with-dunst");
        QStandardPaths::setTestModeEnabled(true);
    }

    void startedWarnedThenEnded()
    {
        const auto cluster = app::DemoCluster::load(app::DemoCluster::defaultFilePath());
        QVERIFY_RESULT(cluster);
        auto connection = testsupport::openDemoConnection(*cluster, m_dir.filePath(u"ssh_config"_s), &m_interaction,
                                                          true);
        QVERIFY2(connection->schedulerClient()->isReady(), qPrintable(connection->message()));
        ui::DesktopNotifier notifier;
        app::InteractiveAllocation allocation(connection->schedulerClient(), u"Demo cluster"_s, &notifier);
        allocation.setWarnings({110s}); // a two-minute allocation crosses it soon after it starts
        allocation.setPollInterval(1s);

        app::InteractiveRequest request;
        request.partition = u"cpu"_s;
        request.timeLimit = u"00:02:00"_s;
        request.memory = u"100M"_s;
        const auto command = app::TerminalTarget::allocation(u"Demo cluster"_s, request)
                                 .command(connection->schedulerClient()->scheduler().get());
        QVERIFY_RESULT(command);
        sshcore::PtyOptions options;
        options.command = *command;
        std::unique_ptr<sshcore::SshPty> pty(connection->ssh()->openPty(options));
        connect(pty.get(), &sshcore::SshPty::outputReady, &allocation, [&](const QByteArray &data) {
            allocation.feed(data);
            pty->consumed(data.size());
        });

        QTRY_VERIFY_WITH_TIMEOUT(allocation.state() == State::Running || allocation.state() == State::Refused, 120000);
        QVERIFY2(allocation.state() == State::Running, qPrintable(allocation.message()));
        const QString jobId = allocation.jobId();
        QTRY_VERIFY_WITH_TIMEOUT(!receivedWith(u"Terminal allocation started"_s).isEmpty(), 10000);
        const Received started = receivedWith(u"Terminal allocation started"_s).constLast();
        QVERIFY2(started.body.contains(jobId), qPrintable(started.body));

        // Its time left crosses the warning: the same notification says so.
        QTRY_VERIFY_WITH_TIMEOUT(!receivedWith(u"Terminal allocation ends soon"_s).isEmpty(), 60000);
        const Received warned = receivedWith(u"Terminal allocation ends soon"_s).constLast();
        QCOMPARE(warned.id, started.id);
        QVERIFY2(warned.body.contains(jobId), qPrintable(warned.body));

        // Ended on purpose (the tab closed): cancelled with the scheduler, checked, and said.
        allocation.end();
        QTRY_VERIFY_WITH_TIMEOUT(allocation.state() == State::Ended, 120000);
        QTRY_VERIFY_WITH_TIMEOUT(!receivedWith(u"Terminal allocation ended"_s).isEmpty(), 10000);
        QVERIFY(receivedWith(u"Terminal allocation ended"_s).constLast().body.contains(jobId));
        const auto listed = testsupport::runAndWait(*connection->ssh(),
                                                    {"squeue", "-h", "-j", jobId.toUtf8(), "-t", "PD,R,CG"});
        QVERIFY_RESULT(listed);
        QVERIFY2(listed->standardOutput.trimmed().isEmpty(), listed->standardOutput.constData());
        pty.reset();
        dunstctl({u"close-all"_s});
    }
};

QTEST_MAIN(TestAllocationNotices)
#include "tst_allocationnotices.moc"
