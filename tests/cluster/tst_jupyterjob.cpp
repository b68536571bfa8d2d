// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The Jupyter job on the demo cluster's real Slurm, as alice: the generated script starts classic
// Notebook 6 on the node with a socket the launcher bound itself; the server's own info file names
// the node and the real port; the token works (200) and is needed (403); it is on no command line and
// in no scheduler output; the server stops cleanly (info file removed) when the job is cancelled and
// when Slurm's time-limit warning arrives. Jobs that cannot start say why: JupyterLab missing, a venv
// without Jupyter, an unknown module.
#include "DemoClusterSupport.h"
#include "ScriptedInteraction.h"
#include "TestSupport.h"
#include "app/jupyter/JupyterDiagnosis.h"
#include "app/jupyter/JupyterScript.h"
#include "app/jupyter/JupyterServerInfo.h"
#include "app/schedulers/SchedulerClient.h"
#include "sshcore/ShellQuote.h"
#include "sshcore/SshConnection.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using Cause = app::JupyterDiagnosis::Cause;
using sshcore::ShellQuote;
using testsupport::await;

namespace {

QByteArray quoted(const QString &text)
{
    return ShellQuote::quote(text.toUtf8());
}

} // namespace

class TestJupyterJob : public QObject
{
    Q_OBJECT

private:
    struct Started
    {
        app::JupyterLayout layout;
        QString jobId;
    };

    sshcore::CommandResult run(const QByteArray &commandLine)
    {
        return testsupport::runCommand(*m_client, commandLine);
    }

    app::JupyterSettings baseSettings() const
    {
        app::JupyterSettings settings;
        settings.partition = u"cpu"_s;
        settings.timeLimit = u"00:05:00"_s;
        settings.cpus = 1;
        settings.environment.kind = app::JupyterEnvironment::Kind::Modules;
        settings.environment.modules = {u"jupyter/2.15"_s};
        settings.interface = app::JupyterSettings::Interface::Notebook;
        return settings;
    }

    // Writes the script into a fresh private session folder and submits it.
    std::optional<Started> submit(const app::JupyterSettings &settings)
    {
        const app::JupyterLayout layout{m_home, QUuid::createUuid().toString(QUuid::WithoutBraces)};
        const auto script = app::jupyterScript(settings, app::Profile::Scheduler::Slurm, layout);
        if (!script) {
            qWarning("%s", qPrintable(script.error().message));
            return std::nullopt;
        }
        m_roots.append(layout.root());
        if (run("umask 077 && mkdir -p " + quoted(layout.root()) + " && printf '%s' " + quoted(*script) + " > "
                + quoted(layout.scriptPath()))
                .exitStatus
            != 0)
            return std::nullopt;
        const auto reply = await<app::SubmitReply>(
            [&](QObject *context, auto done) { m_client->submit(layout.scriptPath(), layout.root(), context, done); });
        if (!reply) {
            qWarning("%s", qPrintable(reply.error().message));
            return std::nullopt;
        }
        return Started{layout, reply->jobId};
    }

    // The info file's name once the server has written it; empty if the job ended first or 60 s passed.
    QString waitForInfoFile(const Started &job)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 60000) {
            const QByteArray listing = run("ls -1 " + quoted(job.layout.runtimeDir())
                                           + " 2>/dev/null; echo --; squeue -h -j " + quoted(job.jobId) + " -o %T")
                                           .standardOutput;
            const QList<QByteArray> parts = listing.split('\n');
            for (const QByteArray &name : parts) {
                if (app::isJupyterServerInfoFile(QString::fromUtf8(name)))
                    return QString::fromUtf8(name);
            }
            if (listing.endsWith("--\n")) // nothing queued: the job has ended
                return {};
            QTest::qWait(200);
        }
        return {};
    }

    std::optional<app::JobAccounting> finished(const QString &id)
    {
        return testsupport::finishedRecord(*m_client, id, 90000, 200);
    }

    QByteArray output(const Started &job) { return run("cat " + quoted(job.layout.outputPath())).standardOutput; }

    // A running server: where it is, checked from the login node, and that its token stays private.
    void checkRunningServer(const Started &job, const QString &infoName)
    {
        const QString infoPath = job.layout.runtimeDir() + u'/' + infoName;
        const auto info = app::parseJupyterServerInfo(run("cat " + quoted(infoPath)).standardOutput);
        QVERIFY_RESULT(info);
        QCOMPARE(info->host, u"demo-cluster"_s); // the node's name, as the login node resolves it
        QVERIFY(info->port > 0);
        QVERIFY(info->token.size() >= 32);
        QCOMPARE(info->baseUrl, u"/"_s);
        QVERIFY(info->pid > 0);
        QVERIFY(infoName.contains(QString::number(info->pid)));
        const QByteArray token = info->token.toUtf8();

        // Before anything here could have put it anywhere: on no command line, in no scheduler output.
        const QList<QByteArray> commands{"ps -eo args", "squeue -o %all -j " + quoted(job.jobId),
                                         "scontrol show job " + quoted(job.jobId),
                                         "cat " + quoted(job.layout.outputPath()),
                                         "cat " + quoted(job.layout.scriptPath())};
        for (const QByteArray &command : commands) {
            const auto result = run(command);
            QCOMPARE(result.exitStatus, 0);
            QVERIFY2(!result.standardOutput.isEmpty(), command.constData());
            QVERIFY2(!result.standardOutput.contains(token), command.constData());
        }
        const QByteArray jobOutput = output(job);
        QVERIFY2(jobOutput.contains(
                     QByteArray("clusterdesk-jupyter: bound demo-cluster:" + QByteArray::number(info->port) + " (")),
                 jobOutput.constData());
        QVERIFY2(jobOutput.contains(
                     QByteArray("clusterdesk-jupyter: server ready: pid " + QByteArray::number(info->pid))),
                 jobOutput.constData());
        QVERIFY(jobOutput.contains("clusterdesk-jupyter: starting Jupyter Notebook (classic)"));
        QCOMPARE(run("stat -c %a " + quoted(job.layout.runtimeDir()) + " " + quoted(infoPath)).standardOutput,
                 "700\n600\n");

        // From the login node; the client reads the token from the info file, not from its arguments.
        // Then a kernel: it must not inherit the token (the demo's node is the login machine, so the
        // kernel's environment can be read here).
        const QByteArray client =
            "import glob, json, sys, time, urllib.request, urllib.error\n"
            "info = json.load(open(sys.argv[1]))\n"
            "base = 'http://%s:%d%s' % (info['hostname'], info['port'], info['base_url'])\n"
            "auth = {'Authorization': 'token ' + info['token']}\n"
            "for headers in (auth, {}):\n"
            "    try:\n"
            "        print(urllib.request.urlopen(urllib.request.Request(base + 'api/status', "
            "headers=headers)).status)\n"
            "    except urllib.error.HTTPError as error:\n"
            "        print(error.code)\n"
            "request = urllib.request.Request(base + 'api/kernels', data=b'{}', method='POST',\n"
            "                                 headers=dict(auth, **{'Content-Type': 'application/json'}))\n"
            "kernel = json.load(urllib.request.urlopen(request))['id']\n"
            "environ = None\n"
            "for attempt in range(100):\n"
            "    for path in glob.glob('/proc/[0-9]*/cmdline'):\n"
            "        try:\n"
            "            if kernel.encode() in open(path, 'rb').read():\n"
            "                environ = open(path[:-7] + 'environ', 'rb').read()\n"
            "        except OSError:\n"
            "            pass\n"
            "    if environ is not None:\n"
            "        break\n"
            "    time.sleep(0.1)\n"
            "print('kernel environment has the token:', environ is None or info['token'].encode() in environ)\n"
            "request = urllib.request.Request(base + 'api/kernels/' + kernel, method='DELETE', headers=auth)\n"
            "print(urllib.request.urlopen(request).status)\n";
        const auto http = run("python3 -c " + ShellQuote::quote(client) + " " + quoted(infoPath));
        QCOMPARE(http.exitStatus, 0);
        QCOMPARE(http.standardOutput, "200\n403\nkernel environment has the token: False\n204\n");
    }

    // After the server should have stopped: its info file is gone and the job has ended.
    std::optional<app::JobAccounting> checkStoppedCleanly(const Started &job, const QString &infoName)
    {
        const auto record = finished(job.jobId);
        if (!record)
            return std::nullopt;
        const auto listing = run("ls -1 " + quoted(job.layout.runtimeDir()));
        if (listing.standardOutput.contains(infoName.toUtf8())) {
            qWarning("the info file is still there: %s", listing.standardOutput.constData());
            return std::nullopt;
        }
        return record;
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
        m_home = QString::fromUtf8(run("printf %s \"$HOME\"").standardOutput);
        QCOMPARE(m_home, u"/home/alice"_s);
    }

    void cleanupTestCase()
    {
        if (!m_client)
            return;
        for (const QString &root : std::as_const(m_roots))
            run("rm -rf " + quoted(root));
        if (!m_venv.isEmpty())
            run("rm -rf " + quoted(m_venv));
    }

    void serverStopsWhenCancelled()
    {
        const auto job = submit(baseSettings());
        QVERIFY(job);
        const QString infoName = waitForInfoFile(*job);
        QVERIFY2(!infoName.isEmpty(), output(*job).constData());
        QVERIFY(infoName.startsWith(u"nbserver-"_s)); // classic Notebook 6.4.13
        checkRunningServer(*job, infoName);
        if (QTest::currentTestFailed())
            run("scancel " + quoted(job->jobId));

        QCOMPARE(run("scancel " + quoted(job->jobId)).exitStatus, 0);
        const auto record = checkStoppedCleanly(*job, infoName);
        QVERIFY(record);
        QCOMPARE(record->state, app::JobState::Cancelled);
        const QByteArray jobOutput = output(*job);
        QVERIFY2(jobOutput.contains("clusterdesk-jupyter: stopping: the job was asked to stop (SIGTERM)"),
                 jobOutput.constData());
        QCOMPARE(app::diagnoseJupyterEnd(jobOutput, record).cause, Cause::Cancelled);
    }

    // What Slurm sends 2 minutes before the limit (--signal=B:USR1@120), sent now.
    void serverStopsOnTimeLimitWarning()
    {
        const auto job = submit(baseSettings());
        QVERIFY(job);
        const QString infoName = waitForInfoFile(*job);
        QVERIFY2(!infoName.isEmpty(), output(*job).constData());
        QCOMPARE(run("scancel --batch --signal=USR1 " + quoted(job->jobId)).exitStatus, 0);
        const auto record = checkStoppedCleanly(*job, infoName);
        if (!record)
            run("scancel " + quoted(job->jobId));
        QVERIFY(record);
        const QByteArray jobOutput = output(*job);
        QVERIFY2(jobOutput.contains(
                     "clusterdesk-jupyter: time-limit: the job's time limit is near; stopping the server\n"),
                 jobOutput.constData());
        QVERIFY2(jobOutput.contains("clusterdesk-jupyter: server stopped (exit status 0)\n"), jobOutput.constData());
        QCOMPARE(record->state, app::JobState::Completed);
        QCOMPARE(app::diagnoseJupyterEnd(jobOutput, record).cause, Cause::TimeLimit);
    }

    // Jobs that cannot start a server end on their own and say why, from the real job.out.
    void failuresAreDiagnosed()
    {
        app::JupyterSettings lab = baseSettings();
        lab.interface = app::JupyterSettings::Interface::Lab;

        m_venv = u"/home/alice/tst-novenv-%1"_s.arg(QRandomGenerator::global()->generate());
        QCOMPARE(run("python3 -m venv --without-pip " + quoted(m_venv)).exitStatus, 0);
        app::JupyterSettings venv = baseSettings();
        venv.environment.kind = app::JupyterEnvironment::Kind::Venv;
        venv.environment.modules.clear();
        venv.environment.venv = m_venv;

        app::JupyterSettings unknown = baseSettings();
        unknown.environment.modules = {u"nosuch"_s, u"jupyter/2.15"_s};

        const QList<std::pair<app::JupyterSettings, Cause>> cases{{lab, Cause::LabMissing},
                                                                  {venv, Cause::JupyterMissing},
                                                                  {unknown, Cause::ModuleUnknown}};
        QList<Started> jobs;
        for (const auto &[settings, cause] : cases) {
            const auto job = submit(settings);
            QVERIFY(job);
            jobs.append(*job);
        }
        for (qsizetype i = 0; i < jobs.size(); ++i) {
            const auto record = finished(jobs[i].jobId);
            QVERIFY(record);
            QCOMPARE(record->state, app::JobState::Failed);
            const QByteArray jobOutput = output(jobs[i]);
            const auto diagnosis = app::diagnoseJupyterEnd(jobOutput, record);
            QVERIFY2(diagnosis.cause == cases[i].second, jobOutput.constData());
            QVERIFY(!diagnosis.message.isEmpty());
            if (cases[i].second == Cause::ModuleUnknown) { // Lmod's own words, and the module named
                QVERIFY2(jobOutput.contains("The following module(s) are unknown"), jobOutput.constData());
                QVERIFY2(diagnosis.message.contains(u"\"nosuch\""_s), qPrintable(diagnosis.message));
            }
        }
    }

private:
    ScriptedInteraction m_interaction;
    std::unique_ptr<sshcore::SshConnection> m_connection;
    std::unique_ptr<app::SchedulerClient> m_client;
    QString m_home;
    QString m_venv;
    QStringList m_roots;
};

QTEST_GUILESS_MAIN(TestJupyterJob)
#include "tst_jupyterjob.moc"
