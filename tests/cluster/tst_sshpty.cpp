// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Programs on pseudo-terminals on the demo cluster's login node (OpenSSH's sshd): the shell sees the
// terminal type and size asked for, window changes, exec with its exit status, UTF-8 both ways with
// the terminal modes sent (erase is DEL, the line editor knows UTF-8), output flow control against a
// reader that stops consuming, hanging up, keystrokes typed before the program started, a refused
// terminal, and the link dropping under a running shell.

#include "DemoClusterSupport.h"
#include "ScriptedInteraction.h"
#include "TcpRelay.h"
#include "TestSupport.h"
#include "app/demo/DemoCluster.h"
#include "sshcore/SshConnection.h"
#include "sshcore/SshPty.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <ctime>
#include <memory>

using namespace Qt::StringLiterals;
using sshcore::ErrorKind;
using sshcore::PtyOptions;
using sshcore::SshConnection;
using sshcore::SshConnectionState;
using sshcore::SshPty;

namespace {

// What a terminal showed and how it ended; consumes its output as it comes unless told not to.
struct Screen
{
    explicit Screen(SshPty *terminal, bool consumes = true)
        : pty(terminal)
        , consume(consumes)
    {
        QObject::connect(pty, &SshPty::outputReady, pty, [this](const QByteArray &data) {
            output += data;
            received += data.size();
            if (consume)
                pty->consumed(data.size());
        });
        QObject::connect(pty, &SshPty::finished, pty,
                         [this](int status, const QString &signal, const sshcore::Error &why) {
                             ++finishedCount;
                             exitStatus = status;
                             exitSignal = signal;
                             error = why;
                         });
    }

    bool shows(const QByteArray &text) const { return output.contains(text); }

    SshPty *pty;
    bool consume;
    QByteArray output;
    qint64 received = 0;
    int finishedCount = 0;
    int exitStatus = -2;
    QString exitSignal;
    sshcore::Error error;
};

} // namespace

class tst_SshPty : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void shellHasTheTerminalAskedFor();
    void resizeReachesTheProgram();
    void execReportsExitStatus();
    void execKilledBySignal();
    void utf8RoundTripWithTerminalModes();
    void outputWaitsForTheReader();
    void closeHangsUp();
    void deletingHangsUp();
    void inputBeforeStartIsDelivered();
    void refusedTerminalIsReported();
    void droppedLinkEndsTheTerminal();

private:
    bool remoteProcessRuns(const QByteArray &pattern);

    app::DemoCluster m_cluster;
    ScriptedInteraction m_interaction;
    std::unique_ptr<SshConnection> m_connection;
    QTemporaryDir m_dir;
};

void tst_SshPty::initTestCase()
{
    const auto cluster = app::DemoCluster::load(app::DemoCluster::defaultFilePath());
    QVERIFY_RESULT(cluster);
    m_cluster = *cluster;
    m_connection = testsupport::connectAs(m_cluster, u"alice"_s, &m_interaction);
    QVERIFY2(m_connection->state() == SshConnectionState::Connected, qPrintable(m_connection->stateMessage()));
}

void tst_SshPty::cleanupTestCase()
{
    m_connection.reset();
}

// pgrep's pattern is a regular expression that does not match its own command line ("[s]leep").
bool tst_SshPty::remoteProcessRuns(const QByteArray &pattern)
{
    const auto result = testsupport::runAndWait(*m_connection, {"pgrep", "-u", "alice", "-f", pattern});
    return !result || result->exitStatus == 0; // a failed look is not "gone"
}

void tst_SshPty::shellHasTheTerminalAskedFor()
{
    PtyOptions options;
    options.columns = 100;
    options.rows = 30;
    // The login node has no AcceptEnv: the refused variable must not stop the shell.
    options.environment = {{"CLUSTERDESK_TEST_VARIABLE", "set"}};
    std::unique_ptr<SshPty> pty(m_connection->openPty(options));
    Screen screen(pty.get());
    QSignalSpy started(pty.get(), &SshPty::started);
    QVERIFY(started.wait(20000));
    QVERIFY(pty->isStarted());
    pty->write("echo \"T=$TERM\"; tput cols; tput lines; echo \"V=${CLUSTERDESK_TEST_VARIABLE-unset}\"\n");
    QTRY_VERIFY2_WITH_TIMEOUT(screen.shows("V=unset"), screen.output.constData(), 20000);
    QVERIFY2(screen.shows("T=xterm-256color\r\n100\r\n30\r\n"), screen.output.constData());
    QCOMPARE(screen.finishedCount, 0);
    pty->write("exit 7\n");
    QTRY_COMPARE_WITH_TIMEOUT(screen.finishedCount, 1, 20000);
    QCOMPARE(screen.exitStatus, 7);
    QVERIFY2(screen.error.message.isEmpty(), qPrintable(screen.error.message));
    QVERIFY(pty->isFinished());
    QCOMPARE(pty->exitStatus(), 7);
}

void tst_SshPty::resizeReachesTheProgram()
{
    std::unique_ptr<SshPty> pty(m_connection->openPty({}));
    Screen screen(pty.get());
    QSignalSpy started(pty.get(), &SshPty::started);
    QVERIFY(started.wait(20000));
    pty->write("stty size; echo first-done\n");
    QTRY_VERIFY2_WITH_TIMEOUT(screen.shows("\r\nfirst-done"), screen.output.constData(), 20000);
    QVERIFY2(screen.shows("24 80\r\nfirst-done"), screen.output.constData());
    // Several quick ones: the last counts.
    pty->resize(90, 30);
    pty->resize(132, 40);
    pty->write("stty size; tput cols\n");
    QTRY_VERIFY2_WITH_TIMEOUT(screen.shows("40 132\r\n132\r\n"), screen.output.constData(), 20000);
}

void tst_SshPty::execReportsExitStatus()
{
    PtyOptions options;
    options.command = "printf 'a\\tb'; exit 3";
    std::unique_ptr<SshPty> pty(m_connection->openPty(options));
    Screen screen(pty.get());
    QTRY_COMPARE_WITH_TIMEOUT(screen.finishedCount, 1, 20000);
    QVERIFY(pty->isStarted());
    QCOMPARE(screen.output, QByteArray("a\tb"));
    QCOMPARE(screen.exitStatus, 3);
    QVERIFY(screen.exitSignal.isEmpty());
    QVERIFY2(screen.error.message.isEmpty(), qPrintable(screen.error.message));
}

void tst_SshPty::execKilledBySignal()
{
    PtyOptions options;
    options.command = "kill -KILL $$";
    std::unique_ptr<SshPty> pty(m_connection->openPty(options));
    Screen screen(pty.get());
    QTRY_COMPARE_WITH_TIMEOUT(screen.finishedCount, 1, 20000);
    QVERIFY2(screen.error.message.isEmpty(), qPrintable(screen.error.message));
    QCOMPARE(screen.exitSignal, u"KILL"_s);
    QCOMPARE(screen.exitStatus, -1);
}

// The line is edited by the terminal's line discipline: DEL erases (VERASE 127), and erases a whole
// character of several bytes (IUTF8). Without the modes, the result would keep part of "界".
void tst_SshPty::utf8RoundTripWithTerminalModes()
{
    PtyOptions options;
    options.command = "read -r line; printf '<%s>' \"$line\"";
    std::unique_ptr<SshPty> pty(m_connection->openPty(options));
    Screen screen(pty.get());
    pty->write(u"Grüße 世界!"_s.toUtf8() + "\x7f\x7f\n");
    QTRY_COMPARE_WITH_TIMEOUT(screen.finishedCount, 1, 20000);
    QVERIFY2(screen.error.message.isEmpty(), qPrintable(screen.error.message));
    QCOMPARE(screen.exitStatus, 0);
    QVERIFY2(screen.shows(u"<Grüße 世>"_s.toUtf8()), screen.output.constData());
    QVERIFY2(!screen.shows(u"<Grüße 世界"_s.toUtf8()), screen.output.constData());
}

void tst_SshPty::outputWaitsForTheReader()
{
    constexpr qint64 total = 20'000'000; // no newlines: the terminal would make each one two bytes
    PtyOptions options;
    options.command = "head -c 20000000 /dev/zero | tr '\\0' x";
    std::unique_ptr<SshPty> pty(m_connection->openPty(options));
    Screen screen(pty.get(), false);
    QTRY_VERIFY_WITH_TIMEOUT(screen.received >= SshPty::outputWindow(), 20000);
    // The program keeps writing: nothing more may arrive, and nothing may spin meanwhile (the
    // worker's thread waiting for the reader with data in the socket).
    const std::clock_t cpuBefore = std::clock();
    QTest::qWait(1500);
    const double cpuSeconds = double(std::clock() - cpuBefore) / CLOCKS_PER_SEC;
    QVERIFY2(screen.received <= SshPty::outputWindow(), QByteArray::number(screen.received).constData());
    QVERIFY2(cpuSeconds < 0.5, QByteArray::number(cpuSeconds).constData());
    QCOMPARE(screen.finishedCount, 0);
    QVERIFY(screen.output.count('x') == screen.received);

    // Catching up lets the rest through.
    screen.consume = true;
    pty->consumed(screen.received);
    QTRY_COMPARE_WITH_TIMEOUT(screen.finishedCount, 1, 60000);
    QVERIFY2(screen.error.message.isEmpty(), qPrintable(screen.error.message));
    QCOMPARE(screen.exitStatus, 0);
    QCOMPARE(screen.received, total);
}

void tst_SshPty::closeHangsUp()
{
    PtyOptions options;
    options.command = "sleep 4711";
    std::unique_ptr<SshPty> pty(m_connection->openPty(options));
    Screen screen(pty.get());
    QSignalSpy started(pty.get(), &SshPty::started);
    QVERIFY(started.wait(20000));
    QTRY_VERIFY_WITH_TIMEOUT(remoteProcessRuns("[s]leep 4711"), 10000);
    pty->close();
    QTRY_COMPARE_WITH_TIMEOUT(screen.finishedCount, 1, 10000);
    QVERIFY2(screen.error.is(ErrorKind::Cancelled), qPrintable(screen.error.message));
    QVERIFY(!screen.error.message.isEmpty());
    QCOMPARE(screen.exitStatus, -1);
    QTRY_VERIFY_WITH_TIMEOUT(!remoteProcessRuns("[s]leep 4711"), 10000);
    pty->close(); // again: nothing more happens
    QTest::qWait(100);
    QCOMPARE(screen.finishedCount, 1);
}

void tst_SshPty::deletingHangsUp()
{
    PtyOptions options;
    options.command = "sleep 4712";
    std::unique_ptr<SshPty> pty(m_connection->openPty(options));
    QSignalSpy started(pty.get(), &SshPty::started);
    QVERIFY(started.wait(20000));
    QTRY_VERIFY_WITH_TIMEOUT(remoteProcessRuns("[s]leep 4712"), 10000);
    pty.reset();
    QTRY_VERIFY_WITH_TIMEOUT(!remoteProcessRuns("[s]leep 4712"), 10000);
    // The connection carries on.
    QCOMPARE(testsupport::outputOf(*m_connection, {"echo", "still here"}), QByteArray("still here\n"));
}

void tst_SshPty::inputBeforeStartIsDelivered()
{
    PtyOptions options;
    options.command = "read -r line; echo \"got:$line\"";
    std::unique_ptr<SshPty> pty(m_connection->openPty(options));
    Screen screen(pty.get());
    QVERIFY(!pty->isStarted());
    pty->write("typed ");
    pty->write("early\n");
    QTRY_COMPARE_WITH_TIMEOUT(screen.finishedCount, 1, 20000);
    QVERIFY2(screen.shows("got:typed early\r\n"), screen.output.constData());
    QCOMPARE(screen.exitStatus, 0);
}

// The bastion takes alice's key but allows no terminal (PermitTTY no).
void tst_SshPty::refusedTerminalIsReported()
{
    auto settings = testsupport::demoSettings(m_cluster, u"alice"_s);
    settings.port = m_cluster.bastionPort;
    auto bastion = testsupport::connectWith(settings, &m_interaction);
    QVERIFY2(bastion->state() == SshConnectionState::Connected, qPrintable(bastion->stateMessage()));
    std::unique_ptr<SshPty> pty(bastion->openPty({}));
    Screen screen(pty.get());
    QTRY_COMPARE_WITH_TIMEOUT(screen.finishedCount, 1, 20000);
    QVERIFY(!pty->isStarted());
    QVERIFY2(screen.error.is(ErrorKind::Refused), qPrintable(screen.error.message));
    QVERIFY(screen.error.message.contains(u"terminal"_s));
}

void tst_SshPty::droppedLinkEndsTheTerminal()
{
    TcpRelay relay(m_cluster.host, m_cluster.loginPort);
    QVERIFY(relay.listen());
    auto settings = testsupport::demoSettings(m_cluster, u"alice"_s);
    settings.port = relay.port();
    settings.reconnect = false;
    settings.keepAliveIntervalSeconds = 1;
    settings.keepAliveCountMax = 2;
    settings.knownHostsFiles = {m_dir.filePath(u"relay_known_hosts"_s)}; // the relay's port is a new host
    settings.strictHostKeyChecking = sshcore::StrictHostKeyChecking::Ask;
    ScriptedInteraction person;
    person.hostKeyDecision = ScriptedInteraction::HostKeyDecision::AcceptAndSave;
    auto connection = testsupport::connectWith(settings, &person);
    QVERIFY2(connection->state() == SshConnectionState::Connected, qPrintable(connection->stateMessage()));
    std::unique_ptr<SshPty> pty(connection->openPty({}));
    Screen screen(pty.get());
    QSignalSpy started(pty.get(), &SshPty::started);
    QVERIFY(started.wait(20000));
    pty->write("echo alive-$((6*7))\n");
    QTRY_VERIFY_WITH_TIMEOUT(screen.shows("alive-42"), 20000);
    relay.cut();
    QTRY_COMPARE_WITH_TIMEOUT(screen.finishedCount, 1, 20000);
    QVERIFY2(screen.error.is(ErrorKind::LinkLost), qPrintable(screen.error.message));
    QVERIFY2(screen.error.message.contains(u"dropped"_s), qPrintable(screen.error.message));
    QCOMPARE(screen.exitStatus, -1);
    pty->write("ignored after the end\n"); // must not crash or queue anything
}

QTEST_GUILESS_MAIN(tst_SshPty)
#include "tst_sshpty.moc"
