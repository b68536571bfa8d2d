// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Interactive allocations and terminal targets without a cluster: the allocation commands of the
// four schedulers (hostile values quoted), the parsers on recorded terminal output, and the
// command lines of terminal tabs.

#include "app/schedulers/Scheduler.h"
#include "app/terminal/TerminalTarget.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using app::AllocationProgress;
using Phase = app::AllocationProgress::Phase;
using Kind = app::Profile::Scheduler;

namespace {

QByteArray data(const QString &path)
{
    QFile file(QStringLiteral(CLUSTERDESK_TEST_DATA "/schedulers/") + path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

app::InteractiveRequest hostile()
{
    app::InteractiveRequest request;
    request.partition = u"gpu'; rm -rf ~; echo '"_s;
    request.timeLimit = u"01:00:00"_s;
    request.memory = u"8G"_s;
    request.gpus = u"2"_s;
    request.account = u"$(touch /tmp/pwned)"_s;
    request.qos = u"a b"_s;
    request.cpus = 4;
    return request;
}

} // namespace

class TestInteractiveAllocation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void commands_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("slurm") << int(Kind::Slurm)
                               << QByteArray("salloc --job-name=clusterdesk-terminal --partition='gpu'\\''; rm -rf ~; "
                                             "echo '\\''' --time=01:00:00 --cpus-per-task=4 --mem=8G --gpus=2 "
                                             "--account='$(touch /tmp/pwned)' --qos='a b' srun --pty \"$SHELL\" -l");
        QTest::newRow("pbs") << int(Kind::Pbs)
                             << QByteArray(
                                    "qsub -I -N clusterdesk-terminal -l select=1:ncpus=4:mem=8gb:ngpus=2 -l "
                                    "walltime=01:00:00 -q 'gpu'\\''; rm -rf ~; echo '\\''' -A '$(touch /tmp/pwned)'");
        QTest::newRow("lsf") << int(Kind::Lsf)
                             << QByteArray(
                                    "bsub -Is -J clusterdesk-terminal -n 4 -q 'gpu'\\''; rm -rf ~; echo '\\''' -W "
                                    "1:00 -R 'rusage[mem=2GB]' -gpu num=2 -P '$(touch /tmp/pwned)' \"$SHELL\" -l");
        QTest::newRow("gridengine") << int(Kind::GridEngine)
                                    << QByteArray("qrsh -now no -N clusterdesk-terminal -pe smp 4 -l h_rt=01:00:00 -l "
                                                  "h_vmem=2G -l gpu=2 -q 'gpu'\\''; rm -rf ~; echo '\\''' -A "
                                                  "'$(touch /tmp/pwned)'");
    }

    void commands()
    {
        QFETCH(int, kind);
        QFETCH(QByteArray, expected);
        const auto scheduler = app::Scheduler::create(Kind(kind));
        const auto command = scheduler->interactiveCommand(hostile());
        QVERIFY(command);
        QCOMPARE(*command, expected);

        app::InteractiveRequest bad;
        bad.timeLimit = u"soon"_s;
        QVERIFY(!scheduler->interactiveCommand(bad));
    }

    void parse_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("phase");
        QTest::addColumn<QString>("jobId");
        QTest::addColumn<QString>("node");
        QTest::addColumn<QString>("message");
        const auto row = [](const char *name, Kind kind, const QString &file, Phase phase, const QString &id,
                            const QString &node, const QString &message) {
            QTest::newRow(name) << int(kind) << file << int(phase) << id << node << message;
        };
        const QString s = u"slurm/24.11-demo/salloc/"_s;
        row("slurm granted", Kind::Slurm, s + u"granted.pty"_s, Phase::Started, u"1"_s, u"node01"_s, {});
        row("slurm queued", Kind::Slurm, s + u"queued.pty"_s, Phase::Started, u"3"_s, u"node01"_s, {});
        row("slurm cancelled while queued", Kind::Slurm, s + u"queued-cancelled.pty"_s, Phase::Ended, u"5"_s, {},
            u"The job was cancelled."_s);
        row("slurm refused", Kind::Slurm, s + u"invalid-partition.pty"_s, Phase::Refused, {}, {},
            u"invalid partition specified: no such"_s);
        row("pbs ready", Kind::Pbs, u"pbspro/qsub_I_ready_metacentrum.txt"_s, Phase::Started,
            u"11681412.meta-pbs.metacentrum.cz"_s, {}, {});
        row("pbs completed", Kind::Pbs, u"pbspro/qsub_I_completed_metacentrum.txt"_s, Phase::Ended,
            u"11681412.meta-pbs.metacentrum.cz"_s, {}, u"The job ended."_s);
        row("pbs refused", Kind::Pbs, u"pbspro/qsub_I_unknown_queue_miyabi.txt"_s, Phase::Refused, {}, {},
            u"Unknown queue"_s);
        row("lsf started", Kind::Lsf, u"lsf/bsub_Is_triton.txt"_s, Phase::Started, u"50274"_s, u"n003.triton.edu"_s,
            {});
        row("lsf refused", Kind::Lsf, u"lsf/bsub_not_submitted.txt"_s, Phase::Refused, {}, {},
            u"-J: No matching job found."_s);
        row("sge started", Kind::GridEngine, u"sge/qlogin_builtin_parallelcluster.txt"_s, Phase::Started, u"2"_s,
            u"ip-10-0-2-196.eu-west-1.compute.internal"_s, {});
        row("sge refused", Kind::GridEngine, u"sge/qsub_unknown_queue.txt"_s, Phase::Refused, {}, {},
            u"Job was rejected because job requests unknown queue \"default\"."_s);
    }

    void parse()
    {
        QFETCH(int, kind);
        QFETCH(QString, file);
        QFETCH(int, phase);
        QFETCH(QString, jobId);
        QFETCH(QString, node);
        QFETCH(QString, message);
        const auto scheduler = app::Scheduler::create(Kind(kind));
        const QByteArray output = data(file);
        const AllocationProgress progress = scheduler->parseAllocation(output);
        QCOMPARE(int(progress.phase), phase);
        QCOMPARE(progress.jobId, jobId);
        QCOMPARE(progress.node, node);
        QCOMPARE(progress.message, message);
        // Fed byte by byte, no prefix claims more than the whole: a partial line never gives a job id
        // that the rest of the line would change.
        for (qsizetype n = 0; n <= output.size(); ++n) {
            const AllocationProgress part = scheduler->parseAllocation(QByteArrayView(output).first(n));
            if (!part.jobId.isEmpty())
                QVERIFY2(jobId.startsWith(part.jobId) && part.jobId == jobId, qPrintable(part.jobId));
        }
    }

    void slurmPhasesInOrder()
    {
        const auto slurm = app::Scheduler::create(Kind::Slurm);
        const QByteArray output = data(u"slurm/24.11-demo/salloc/queued.pty"_s);
        const qsizetype granted = output.indexOf("salloc: Granted");
        QCOMPARE(slurm->parseAllocation(output.first(granted)).phase, Phase::Queued);
        QCOMPARE(slurm->parseAllocation(output.first(granted)).jobId, u"3"_s);
        QCOMPARE(slurm->parseAllocation(QByteArray()).phase, Phase::Submitting);
        // The shell's own output after the start is not salloc's (a user typing "salloc: error: x").
        const QByteArray typed = data(u"slurm/24.11-demo/salloc/granted.pty"_s) + "salloc: error: typed\r\n";
        QCOMPARE(slurm->parseAllocation(typed).phase, Phase::Started);
    }

    void terminalLines()
    {
        QCOMPARE(app::terminalLines("\x1b[?2004h\x1b]0;title\aone\r\ntwo\rthree\n\x07four"),
                 (QStringList{u"one"_s, u"two"_s, u"three"_s}));
    }

    void targets()
    {
        const auto slurm = app::Scheduler::create(Kind::Slurm);
        const auto pbs = app::Scheduler::create(Kind::Pbs);
        auto folder = app::TerminalTarget::inFolder(u"hawk"_s, u"/home/a/it's $(x)"_s);
        QCOMPARE(*folder.command(nullptr), QByteArray("cd -- '/home/a/it'\\''s $(x)' && exec \"$SHELL\" -l"));
        QCOMPARE(folder.title(), u"hawk: it's $(x)"_s);
        QCOMPARE(*app::TerminalTarget::loginNode(u"hawk"_s).command(nullptr), QByteArray("exec \"$SHELL\" -l"));

        auto job = app::TerminalTarget::onJobNode(u"hawk"_s, u"1234"_s, u"node[07-09,11]"_s);
        QCOMPARE(job.node, u"node07"_s);
        QCOMPARE(*job.command(slurm.get()),
                 QByteArray("srun --overlap --jobid=1234 --nodes=1 --ntasks=1 --nodelist=node07 --pty \"$SHELL\" -l"));
        auto pbsJob = app::TerminalTarget::onJobNode(u"hawk"_s, u"1.server"_s, u"-oProxyCommand=x/0*2+n2/0"_s);
        QCOMPARE(*pbsJob.command(pbs.get()), QByteArray("ssh -tt -- -oProxyCommand=x"));
        QVERIFY(!app::TerminalTarget::onJobNode(u"hawk"_s, u"1"_s, {}).command(pbs.get()));
        QCOMPARE(app::TerminalTarget::firstHost(u"8*host1:4*host2"_s), u"host1"_s);
        QCOMPARE(app::TerminalTarget::firstHost(u"a,b"_s), u"a"_s);

        auto login = app::TerminalTarget::inFolder(u"hawk"_s, u"/tmp/x y"_s);
        login.multiplexer = app::TerminalTarget::Multiplexer::Tmux;
        login.session = app::TerminalTarget::sessionName(u"hawk: ~/x.y"_s);
        QVERIFY2(QRegularExpression(u"^clusterdesk-hawk-x-y-[0-9a-f]{8}$"_s).match(login.session).hasMatch(),
                 qPrintable(login.session));
        QVERIFY(login.session != app::TerminalTarget::sessionName(u"hawk: ~/x.y"_s));
        QCOMPARE(*login.command(nullptr), "tmux new-session -A -s " + login.session.toUtf8()
                                              + " 'cd -- '\\''/tmp/x y'\\'' && exec \"$SHELL\" -l'");
        login.multiplexer = app::TerminalTarget::Multiplexer::Screen;
        QCOMPARE(*login.command(nullptr), "screen -D -R -S " + login.session.toUtf8()
                                              + " sh -c 'cd -- '\\''/tmp/x y'\\'' && exec \"$SHELL\" -l'");

        sshcore::CommandResult found;
        found.standardOutput = "/usr/bin/screen\n";
        QCOMPARE(app::TerminalTarget::parseMultiplexers(found), app::TerminalTarget::Multiplexer::Screen);
        found.standardOutput = "/usr/bin/tmux\n/usr/bin/screen\n";
        QCOMPARE(app::TerminalTarget::parseMultiplexers(found), app::TerminalTarget::Multiplexer::Tmux);
        found.standardOutput.clear();
        QCOMPARE(app::TerminalTarget::parseMultiplexers(found), app::TerminalTarget::Multiplexer::None);
    }
};

QTEST_GUILESS_MAIN(TestInteractiveAllocation)
#include "tst_interactiveallocation.moc"
