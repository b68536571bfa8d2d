// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The Monitor's commands against the demo cluster's real Slurm, through its login shell: one
// CompoundCommand per sample holding sstat and scontrol show node (and hostile parts), the usage of
// a job burning two busy loops and of one holding 300 MiB, the partitions' use while they run, and
// the GPU sampling step inside a GPU job.

#include "DemoClusterSupport.h"
#include "ScriptedInteraction.h"
#include "TestSupport.h"
#include "app/schedulers/CompoundCommand.h"
#include "app/schedulers/ResourceUnits.h"
#include "app/schedulers/SchedulerClient.h"
#include "sshcore/ShellQuote.h"
#include "sshcore/SshConnection.h"

#include <QTest>

using namespace Qt::StringLiterals;
using app::CompoundCommand;
using sshcore::CommandResult;
using sshcore::SshConnection;
using sshcore::SshConnectionState;

class TestUsageCommands : public QObject
{
    Q_OBJECT

private:
    CommandResult run(const QByteArray &commandLine) { return testsupport::runCommand(*m_client, commandLine); }

    // The parts' results, or none (with the reason printed).
    std::optional<QList<CommandResult>> runCompound(const CompoundCommand &command, const QByteArray &joined = {})
    {
        const auto parts = command.split(run(joined.isEmpty() ? command.join() : joined));
        if (!parts) {
            qWarning("%s", qPrintable(parts.error().message));
            return std::nullopt;
        }
        return *parts;
    }

    QString submit(const QByteArray &options, const QByteArray &script)
    {
        const CommandResult result = run("sbatch --parsable " + options + " --wrap "
                                         + sshcore::ShellQuote::quote(script));
        const QString id = QString::fromUtf8(result.standardOutput).trimmed();
        if (result.exitStatus == 0 && !id.isEmpty())
            m_jobs.append(id);
        return id;
    }

    bool waitRunning(const QStringList &ids)
    {
        return QTest::qWaitFor(
            [&] {
                const QByteArray out = run("squeue --noheader --states=R --format=%i --jobs="
                                           + sshcore::ShellQuote::quote(ids.join(u',').toUtf8()))
                                           .standardOutput;
                return out.count('\n') == ids.size();
            },
            60000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const auto cluster = app::DemoCluster::load(app::DemoCluster::defaultFilePath());
        QVERIFY_RESULT(cluster);
        m_connection = testsupport::connectAs(*cluster, u"alice"_s, &m_interaction);
        QVERIFY2(m_connection->state() == SshConnectionState::Connected, qPrintable(m_connection->stateMessage()));
        m_scheduler = app::Scheduler::create(app::Profile::Scheduler::Slurm);
        m_client = std::make_unique<app::SchedulerClient>(m_connection.get(),
                                                          app::Scheduler::create(app::Profile::Scheduler::Slurm));
    }

    void cleanupTestCase()
    {
        if (!m_client || m_jobs.isEmpty())
            return;
        QByteArray command = "scancel";
        for (const QString &id : std::as_const(m_jobs))
            command += ' ' + sshcore::ShellQuote::quote(id.toUtf8());
        run(command);
    }

    // Through the login shell: a failing part, a part forging the command's own headers, binary
    // output without a final newline, a part reading standard input, and Slurm's own commands.
    void compoundCommand()
    {
        CompoundCommand command({"printf 'out'; printf 'err\\n' >&2; exit 3",
                                 "printf '%s\\n' '@@ 2 0 4 0' fake '@@ 1 9 0 0'", "printf '\\000\\377\\036no newline'",
                                 "cat; echo \"stdin $?\"", m_scheduler->clusterUseCommand(),
                                 m_scheduler->usageCommand({u"999999"_s})});
        const auto parts = runCompound(command, command.join().replace("@@", command.marker()));
        QVERIFY(parts);
        QCOMPARE(parts->size(), 6);
        QCOMPARE(parts->at(0).exitStatus, 3);
        QCOMPARE(parts->at(0).standardOutput, "out"_ba);
        QCOMPARE(parts->at(0).standardError, "err\n"_ba);
        QCOMPARE(parts->at(1).standardOutput, command.marker() + " 2 0 4 0\nfake\n" + command.marker() + " 1 9 0 0\n");
        QCOMPARE(parts->at(2).standardOutput, QByteArray("\x00\xff\x1eno newline", 13));
        QCOMPARE(parts->at(3).standardOutput, "stdin 0\n"_ba);
        const auto use = m_scheduler->parseClusterUse(parts->at(4));
        QVERIFY_RESULT(use);
        QCOMPARE(use->size(), 2);
        QCOMPARE(use->at(0).partition, u"cpu"_s);
        QVERIFY(use->at(0).cpusTotal() > 0);
        QCOMPARE(use->at(1).gpusTotal(), 2);
        const auto usage = m_scheduler->parseUsage(parts->at(5));
        QVERIFY_RESULT(usage); // an unknown job is absent, not an error
        QVERIFY(usage->isEmpty());
        QVERIFY2(parts->at(5).standardError.contains("999999"), parts->at(5).standardError.constData());
    }

    // Two samples of a job burning two busy loops and of one holding 300 MiB, with the partitions'
    // use, one compound command per sample.
    void runningJobs()
    {
        const QString burn = submit("-J burn -p cpu -n1 -c1 --mem=100M -t 5 -o /dev/null",
                                    "srun --overlap -n1 sh -c 'while :; do :; done' & "
                                    "sh -c 'while :; do :; done' & wait");
        const QString hold = submit("-J 'hold|300, MiB' -p gpu -n1 -c1 --mem=400M --gres=gpu:1 -t 5 -o /dev/null",
                                    "exec python3 -c 'import time; b = b\"x\" * (300 * 1024 * 1024); time.sleep(300)'");
        QVERIFY(!burn.isEmpty() && !hold.isEmpty());
        QVERIFY(waitRunning({burn, hold}));
        const auto sample = [&] {
            return runCompound(
                CompoundCommand({m_scheduler->usageCommand({burn, hold, u"1"_s}), m_scheduler->clusterUseCommand()}));
        };
        std::optional<double> firstCpu;
        QVERIFY(QTest::qWaitFor(
            [&] {
                const auto parts = sample();
                if (!parts)
                    return false;
                const auto usage = m_scheduler->parseUsage(parts->at(0));
                if (!usage)
                    return false;
                for (const app::JobUsage &job : *usage) {
                    if (job.jobId == burn && job.cpuSeconds.value_or(0) > 0)
                        firstCpu = job.cpuSeconds;
                }
                return firstCpu.has_value();
            },
            30000));
        QTest::qWait(5000);
        const auto parts = sample();
        QVERIFY(parts);
        const auto usage = m_scheduler->parseUsage(parts->at(0));
        QVERIFY_RESULT(usage);
        const auto find = [&](const QString &id) {
            const auto it = std::ranges::find(*usage, id, &app::JobUsage::jobId);
            return it == usage->end() ? nullptr : &*it;
        };
        QVERIFY(find(burn) && find(hold));
        QVERIFY2(*find(burn)->cpuSeconds > *firstCpu,
                 qPrintable(u"%1 then %2"_s.arg(*firstCpu).arg(*find(burn)->cpuSeconds)));
        QVERIFY2(*find(hold)->rssBytes > 300 * app::units::MiB, qPrintable(QString::number(*find(hold)->rssBytes)));
        const auto use = m_scheduler->parseClusterUse(parts->at(1));
        QVERIFY_RESULT(use);
        QCOMPARE(use->at(0).cpusAllocated, 2);
        QCOMPARE(use->at(1).gpusAllocated, 1);
        QCOMPARE(use->at(1).memoryAllocatedBytes, 500 * app::units::MiB);

        // The GPU sampling step runs inside the GPU job, with its GPU, at once.
        const CommandResult sampled = run(m_scheduler->gpuSamplingCommand(
            hold, "echo \"gpus=$SLURM_GPUS_ON_NODE job=$SLURM_JOB_ID\"; cat; echo \"stdin $?\""));
        QCOMPARE(sampled.exitStatus, 0);
        QCOMPARE(QString::fromUtf8(sampled.standardOutput), u"gpus=1 job=%1\nstdin 0\n"_s.arg(hold));
    }

private:
    ScriptedInteraction m_interaction;
    std::unique_ptr<SshConnection> m_connection;
    std::unique_ptr<app::Scheduler> m_scheduler;
    std::unique_ptr<app::SchedulerClient> m_client;
    QStringList m_jobs;
};

QTEST_GUILESS_MAIN(TestUsageCommands)
#include "tst_usagecommands.moc"
