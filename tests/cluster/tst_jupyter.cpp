// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Jupyter on a compute node of the demo cluster, through real Slurm, the demo's jupyter/2.15 module
// and Debian's Jupyter (classic Notebook 6): the app's own JupyterSession submits the job, follows it,
// reads the server's info file over SFTP and opens the tunnel. The test then talks to Jupyter through
// that tunnel with and without the token, has a real headless Chromium open the URL (screenshot),
// checks that the token shows in no process list or job record on the cluster, kills the login
// node's sshd serving the connection (the same URL answers again), attaches a second connection the
// way a restarted app does, and stops the server. The same through the bastion as a jump host, and
// for bob, whose second factor is asked once. An environment without Jupyter ends with the
// diagnosis and the job's output.

#include "DemoClusterSupport.h"
#include "DemoConnection.h"
#include "ScriptedInteraction.h"
#include "TestSupport.h"
#include "app/clusters/ClusterListModel.h"
#include "app/connections/ClusterConnection.h"
#include "app/jupyter/JupyterManager.h"
#include "app/jupyter/JupyterSession.h"
#include "app/schedulers/SchedulerClient.h"
#include "sshcore/SshCommand.h"
#include "sshcore/SshConnection.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using app::JupyterSession;
using State = app::JupyterSession::State;
using sshcore::SshConnectionState;

namespace {

// GET through the tunnel; the HTTP status (0 when nothing answered).
int httpGet(const QUrl &url, const QByteArray &token = {})
{
    QNetworkAccessManager network;
    QNetworkRequest request(url);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "token " + token);
    request.setTransferTimeout(20000);
    std::unique_ptr<QNetworkReply> reply(network.get(request));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!finished.wait(30000))
        return 0;
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

QUrl withPath(QUrl url, const QString &path)
{
    url.setQuery(QString());
    url.setPath(path);
    return url;
}

QByteArray tokenOf(const QUrl &url)
{
    return QUrlQuery(url).queryItemValue(u"token"_s, QUrl::FullyDecoded).toUtf8();
}

} // namespace

class tst_Jupyter : public QObject
{
    Q_OBJECT

    app::DemoCluster m_cluster;
    ScriptedInteraction m_interaction;
    QTemporaryDir m_dir;
    std::unique_ptr<sshcore::SshConnection> m_oracle; // the test's own view of the cluster

    QByteArray oracle(const QByteArray &command)
    {
        const auto result = testsupport::runAndWait(*m_oracle, {"sh", "-c", command});
        return result ? result->standardOutput : "<failed: " + result.error().message.toUtf8() + '>';
    }

    std::unique_ptr<app::ClusterConnection> connect(const QString &name)
    {
        auto connection = testsupport::openDemoConnection(m_cluster, m_dir.filePath(name + u"_ssh_config"_s),
                                                          &m_interaction, true);
        return connection;
    }

    static app::JupyterSettings notebook()
    {
        app::JupyterSettings settings;
        settings.timeLimit = u"00:30:00"_s;
        settings.cpus = 1;
        settings.memory = u"500M"_s;
        settings.environment.kind = app::JupyterEnvironment::Kind::Modules;
        settings.environment.modules = {u"jupyter/2.15"_s};
        settings.interface = app::JupyterSettings::Interface::Notebook;
        return settings;
    }

    static void fast(JupyterSession *session) { session->setPollIntervals(500ms, 200ms, 2000ms); }

private Q_SLOTS:
    void initTestCase()
    {
        const auto cluster = app::DemoCluster::load(app::DemoCluster::defaultFilePath());
        QVERIFY_RESULT(cluster);
        m_cluster = *cluster;
        m_oracle = testsupport::connectAs(m_cluster, u"alice"_s, &m_interaction);
        QVERIFY2(m_oracle->state() == SshConnectionState::Connected, qPrintable(m_oracle->stateMessage()));
    }

    void readyThroughTheTunnelAndBack()
    {
        auto connection = connect(u"first"_s);
        QVERIFY2(connection->schedulerClient()->isReady(), qPrintable(connection->message()));
        JupyterSession *session = connection->jupyter()->start(notebook());
        fast(session);
        QTRY_VERIFY2_WITH_TIMEOUT(session->state() == State::Ready || session->state() == State::Ended,
                                  qPrintable(session->stateText()), 120000);
        QVERIFY2(session->state() == State::Ready,
                 qPrintable(session->stateText() + u"\n"_s + QString::fromUtf8(session->outputTail())));
        const QUrl url = session->url();
        const QByteArray token = tokenOf(url);
        QVERIFY2(token.size() >= 32, token.constData());
        QCOMPARE(url.host(), u"127.0.0.1"_s);

        // Jupyter itself, through the tunnel: with the token and without.
        QCOMPARE(httpGet(withPath(url, u"/api/status"_s), token), 200);
        QCOMPARE(httpGet(withPath(url, u"/api/contents"_s), token), 200);
        QCOMPARE(httpGet(withPath(url, u"/api/contents"_s)), 403);

        // A real browser opens the URL (look at the screenshot).
        const QString chromium = QStandardPaths::findExecutable(u"chromium"_s);
        QVERIFY2(!chromium.isEmpty(), "chromium is not installed (packaging/env/build.packages lists it)");
        const QString shot = QStringLiteral(CLUSTERDESK_SCREENSHOT_DIR) + u"/jupyter-in-chromium.png"_s;
        QDir().mkpath(QFileInfo(shot).path());
        QFile::remove(shot);
        QProcess browser;
        browser.start(chromium, {u"--headless"_s, u"--no-sandbox"_s, u"--disable-gpu"_s, u"--hide-scrollbars"_s,
                                 u"--user-data-dir="_s + m_dir.filePath(u"chromium"_s), u"--window-size=1280,800"_s,
                                 // Until the page's own requests (the file list) have been answered too:
                                 // through the tunnel they take longer in the sanitized build.
                                 u"--virtual-time-budget=15000"_s, u"--screenshot="_s + shot, url.toString()});
        // Waited for with the event loop running: the tunnel serves the browser from this thread.
        const bool browserDone = QTest::qWaitFor([&] { return browser.state() == QProcess::NotRunning; }, 60000);
        if (!browserDone)
            browser.kill();
        QVERIFY2(browserDone, qPrintable(QString::fromUtf8(browser.readAllStandardError().right(2000))));
        // A page with Jupyter's file list, not a blank or an error page (those are a few KiB).
        QVERIFY2(QFileInfo(shot).size() > 10000,
                 qPrintable(u"screenshot of %1 bytes; chromium said: "_s.arg(QFileInfo(shot).size())
                            + QString::fromUtf8(browser.readAllStandardError().right(3000))));

        // The token is on no command line and in no job record on the cluster.
        const QByteArray everywhere = oracle("ps -eo args; squeue -o %all; scontrol show job "
                                             + session->jobId().toUtf8() + "; sacct -P -o all -j "
                                             + session->jobId().toUtf8() + " 2>/dev/null");
        QVERIFY(everywhere.contains(session->jobId().toUtf8()));
        QVERIFY2(!everywhere.contains(token), "the token shows on the cluster");

        // The link drops (this connection's sshd killed): the same URL answers once it is back.
        QSignalSpy states(connection->ssh(), &sshcore::SshConnection::stateChanged);
        std::unique_ptr<sshcore::SshCommand> kill(connection->ssh()->runShell("kill -9 $PPID; sleep 5"));
        QTRY_VERIFY_WITH_TIMEOUT(testsupport::sawState(states, SshConnectionState::Reconnecting), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(connection->state() == SshConnectionState::Connected, 60000);
        QCOMPARE(session->url(), url);
        QTRY_COMPARE_WITH_TIMEOUT(httpGet(withPath(url, u"/api/status"_s), token), 200, 30000);

        // A second connection finds it, as the app does after a restart, with a tunnel of its own.
        auto again = connect(u"again"_s);
        QVERIFY2(again->schedulerClient()->isReady(), qPrintable(again->message()));
        JupyterSession *found = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((found = [&]() -> JupyterSession * {
                                     for (JupyterSession *s : again->jupyter()->sessions())
                                         if (s->jobId() == session->jobId())
                                             return s;
                                     return nullptr;
                                 }()),
                                 30000);
        fast(found);
        QTRY_VERIFY2_WITH_TIMEOUT(found->state() == State::Ready, qPrintable(found->stateText()), 60000);
        QCOMPARE(tokenOf(found->url()), token);
        QVERIFY(found->url().port() != url.port());
        QCOMPARE(httpGet(withPath(found->url(), u"/api/status"_s), token), 200);
        again.reset();

        // Stop: the job is cancelled, the session ends saying so, and the tunnel's port is closed.
        session->stop();
        QTRY_VERIFY2_WITH_TIMEOUT(session->state() == State::Ended, qPrintable(session->stateText()), 60000);
        QCOMPARE(session->diagnosis().cause, app::JupyterDiagnosis::Cause::Cancelled);
        QTcpSocket probe;
        probe.connectToHost(u"127.0.0.1"_s, quint16(url.port()));
        QVERIFY(!probe.waitForConnected(2000));
        QTRY_VERIFY_WITH_TIMEOUT(
            oracle("squeue -h -j " + session->jobId().toUtf8() + " 2>/dev/null").trimmed().isEmpty(), 30000);
    }

    // Starts a server on connection, reaches /api/status through its tunnel, and stops it.
    void reachAndStop(app::ClusterConnection &connection)
    {
        JupyterSession *session = connection.jupyter()->start(notebook());
        fast(session);
        QTRY_VERIFY2_WITH_TIMEOUT(session->state() == State::Ready || session->state() == State::Ended,
                                  qPrintable(session->stateText()), 120000);
        QVERIFY2(session->state() == State::Ready,
                 qPrintable(session->stateText() + u"\n"_s + QString::fromUtf8(session->outputTail())));
        QCOMPARE(httpGet(withPath(session->url(), u"/api/status"_s), tokenOf(session->url())), 200);
        session->stop();
        QTRY_VERIFY_WITH_TIMEOUT(session->state() == State::Ended, 60000);
    }

    // The login node reached through the bastion as a jump host (ProxyJump from the ssh config): the
    // tunnel goes through both.
    void throughTheBastion()
    {
        const QString config = m_dir.filePath(u"bastion_ssh_config"_s);
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(u"Host demo-bastion\n  HostName %1\n  Port %2\n  User alice\n  IdentityFile %3\n"
                   "  UserKnownHostsFile %4\n  StrictHostKeyChecking yes\n"_s.arg(m_cluster.host)
                       .arg(m_cluster.bastionPort)
                       .arg(m_cluster.user(u"alice"_s)->keyPath, m_cluster.knownHostsPath)
                       .toUtf8());
        file.close();
        app::Profile profile = app::ClusterListModel::demoProfile(m_cluster);
        profile.jumpHosts = {u"demo-bastion"_s};
        app::ClusterConnection connection(profile, config, &m_interaction, nullptr);
        connection.open();
        QTRY_VERIFY2_WITH_TIMEOUT(connection.schedulerClient()->isReady(), qPrintable(connection.message()), 60000);
        reachAndStop(connection);
    }

    // bob logs in with his key and a TOTP code: asked once, for the login, and never again for the
    // job, the SFTP reads or the tunnel.
    void secondFactorAskedOnce()
    {
        app::Profile profile = app::ClusterListModel::demoProfile(m_cluster);
        profile.user = u"bob"_s;
        profile.keyFile = m_cluster.user(u"bob"_s)->keyPath;
        std::unique_ptr<ScriptedInteraction> bob;
        std::unique_ptr<app::ClusterConnection> connection;
        // pam_oath takes each code once and none older than the last: another test may have used
        // this step's codes, so a refused login waits for the next step (its window is two steps).
        for (int attempt = 0; attempt < 3; ++attempt) {
            bob = std::make_unique<ScriptedInteraction>();
            bob->totpSecretHex = m_cluster.user(u"bob"_s)->totpSecretHex;
            bob->totpStepOffset = 2;
            connection = std::make_unique<app::ClusterConnection>(profile, m_dir.filePath(u"first_ssh_config"_s),
                                                                  bob.get(), nullptr);
            connection->open();
            QTRY_VERIFY_WITH_TIMEOUT(connection->schedulerClient()->isReady()
                                         || connection->state() == SshConnectionState::Failed,
                                     60000);
            if (connection->schedulerClient()->isReady())
                break;
            const qint64 step = QDateTime::currentSecsSinceEpoch() / 30;
            QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentSecsSinceEpoch() / 30 > step, 35000);
        }
        QVERIFY2(connection->schedulerClient()->isReady(), qPrintable(connection->message()));
        QCOMPARE(bob->keyboardQuestions.size(), 1);
        reachAndStop(*connection);
        QCOMPARE(bob->keyboardQuestions.size(), 1);
    }

    // clusterdesk-cli jupyter start prints the URL once ready and keeps the tunnel; list and url find
    // it; Ctrl+C with --stop-on-exit cancels the job.
    void commandLine()
    {
        const QString target = u"alice@%1:%2"_s.arg(m_cluster.host).arg(m_cluster.loginPort);
        const QStringList common{u"-i"_s, m_cluster.user(u"alice"_s)->keyPath, u"--known-hosts"_s,
                                 m_cluster.knownHostsPath, u"--batch"_s};
        QProcess start;
        start.start(QStringLiteral(CLUSTERDESK_CLI),
                    common
                        + QStringList{u"jupyter"_s, u"start"_s, target, u"--notebook"_s, u"--time"_s, u"00:10:00"_s,
                                      u"--mem"_s, u"500M"_s, u"--env"_s, u"module:jupyter/2.15"_s,
                                      u"--stop-on-exit"_s});
        QVERIFY(start.waitForStarted());
        QByteArray printed;
        QTRY_VERIFY2_WITH_TIMEOUT((printed += start.readAllStandardOutput()).contains('\n'),
                                  start.readAllStandardError().constData(), 120000);
        const QUrl url(QString::fromUtf8(printed.trimmed()));
        QVERIFY2(url.isValid() && url.host() == u"127.0.0.1"_s, printed.constData());
        QCOMPARE(httpGet(withPath(url, u"/api/status"_s), tokenOf(url)), 200);

        QProcess list;
        list.start(QStringLiteral(CLUSTERDESK_CLI), common + QStringList{u"jupyter"_s, u"list"_s, target});
        QTRY_VERIFY_WITH_TIMEOUT(list.state() == QProcess::NotRunning, 60000);
        const QByteArray listed = list.readAllStandardOutput();
        QCOMPARE(list.exitCode(), 0);
        const QString job = QString::fromUtf8(listed.split(' ').value(0));
        QVERIFY2(!job.isEmpty() && listed.contains("Notebook"), listed.constData());

        QProcess again;
        again.start(QStringLiteral(CLUSTERDESK_CLI), common + QStringList{u"jupyter"_s, u"url"_s, target, job});
        QByteArray second;
        QTRY_VERIFY_WITH_TIMEOUT((second += again.readAllStandardOutput()).contains('\n'), 60000);
        const QUrl secondUrl(QString::fromUtf8(second.trimmed()));
        QCOMPARE(tokenOf(secondUrl), tokenOf(url));
        QCOMPARE(httpGet(withPath(secondUrl, u"/api/status"_s), tokenOf(secondUrl)), 200);
        again.terminate(); // its tunnel closes; the job goes on
        QTRY_VERIFY_WITH_TIMEOUT(again.state() == QProcess::NotRunning, 30000);
        QCOMPARE(again.exitCode(), 0);
        QCOMPARE(httpGet(withPath(url, u"/api/status"_s), tokenOf(url)), 200);

        start.terminate(); // Ctrl+C's signal's twin: --stop-on-exit cancels the job
        QTRY_VERIFY_WITH_TIMEOUT(start.state() == QProcess::NotRunning, 60000);
        QCOMPARE(start.exitCode(), 0);
        QVERIFY(start.readAllStandardError().contains("was cancelled"));
        QTRY_VERIFY_WITH_TIMEOUT(oracle("squeue -h -j " + job.toUtf8() + " 2>/dev/null").trimmed().isEmpty(), 30000);
    }

    // A Python environment without Jupyter: the job ends, and the session says why with its output.
    void environmentWithoutJupyter()
    {
        QVERIFY(oracle("rm -rf ~/novenv && python3 -m venv --without-pip ~/novenv && echo made").contains("made"));
        auto connection = connect(u"novenv"_s);
        QVERIFY2(connection->schedulerClient()->isReady(), qPrintable(connection->message()));
        app::JupyterSettings settings = notebook();
        settings.environment.kind = app::JupyterEnvironment::Kind::Venv;
        settings.environment.modules.clear();
        settings.environment.venv = QString::fromUtf8(oracle("echo $HOME/novenv").trimmed());
        JupyterSession *session = connection->jupyter()->start(settings);
        fast(session);
        QTRY_VERIFY2_WITH_TIMEOUT(session->state() == State::Ended, qPrintable(session->stateText()), 120000);
        QCOMPARE(session->diagnosis().cause, app::JupyterDiagnosis::Cause::JupyterMissing);
        QVERIFY2(!session->outputTail().isEmpty(), "no output shown");
        QVERIFY(session->url().isEmpty());
    }

    // Nothing left running on the cluster, whatever failed above.
    // The folder of a server that ended over a month ago goes when servers are next looked for; a
    // recent one stays (its output may still be read).
    void oldFoldersAreRemoved()
    {
        auto connection = connect(u"tidy"_s);
        QVERIFY2(connection->schedulerClient()->isReady(), qPrintable(connection->message()));
        const QString home = QString::fromUtf8(oracle("printf %s \"$HOME\""));
        const auto plant = [&](const QString &id, const QDateTime &submitted) {
            app::JupyterSession::Record record{id, u"999999"_s, home, notebook(), submitted};
            const QByteArray json = QJsonDocument(record.toJson()).toJson(QJsonDocument::Compact);
            return oracle("mkdir -p ~/.clusterdesk/jupyter/" + id.toUtf8() + " && printf %s '" + json
                          + "' > ~/.clusterdesk/jupyter/" + id.toUtf8() + "/session.json && echo planted");
        };
        QVERIFY(plant(u"old-0000"_s, QDateTime::currentDateTimeUtc().addDays(-40)).contains("planted"));
        QVERIFY(plant(u"new-0000"_s, QDateTime::currentDateTimeUtc().addDays(-2)).contains("planted"));
        bool done = false;
        app::findJupyterServers(connection->ssh(), connection->schedulerClient(), this,
                                [&](const QList<app::JupyterSession::Record> &alive) {
                                    done = true;
                                    for (const auto &record : alive)
                                        QVERIFY(record.jobId != u"999999"_s);
                                });
        QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(oracle("ls ~/.clusterdesk/jupyter | grep -c -- '-0000$'").trimmed(), QByteArray("1"),
                                  10000);
        QCOMPARE(oracle("ls -d ~/.clusterdesk/jupyter/new-0000 >/dev/null && echo kept").trimmed(), QByteArray("kept"));
        oracle("rm -rf ~/.clusterdesk/jupyter/new-0000");
    }

    void cleanupTestCase() { oracle("rm -rf ~/novenv; scancel -u $(id -un) 2>/dev/null; true"); }
};

QTEST_GUILESS_MAIN(tst_Jupyter)
#include "tst_jupyter.moc"
