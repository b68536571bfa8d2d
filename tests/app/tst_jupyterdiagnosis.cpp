// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Why a Jupyter job ended, from real output: the failing steps are run here for real where they can
// be (python3's own ModuleNotFoundError and EADDRINUSE, bash's "command not found", the launcher
// itself); the scheduler's and module systems' lines that need a cluster are recorded samples, each
// with its source beside it (tst_jupyterjob checks Lmod's and the launcher's on the demo cluster).
#include "TestSupport.h"
#include "app/jupyter/JupyterDiagnosis.h"
#include "app/jupyter/JupyterLauncher.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Cause = app::JupyterDiagnosis::Cause;

namespace {

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

// What a program printed (stdout and stderr together, as in job.out).
QByteArray outputOf(const QString &program, const QStringList &arguments, const QProcessEnvironment &environment = {})
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    if (!environment.isEmpty())
        process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForFinished(30000))
        return "did not finish";
    return process.readAll();
}

app::JobAccounting ended(app::JobState state, const QString &exitCode = u"0:0"_s)
{
    app::JobAccounting accounting;
    accounting.id = u"42"_s;
    accounting.state = state;
    accounting.exitCode = exitCode;
    return accounting;
}

} // namespace

class TestJupyterDiagnosis : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pythonWithoutJupyter()
    {
        const QByteArray output = outputOf(u"python3"_s, {u"-c"_s, u"import jupyter_server"_s});
        if (!output.contains("ModuleNotFoundError"))
            QSKIP("this machine's python3 has jupyter_server");
        const auto diagnosis = app::diagnoseJupyterEnd(output, ended(app::JobState::Failed, u"1:0"_s));
        QCOMPARE(diagnosis.cause, Cause::JupyterMissing);
        QVERIFY(diagnosis.message.contains(u"jupyter-server"_s));
        QVERIFY(diagnosis.message.contains(u"Load a module"_s));
    }

    void jupyterCommandNotFound()
    {
        const QByteArray output = outputOf(u"bash"_s, {u"-c"_s, u"jupyter lab"_s});
        if (!output.contains("command not found"))
            QSKIP("this machine has a jupyter command");
        QCOMPARE(app::diagnoseJupyterEnd(output, std::nullopt).cause, Cause::JupyterMissing);
    }

    void pythonWithoutLab()
    {
        const QByteArray output = outputOf(u"python3"_s, {u"-c"_s, u"import jupyterlab"_s});
        if (!output.contains("ModuleNotFoundError"))
            QSKIP("this machine's python3 has jupyterlab");
        QCOMPARE(app::diagnoseJupyterEnd(output, std::nullopt).cause, Cause::LabMissing);
    }

    // The launcher itself, in a python3 that has a jupyter_server package but no jupyterlab.
    void launcherWithoutLab()
    {
        QTemporaryDir folder;
        QVERIFY(QDir(folder.path()).mkpath(u"site/jupyter_server"_s));
        QVERIFY(writeFile(folder.path() + u"/site/jupyter_server/__init__.py"_s, ""));
        QVERIFY(writeFile(folder.path() + u"/launcher.py"_s, app::jupyterLauncherSource().toUtf8()));
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"PYTHONPATH"_s, folder.path() + u"/site"_s);
        environment.insert(u"CLUSTERDESK_JUPYTER_INTERFACE"_s, u"lab"_s);
        environment.insert(u"JUPYTER_CONFIG_DIR"_s, folder.path());
        const QByteArray output = outputOf(u"python3"_s, {folder.path() + u"/launcher.py"_s}, environment);
        QVERIFY2(output.contains("clusterdesk-jupyter: error: lab-missing: JupyterLab is not installed"),
                 output.constData());
        const auto diagnosis = app::diagnoseJupyterEnd(output, ended(app::JobState::Failed, u"3:0"_s));
        QCOMPARE(diagnosis.cause, Cause::LabMissing);
        QVERIFY(diagnosis.message.contains(u"Notebook interface"_s));
    }

    void portInUse()
    {
        // Two sockets on one port: the kernel's own EADDRINUSE, as Python reports it.
        const QByteArray output = outputOf(
            u"python3"_s, {u"-c"_s, u"import socket\na = socket.socket(); a.bind(('127.0.0.1', 0)); a.listen()\n"
                                    "b = socket.socket(); b.bind(a.getsockname())"_s});
        QVERIFY2(output.contains("Address already in use"), output.constData());
        QCOMPARE(app::diagnoseJupyterEnd(output, ended(app::JobState::Failed, u"1:0"_s)).cause, Cause::PortInUse);
        // jupyter_server 2.15's own words when its port is taken (serverapp.py, _find_http_port).
        QCOMPARE(app::diagnoseJupyterEnd("[I 2026-12-06 22:00:00.000 ServerApp] The port 8888 is already in use.\n"
                                         "[C 2026-12-06 22:00:00.001 ServerApp] ERROR: the Jupyter server could not "
                                         "be started because port 8888 is not available.\n",
                                         std::nullopt)
                     .cause,
                 Cause::PortInUse);
    }

    void unknownModule()
    {
        // Lmod 8.7 (Debian 13's lmod, the demo cluster's), `module load nosuch`: the same text
        // tst_jupyterjob gets from the cluster itself.
        const QByteArray lmod = "Lmod has detected the following error:  The following module(s) are unknown:\n"
                                "\"nosuch\"\n";
        const QByteArray lmodOneLine = "Lmod has detected the following error: The following module(s) are unknown: "
                                       "\"nosuch/1.0\"\n";
        auto diagnosis = app::diagnoseJupyterEnd(lmodOneLine, std::nullopt);
        QCOMPARE(diagnosis.cause, Cause::ModuleUnknown);
        QVERIFY2(diagnosis.message.contains(u"\"nosuch/1.0\""_s), qPrintable(diagnosis.message));
        QCOMPARE(app::diagnoseJupyterEnd(lmod, std::nullopt).cause, Cause::ModuleUnknown);
        // Environment Modules 4/5 (Tcl), modulecmd's error for a missing module.
        diagnosis = app::diagnoseJupyterEnd("ERROR: Unable to locate a modulefile for 'python/9.9'\n", std::nullopt);
        QCOMPARE(diagnosis.cause, Cause::ModuleUnknown);
        QVERIFY(diagnosis.message.contains(u"python/9.9"_s));
        // The job's own marker, whatever the module system said.
        diagnosis = app::diagnoseJupyterEnd(
            "clusterdesk-jupyter: error: module-load: could not load the module my mod's\n", std::nullopt);
        QCOMPARE(diagnosis.cause, Cause::ModuleUnknown);
        QVERIFY(diagnosis.message.contains(u"my mod's"_s));
    }

    void outOfMemory()
    {
        // Slurm 22.05+ (slurmstepd, task/cgroup), as printed in a public job log:
        // "/var/spool/slurmd/job18835145/slurm_script: line 46: ... Killed ... python3 Experiments.py"
        // followed by this line (found with the code search; the same text is in Harvard FASRC's and
        // other sites' user documentation).
        const QByteArray slurm = "/var/spool/slurmd/job18835145/slurm_script: line 46: 2113061 Killed"
                                 "                  python3 Experiments.py\n"
                                 "slurmstepd: error: Detected 1 oom_kill event in StepId=18835145.batch. Some of the "
                                 "step tasks have been OOM Killed.\n";
        QCOMPARE(app::diagnoseJupyterEnd(slurm, std::nullopt).cause, Cause::OutOfMemory);
        // Older Slurm (NeSI's support page "What does oom-kill mean?"):
        QCOMPARE(app::diagnoseJupyterEnd(
                     "slurmstepd: error: Detected 1 oom-kill event(s) in step 370626.batch cgroup\n", std::nullopt)
                     .cause,
                 Cause::OutOfMemory);
        // Accounting alone (sacct State OUT_OF_MEMORY), with nothing in the output.
        const auto diagnosis = app::diagnoseJupyterEnd("", ended(app::JobState::OutOfMemory, u"0:125"_s));
        QCOMPARE(diagnosis.cause, Cause::OutOfMemory);
        QVERIFY(diagnosis.message.contains(u"more memory"_s));
    }

    void timeLimitAndCancelled()
    {
        const QByteArray warned = "clusterdesk-jupyter: server ready: pid 77, info file jpserver-77.json\n"
                                  "clusterdesk-jupyter: time-limit: the job's time limit is near; stopping the server\n"
                                  "clusterdesk-jupyter: server stopped (exit status 0)\n";
        QCOMPARE(app::diagnoseJupyterEnd(warned, ended(app::JobState::Completed)).cause, Cause::TimeLimit);
        QCOMPARE(app::diagnoseJupyterEnd("", ended(app::JobState::TimedOut)).cause, Cause::TimeLimit);
        // slurmstepd's line when the limit passes (Slurm 24.11's format).
        QCOMPARE(app::diagnoseJupyterEnd("slurmstepd: error: *** JOB 42 ON node01 CANCELLED AT 2026-12-06T22:10:01 DUE "
                                         "TO TIME LIMIT ***\n",
                                         std::nullopt)
                     .cause,
                 Cause::TimeLimit);
        QCOMPARE(app::diagnoseJupyterEnd(
                     "slurmstepd: error: *** JOB 42 ON node01 CANCELLED AT 2026-12-06T22:10:01 ***\n", std::nullopt)
                     .cause,
                 Cause::Cancelled);
        QCOMPARE(app::diagnoseJupyterEnd("", ended(app::JobState::Cancelled, u"0:15"_s)).cause, Cause::Cancelled);
        QCOMPARE(app::diagnoseJupyterEnd("clusterdesk-jupyter: stopping: the job was asked to stop (SIGTERM)\n",
                                         std::nullopt)
                     .cause,
                 Cause::Cancelled);
    }

    void otherAndNone()
    {
        auto diagnosis = app::diagnoseJupyterEnd(
            "clusterdesk-jupyter: error: conda-activate: could not activate the conda environment my env\n"
            "clusterdesk-jupyter: server stopped (exit status 1)\n",
            ended(app::JobState::Failed, u"1:0"_s));
        QCOMPARE(diagnosis.cause, Cause::Other);
        QVERIFY(diagnosis.message.contains(u"conda environment my env"_s));
        diagnosis = app::diagnoseJupyterEnd("Segmentation fault (core dumped)\n",
                                            ended(app::JobState::Failed, u"139:0"_s));
        QCOMPARE(diagnosis.cause, Cause::Other);
        QVERIFY(diagnosis.message.contains(u"Segmentation fault"_s));
        QCOMPARE(app::diagnoseJupyterEnd("clusterdesk-jupyter: server stopped (exit status 0)\n",
                                         ended(app::JobState::Completed))
                     .cause,
                 Cause::None);
        QCOMPARE(app::diagnoseJupyterEnd({}, std::nullopt), app::JupyterDiagnosis());
        // Bytes that are not UTF-8 do no harm.
        QCOMPARE(app::diagnoseJupyterEnd(QByteArray("\xff\xfe\x00oom-kill", 11), std::nullopt).cause,
                 Cause::OutOfMemory);
    }
};

QTEST_GUILESS_MAIN(TestJupyterDiagnosis)
#include "tst_jupyterdiagnosis.moc"
