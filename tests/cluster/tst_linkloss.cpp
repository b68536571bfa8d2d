// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// How a connection notices that the server side of its link is gone, and comes back: the server's
// process killed in the middle of a command, and the link ended while the connection sits idle with
// bytes it has not read yet.

#include "DemoClusterSupport.h"
#include "ScriptedInteraction.h"
#include "TcpRelay.h"
#include "TestSupport.h"
#include "app/demo/DemoCluster.h"
#include "sshcore/SshConnection.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using sshcore::SshConnection;
using sshcore::SshConnectionSettings;
using sshcore::SshConnectionState;
using testsupport::runAndWait;

class tst_LinkLoss : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void reconnectsAfterServerProcessIsKilled();
    void idleLinkWithUnreadDataNoticesTheEnd();

private:
    app::DemoCluster m_cluster;
    ScriptedInteraction m_interaction;
    QTemporaryDir m_dir;
};

void tst_LinkLoss::initTestCase()
{
    const auto cluster = app::DemoCluster::load(app::DemoCluster::defaultFilePath());
    QVERIFY_RESULT(cluster);
    m_cluster = *cluster;
}

void tst_LinkLoss::reconnectsAfterServerProcessIsKilled()
{
    SshConnectionSettings settings = testsupport::demoSettings(m_cluster, u"alice"_s);
    settings.keepAliveIntervalSeconds = 1;
    settings.keepAliveCountMax = 2;
    auto connection = testsupport::connectWith(settings, &m_interaction);
    QVERIFY2(connection->state() == SshConnectionState::Connected, qPrintable(connection->stateMessage()));
    QSignalSpy states(connection.get(), &SshConnection::stateChanged);
    // The shell's parent is the sshd process serving this connection: kill it.
    QVERIFY(
        !runAndWait(*connection, {"sh", "-c", "kill -9 $PPID; sleep 5"})); // the command's channel went down with it
    QTRY_VERIFY_WITH_TIMEOUT(connection->state() == SshConnectionState::Connected && states.size() >= 2, 30000);
    QVERIFY(testsupport::sawState(states, SshConnectionState::Reconnecting));
    const auto back = runAndWait(*connection, {"echo", "back"});
    QVERIFY2(back, testsupport::errorText(back).constData());
    QCOMPARE(back->standardOutput, QByteArray("back\n"));
}

// An idle connection whose socket holds bytes nobody has read yet when the server's side ends: the end
// of stream behind them must be seen at once, not at the next keep-alive (here half a minute away).
void tst_LinkLoss::idleLinkWithUnreadDataNoticesTheEnd()
{
    TcpRelay relay(m_cluster.host, m_cluster.loginPort);
    QVERIFY(relay.listen());
    SshConnectionSettings settings = testsupport::demoSettings(m_cluster, u"alice"_s);
    settings.port = relay.port();
    settings.keepAliveIntervalSeconds = 30;
    settings.knownHostsFiles = {m_dir.filePath(u"relay_known_hosts"_s)}; // the relay's port is a new host
    settings.strictHostKeyChecking = sshcore::StrictHostKeyChecking::Ask;
    ScriptedInteraction person;
    person.hostKeyDecision = ScriptedInteraction::HostKeyDecision::AcceptAndSave;
    auto connection = testsupport::connectWith(settings, &person);
    QVERIFY2(connection->state() == SshConnectionState::Connected, qPrintable(connection->stateMessage()));
    const auto first = runAndWait(*connection, {"sh", "-c", "echo $PPID"});
    QVERIFY2(first, testsupport::errorText(first).constData());
    QSignalSpy states(connection.get(), &SshConnection::stateChanged);
    QTest::qWait(200); // idle
    relay.hangUp("x");
    QTRY_VERIFY_WITH_TIMEOUT(testsupport::sawState(states, SshConnectionState::Reconnecting), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(connection->state() == SshConnectionState::Connected, 30000);
    const auto back = runAndWait(*connection, {"sh", "-c", "echo $PPID"});
    QVERIFY2(back, testsupport::errorText(back).constData());
    QVERIFY(back->standardOutput != first->standardOutput); // a new session on the server
}

QTEST_GUILESS_MAIN(tst_LinkLoss)
#include "tst_linkloss.moc"
