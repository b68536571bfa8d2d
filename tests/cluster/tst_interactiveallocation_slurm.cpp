// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The Slurm interactive allocation command against the demo's real Slurm, without clusterdesk's
// PTY (which has its own test): the command runs under script(1) on the login node, which gives it
// a terminal, and what that terminal shows is fed to an InteractiveAllocation. The allocation
// starts, squeue lists it, and end() leaves squeue without it.

#include "DemoClusterSupport.h"
#include "ScriptedInteraction.h"
#include "TestSupport.h"
#include "app/schedulers/SchedulerClient.h"
#include "app/terminal/InteractiveAllocation.h"
#include "sshcore/ShellQuote.h"
#include "sshcore/SshConnection.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using sshcore::ShellQuote;

class TestInteractiveAllocationSlurm : public QObject
{
    Q_OBJECT

private:
    sshcore::CommandResult run(const QByteArray &commandLine)
    {
        return testsupport::runCommand(*m_client, commandLine);
    }

    QByteArray ourJobs()
    {
        // squeue keeps ended jobs (CANCELLED) for a while: only those that still hold or wait for resources.
        return run("squeue --noheader --user=\"$(id -un)\" --name=clusterdesk-terminal "
                   "--states=PENDING,CONFIGURING,RUNNING,COMPLETING,SUSPENDED --format=%i")
            .standardOutput.trimmed();
    }

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
        m_typescript = u"/home/alice/tst-alloc-%1.typescript"_s.arg(QRandomGenerator::global()->generate());
    }

    void cleanupTestCase()
    {
        if (m_client) {
            run("squeue --noheader --user=\"$(id -un)\" --name=clusterdesk-terminal --format=%i | xargs -r scancel");
            run("rm -f " + ShellQuote::quote(m_typescript.toUtf8()) + ' '
                + ShellQuote::quote((m_typescript + u".out"_s).toUtf8()));
        }
    }

    void allocateAndEnd()
    {
        app::InteractiveRequest request;
        request.partition = u"gpu"_s;
        request.timeLimit = u"00:05:00"_s;
        request.memory = u"100M"_s;
        request.gpus = u"1"_s;
        const auto command = m_client->scheduler()->interactiveCommand(request);
        QVERIFY_RESULT(command);
        // script gives the command a terminal; its standard input stays open (sleep) so that the
        // shell on the node waits, as it would for a person.
        const QByteArray path = ShellQuote::quote(m_typescript.toUtf8());
        const QByteArray line = "sleep 300 | script -qfc " + ShellQuote::quote(*command) + ' ' + path;
        // Detached from the channel (all three streams), so that the command that starts it returns.
        const auto started = run("sh -c " + ShellQuote::quote(line) + " < /dev/null > " + path + ".out 2>&1 &");
        QCOMPARE(started.exitStatus, 0);

        app::InteractiveAllocation allocation(m_client.get(), u"demo"_s);
        allocation.setPollInterval(std::chrono::seconds(2));
        QByteArray seen;
        QVERIFY(QTest::qWaitFor(
            [&] {
                const QByteArray now = run("cat " + path).standardOutput;
                if (now.size() > seen.size()) {
                    allocation.feed(QByteArrayView(now).sliced(seen.size()));
                    seen = now;
                }
                return allocation.state() == app::InteractiveAllocation::State::Running;
            },
            60000));
        QVERIFY(!allocation.jobId().isEmpty());
        // From salloc's "Nodes ... are ready" line, or from squeue's next poll when that line came in a
        // later read than "Granted" (it then belongs to the shell's output).
        QTRY_COMPARE_WITH_TIMEOUT(allocation.node(), u"node01"_s, 10000);
        QCOMPARE(ourJobs(), allocation.jobId().toUtf8());
        // squeue's time left gives the end time (5 minutes from the start, give or take a poll).
        QVERIFY(QTest::qWaitFor([&] { return allocation.endTime().isValid(); }, 10000));
        QVERIFY2(*allocation.secondsLeft() > 200 && *allocation.secondsLeft() <= 300,
                 qPrintable(QString::number(*allocation.secondsLeft())));

        allocation.end();
        QVERIFY(
            QTest::qWaitFor([&] { return allocation.state() == app::InteractiveAllocation::State::Ended; }, 120000));
        QVERIFY2(ourJobs().isEmpty(), qPrintable(allocation.message() + u" / "_s
                                                 + QString::fromUtf8(run("squeue; cat " + path).standardOutput)));
    }

private:
    ScriptedInteraction m_interaction;
    std::unique_ptr<sshcore::SshConnection> m_connection;
    std::unique_ptr<app::SchedulerClient> m_client;
    QString m_typescript;
};

QTEST_GUILESS_MAIN(TestInteractiveAllocationSlurm)
#include "tst_interactiveallocation_slurm.moc"
