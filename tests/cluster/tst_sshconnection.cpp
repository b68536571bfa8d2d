// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// sshcore's SshConnection against the demo cluster's real sshd and Dropbear: passwords and second
// factors (tst_sshkeys: key types, encrypted keys, an agent),
// host keys (unknown, accepted, rejected, changed), commands with hostile arguments, many at once,
// streaming, timeouts and cancellation (tst_linkloss: the server side of the link killed).

#include "DemoClusterSupport.h"
#include "ScriptedInteraction.h"
#include "TestSupport.h"
#include "app/demo/DemoCluster.h"
#include "sshcore/SshConnection.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using sshcore::SshConnection;
using sshcore::SshConnectionSettings;
using sshcore::SshConnectionState;

using testsupport::outputOf;
using testsupport::runAndWait;

class tst_SshConnection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void keyLogin();
    void passwordOnlyUser();
    void wrongPasswordSaysWhatWasTried();
    void keyPlusTotp();
    void wrongTotpCode();
    void unknownHostKeyAcceptedAndSaved();
    void unknownHostKeyRejected();
    void hashedKnownHosts();
    void changedHostKeyIsRefusedBeforeAuthentication();
    void hostileArgumentsRoundTrip_data();
    void hostileArgumentsRoundTrip();
    void cleanupTestCase() { m_shared.reset(); }
    void fiftyConcurrentCommands();
    void streamingExitStatusAndStderr();
    void timeoutAndCancel();
    void persistentShell();
    void dropbear();
    void proxyJump_data();
    void proxyJump();
    void proxyJumpFromSshConfig();
    void unreachableJumpTarget();

private:
    SshConnectionSettings settingsFor(const QString &user, quint16 port = 0) const;
    std::unique_ptr<SshConnection> connectAs(const SshConnectionSettings &settings, ScriptedInteraction *interaction);

    app::DemoCluster m_cluster;
    QTemporaryDir m_dir;
    ScriptedInteraction m_sharedInteraction;
    std::unique_ptr<SshConnection> m_shared;
};

void tst_SshConnection::initTestCase()
{
    const auto cluster = app::DemoCluster::load(app::DemoCluster::defaultFilePath());
    QVERIFY_RESULT(cluster);
    m_cluster = *cluster;
    qunsetenv("SSH_AUTH_SOCK"); // agent tests start their own agent
}

SshConnectionSettings tst_SshConnection::settingsFor(const QString &user, quint16 port) const
{
    SshConnectionSettings settings = testsupport::demoSettings(m_cluster, user);
    if (port)
        settings.port = port;
    settings.connectTimeoutSeconds = 15;
    return settings;
}

std::unique_ptr<SshConnection> tst_SshConnection::connectAs(const SshConnectionSettings &settings,
                                                            ScriptedInteraction *interaction)
{
    return testsupport::connectWith(settings, interaction, 60000);
}

void tst_SshConnection::keyLogin()
{
    ScriptedInteraction interaction;
    auto connection = connectAs(settingsFor(u"alice"_s), &interaction);
    QVERIFY2(connection->state() == SshConnectionState::Connected, qPrintable(connection->stateMessage()));
    QCOMPARE(outputOf(*connection, {"id", "-un"}), QByteArray("alice\n"));
    QVERIFY(interaction.secretQuestions.isEmpty());
    QVERIFY(interaction.hostKeyQuestions.isEmpty()); // known host: silent
}

void tst_SshConnection::passwordOnlyUser()
{
    ScriptedInteraction interaction;
    interaction.passwords = {m_cluster.user(u"carol")->password};
    auto connection = connectAs(settingsFor(u"carol"_s), &interaction);
    QVERIFY2(connection->state() == SshConnectionState::Connected, qPrintable(connection->stateMessage()));
    QCOMPARE(outputOf(*connection, {"id", "-un"}), QByteArray("carol\n"));
}

void tst_SshConnection::wrongPasswordSaysWhatWasTried()
{
    ScriptedInteraction interaction;
    interaction.passwords = {u"wrong-1"_s, u"wrong-2"_s, u"wrong-3"_s, u"wrong-4"_s};
    auto connection = connectAs(settingsFor(u"carol"_s), &interaction);
    QCOMPARE(connection->state(), SshConnectionState::Failed);
    const QString message = connection->stateMessage();
    QVERIFY2(message.contains(u"did not accept the login as \"carol\""_s), qPrintable(message));
    // PAM asks the password through keyboard-interactive first, as OpenSSH's client sees it; the
    // server's MaxAuthTries may end the login before the password method's turn.
    QVERIFY2(message.contains(u"keyboard-interactive (the answers were not accepted)"_s)
                 || message.contains(u"password (not accepted)"_s),
             qPrintable(message));
    QVERIFY2(message.contains(u"The server accepts: password"_s), qPrintable(message));
    // PAM's "Password:" prompt is asked as the password (a password dialog, the keyring), not as a prompt.
    QVERIFY(interaction.keyboardQuestions.isEmpty());
    // The second question says why the first answer failed.
    QVERIFY(interaction.secretQuestions.size() >= 2);
    QVERIFY(!interaction.secretQuestions.at(1).previousError.isEmpty());

    interaction.passwords = {m_cluster.user(u"carol")->password};
    connection->close();
    connection->open();
    QTRY_VERIFY_WITH_TIMEOUT(connection->state() == SshConnectionState::Connected
                                 || (connection->state() == SshConnectionState::Failed
                                     && connection->stateMessage() != message),
                             30000);
    QVERIFY2(connection->state() == SshConnectionState::Connected, qPrintable(connection->stateMessage()));
    QCOMPARE(outputOf(*connection, {"id", "-un"}), QByteArray("carol\n"));
}

void tst_SshConnection::keyPlusTotp()
{
    ScriptedInteraction interaction;
    interaction.totpSecretHex = m_cluster.user(u"bob")->totpSecretHex;
    // tst_democluster may have used this 30 s step's code already, and pam_oath refuses a code twice:
    // the next step's code is within its window of 2.
    interaction.totpStepOffset = 1;
    auto connection = connectAs(settingsFor(u"bob"_s), &interaction);
    QVERIFY2(connection->state() == SshConnectionState::Connected, qPrintable(connection->stateMessage()));
    QCOMPARE(interaction.keyboardQuestions.size(), 1);
    QVERIFY(interaction.keyboardQuestions.first().prompts.first().text.contains(u"One-time password"_s));
    QVERIFY(!interaction.keyboardQuestions.first().prompts.first().echo);
    QCOMPARE(outputOf(*connection, {"id", "-un"}), QByteArray("bob\n"));
}

void tst_SshConnection::wrongTotpCode()
{
    ScriptedInteraction interaction;
    interaction.totpSecretHex = m_cluster.user(u"bob")->totpSecretHex;
    interaction.wrongCode = u"000000"_s;
    if (ScriptedInteraction::totp(interaction.totpSecretHex) == interaction.wrongCode)
        interaction.wrongCode = u"111111"_s;
    auto connection = connectAs(settingsFor(u"bob"_s), &interaction);
    QCOMPARE(connection->state(), SshConnectionState::Failed);
    const QString message = connection->stateMessage();
    QVERIFY2(message.contains(u"keyboard-interactive (the answers were not accepted)"_s), qPrintable(message));
    // Asked again (up to three times, as OpenSSH does, or until the server's MaxAuthTries ends it),
    // each time after the first saying why.
    QVERIFY(interaction.keyboardQuestions.size() >= 2 && interaction.keyboardQuestions.size() <= 3);
    QVERIFY(interaction.keyboardQuestions.at(0).previousError.isEmpty());
    QVERIFY2(interaction.keyboardQuestions.at(1).previousError.contains(u"did not accept"_s),
             qPrintable(interaction.keyboardQuestions.at(1).previousError));
}

void tst_SshConnection::unknownHostKeyAcceptedAndSaved()
{
    const QString knownHosts = m_dir.filePath(u"known_hosts_accept"_s);
    SshConnectionSettings settings = settingsFor(u"alice"_s);
    settings.knownHostsFiles = {knownHosts};
    settings.strictHostKeyChecking = sshcore::StrictHostKeyChecking::Ask;
    ScriptedInteraction interaction;
    interaction.hostKeyDecision = sshcore::SshInteraction::HostKeyDecision::AcceptAndSave;
    {
        auto connection = connectAs(settings, &interaction);
        QVERIFY2(connection->state() == SshConnectionState::Connected, qPrintable(connection->stateMessage()));
    }
    QCOMPARE(interaction.hostKeyQuestions.size(), 1);
    const auto &question = interaction.hostKeyQuestions.first();
    QCOMPARE(question.fingerprintSha256, m_cluster.loginHostKeySha256);
    QCOMPARE(question.keyType, u"ssh-ed25519"_s);
    QFile file(knownHosts);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray saved = file.readAll();
    const QByteArray expected = "[127.0.0.1]:" + QByteArray::number(m_cluster.loginPort) + " ssh-ed25519 AAAA";
    QVERIFY2(saved.startsWith(expected), saved.constData());
    // Next time the saved key is enough, even with strict checking.
    settings.strictHostKeyChecking = sshcore::StrictHostKeyChecking::Yes;
    ScriptedInteraction silent;
    auto again = connectAs(settings, &silent);
    QVERIFY2(again->state() == SshConnectionState::Connected, qPrintable(again->stateMessage()));
    QVERIFY(silent.hostKeyQuestions.isEmpty());
}

void tst_SshConnection::unknownHostKeyRejected()
{
    SshConnectionSettings settings = settingsFor(u"alice"_s);
    settings.knownHostsFiles = {m_dir.filePath(u"known_hosts_reject"_s)};
    settings.strictHostKeyChecking = sshcore::StrictHostKeyChecking::Ask;
    ScriptedInteraction interaction;
    auto connection = connectAs(settings, &interaction);
    QCOMPARE(connection->state(), SshConnectionState::Failed);
    QVERIFY2(connection->stateMessage().contains(u"was not accepted"_s), qPrintable(connection->stateMessage()));
    QVERIFY(!QFile::exists(settings.knownHostsFiles.first()));
}

void tst_SshConnection::hashedKnownHosts()
{
    // The same entries, hashed the way OpenSSH's HashKnownHosts writes them.
    const QString hashed = m_dir.filePath(u"known_hosts_hashed"_s);
    QFile::remove(hashed);
    QVERIFY(QFile::copy(m_cluster.knownHostsPath, hashed));
    QProcess keygen;
    keygen.start(u"ssh-keygen"_s, {u"-H"_s, u"-f"_s, hashed});
    QVERIFY(keygen.waitForFinished(10000));
    QCOMPARE(keygen.exitCode(), 0);
    QFile file(hashed);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    QVERIFY(content.startsWith("|1|"));
    QVERIFY(!content.contains("127.0.0.1"));
    SshConnectionSettings settings = settingsFor(u"alice"_s);
    settings.knownHostsFiles = {hashed};
    ScriptedInteraction interaction;
    auto connection = connectAs(settings, &interaction);
    QVERIFY2(connection->state() == SshConnectionState::Connected, qPrintable(connection->stateMessage()));
    QVERIFY(interaction.hostKeyQuestions.isEmpty());
}

void tst_SshConnection::changedHostKeyIsRefusedBeforeAuthentication()
{
    // A known_hosts that records the bastion's key under the login node's name: a changed key.
    QFile real(m_cluster.knownHostsPath);
    QVERIFY(real.open(QIODevice::ReadOnly));
    QByteArray bastionKey;
    for (const QByteArray &line : real.readAll().split('\n')) {
        const QByteArray bastion = "[127.0.0.1]:" + QByteArray::number(m_cluster.bastionPort) + " ssh-ed25519";
        if (line.startsWith(bastion))
            bastionKey = line.split(' ').mid(1).join(' ');
    }
    QVERIFY(!bastionKey.isEmpty());
    const QString knownHosts = m_dir.filePath(u"known_hosts_changed"_s);
    QFile forged(knownHosts);
    QVERIFY(forged.open(QIODevice::WriteOnly));
    forged.write("[127.0.0.1]:" + QByteArray::number(m_cluster.loginPort) + ' ' + bastionKey + '\n');
    forged.close();

    QFile log(m_cluster.logDir + u"/sshd-login.log"_s);
    QVERIFY(log.open(QIODevice::ReadOnly));
    log.seek(log.size());

    SshConnectionSettings settings = settingsFor(u"carol"_s);
    settings.knownHostsFiles = {knownHosts};
    settings.strictHostKeyChecking = sshcore::StrictHostKeyChecking::Ask;
    ScriptedInteraction interaction;
    interaction.passwords = {m_cluster.user(u"carol")->password};
    interaction.hostKeyDecision = sshcore::SshInteraction::HostKeyDecision::AcceptAndSave; // must not be asked
    auto connection = connectAs(settings, &interaction);
    QCOMPARE(connection->state(), SshConnectionState::Failed);
    QVERIFY2(connection->stateMessage().contains(u"CHANGED"_s), qPrintable(connection->stateMessage()));
    QVERIFY2(connection->stateMessage().contains(u"sent no password or key"_s), qPrintable(connection->stateMessage()));
    QVERIFY(interaction.hostKeyQuestions.isEmpty());
    QVERIFY(interaction.secretQuestions.isEmpty());
    connection.reset();

    // The server saw a connection, and no authentication attempt on it.
    QByteArray logged;
    (void)QTest::qWaitFor(
        [&] {
            logged += log.readAll();
            return logged.contains("Connection closed") || logged.contains("Disconnected from");
        },
        5000);
    QVERIFY2(logged.contains("Connection from 127.0.0.1"), logged.constData());
    for (const char *attempt : {"Failed ", "Accepted ", "Postponed ", "Invalid user", "carol"})
        QVERIFY2(!logged.contains(attempt), logged.constData());
}

void tst_SshConnection::hostileArgumentsRoundTrip_data()
{
    QTest::addColumn<QByteArray>("argument");
    QTest::newRow("quotes") << QByteArray("it's \"quoted\"");
    QTest::newRow("command substitution") << QByteArray("$(touch pwned)");
    QTest::newRow("backticks") << QByteArray("`touch pwned`");
    QTest::newRow("semicolon") << QByteArray("; touch pwned");
    QTest::newRow("newline") << QByteArray("a\ntouch pwned");
    QTest::newRow("leading dash") << QByteArray("-n");
    QTest::newRow("spaces") << QByteArray("  two  spaces  ");
    QTest::newRow("non-utf8") << QByteArray("caf\xe9\xff");
    QTest::newRow("255 bytes") << QByteArray(255, 'x');
    QTest::newRow("glob and tilde") << QByteArray("~/* $HOME");
}

void tst_SshConnection::hostileArgumentsRoundTrip()
{
    QFETCH(QByteArray, argument);
    if (!m_shared) // one session for every row, as the app would use it
        m_shared = connectAs(settingsFor(u"alice"_s), &m_sharedInteraction);
    QVERIFY2(m_shared->state() == SshConnectionState::Connected, qPrintable(m_shared->stateMessage()));
    QCOMPARE(outputOf(*m_shared, {"printf", "%s", argument}), argument);
    QCOMPARE(outputOf(*m_shared, {"sh", "-c", "ls -A ~ | grep -c pwned || true"}), QByteArray("0\n"));
}

void tst_SshConnection::fiftyConcurrentCommands()
{
    SshConnectionSettings settings = settingsFor(u"alice"_s);
    settings.maxChannels = 64; // the demo login node allows 64 sessions per connection
    ScriptedInteraction interaction;
    auto connection = connectAs(settings, &interaction);
    QVERIFY2(connection->state() == SshConnectionState::Connected, qPrintable(connection->stateMessage()));
    // Each command says "started", then waits: if they really run side by side, all 50 have started
    // before the first one ends.
    std::vector<std::unique_ptr<sshcore::SshCommand>> commands;
    int started = 0;
    int startedWhenFirstFinished = -1;
    for (int i = 0; i < 50; ++i) {
        commands.emplace_back(connection->runShell("echo started; sleep 3; echo " + QByteArray::number(i)));
        connect(commands.back().get(), &sshcore::SshCommand::standardOutputReady, this,
                [&started](const QByteArray &chunk) { started += int(chunk.count("started")); });
        connect(commands.back().get(), &sshcore::SshCommand::finished, this, [&] {
            if (startedWhenFirstFinished < 0)
                startedWhenFirstFinished = started;
        });
    }
    for (int i = 0; i < 50; ++i) {
        QTRY_VERIFY_WITH_TIMEOUT(commands[std::size_t(i)]->isFinished(), 90000);
        const auto &result = commands[std::size_t(i)]->result();
        QVERIFY_RESULT(result);
        QCOMPARE(result->standardOutput, "started\n" + QByteArray::number(i) + '\n');
    }
    QCOMPARE(startedWhenFirstFinished, 50);
}

void tst_SshConnection::streamingExitStatusAndStderr()
{
    ScriptedInteraction interaction;
    auto connection = connectAs(settingsFor(u"alice"_s), &interaction);
    QVERIFY2(connection->state() == SshConnectionState::Connected, qPrintable(connection->stateMessage()));
    std::unique_ptr<sshcore::SshCommand> command(
        connection->runShell("for i in 1 2 3; do echo $i; sleep 0.3; done; echo oops >&2; exit 3"));
    QSignalSpy chunks(command.get(), &sshcore::SshCommand::standardOutputReady);
    QSignalSpy finished(command.get(), &sshcore::SshCommand::finished);
    QVERIFY(finished.wait(20000));
    QVERIFY(chunks.size() >= 3); // output arrived while the command ran, not all at the end
    const auto &result = command->result();
    QVERIFY_RESULT(result);
    QCOMPARE(result->exitStatus, 3);
    QCOMPARE(result->standardOutput, QByteArray("1\n2\n3\n"));
    QCOMPARE(result->standardError, QByteArray("oops\n"));

    const auto withInput = runAndWait(*connection, {"tr", "a-z", "A-Z"}, {"hello from stdin", 0s});
    QVERIFY_RESULT(withInput);
    QCOMPARE(withInput->standardOutput, QByteArray("HELLO FROM STDIN"));
}

void tst_SshConnection::timeoutAndCancel()
{
    ScriptedInteraction interaction;
    auto connection = connectAs(settingsFor(u"alice"_s), &interaction);
    QVERIFY2(connection->state() == SshConnectionState::Connected, qPrintable(connection->stateMessage()));
    const auto timedOut = runAndWait(*connection, {"sleep", "30"}, {{}, 2s});
    QVERIFY(!timedOut);
    QVERIFY2(timedOut.error().message.contains(u"did not finish within 2 s"_s), qPrintable(timedOut.error().message));
    QCOMPARE(timedOut.error().kind, sshcore::ErrorKind::TimedOut);

    // Cancelled once it is known to run on the server (it said so), not after a guessed delay.
    std::unique_ptr<sshcore::SshCommand> command(connection->run({"sh", "-c", "echo started; exec sleep 30"}));
    QSignalSpy finished(command.get(), &sshcore::SshCommand::finished);
    QSignalSpy output(command.get(), &sshcore::SshCommand::standardOutputReady);
    QVERIFY(output.wait(10000));
    QCOMPARE(output.first().first().toByteArray(), "started\n"_ba);
    QVERIFY(!command->isFinished());
    command->cancel();
    QVERIFY(finished.wait(10000));
    QVERIFY(!command->result());
    QVERIFY(command->result().error().message.contains(u"cancelled"_s));
    QCOMPARE(command->result().error().kind, sshcore::ErrorKind::Cancelled);
    // The session is still good afterwards.
    QCOMPARE(outputOf(*connection, {"echo", "still here"}), QByteArray("still here\n"));
}

void tst_SshConnection::persistentShell()
{
    ScriptedInteraction interaction;
    auto connection = connectAs(settingsFor(u"alice"_s), &interaction);
    QVERIFY2(connection->state() == SshConnectionState::Connected, qPrintable(connection->stateMessage()));
    sshcore::SshCommandOptions shell;
    shell.persistentShell = true;
    const auto run = [&](const QByteArray &line, const sshcore::SshCommandOptions &options) {
        std::unique_ptr<sshcore::SshCommand> command(connection->runShell(line, options));
        QSignalSpy finished(command.get(), &sshcore::SshCommand::finished);
        finished.wait(30000);
        return command->result();
    };

    for (const QByteArray &hostile : {QByteArray("it's $(touch pwned) `x` ;|&"), QByteArray("a\nb"), QByteArray("-n"),
                                      QByteArray("caf\xe9\xff"), QByteArray(255, 'z')}) {
        std::unique_ptr<sshcore::SshCommand> command(connection->run({"printf", "%s", hostile}, shell));
        QSignalSpy finished(command.get(), &sshcore::SshCommand::finished);
        QVERIFY(finished.wait(30000));
        QVERIFY_RESULT(command->result());
        QCOMPARE(command->result()->standardOutput, hostile);
    }
    const auto streams = run("echo out; printf 'no newline'; echo err >&2; exit 5", shell);
    QVERIFY_RESULT(streams);
    QCOMPARE(streams->standardOutput, QByteArray("out\nno newline"));
    QCOMPARE(streams->standardError, QByteArray("err\n"));
    QCOMPARE(streams->exitStatus, 5);
    // Neither a syntax error nor cd nor exit touches the shell itself.
    const auto syntax = run("if then fi", shell);
    QVERIFY_RESULT(syntax);
    QVERIFY(syntax->exitStatus != 0);
    QVERIFY(syntax->standardError.contains("yntax"));
    QVERIFY_RESULT(run("cd /tmp; exit 3", shell));
    QCOMPARE(run("pwd", shell)->standardOutput, QByteArray("/home/alice\n"));
    // Large output, with the marker search across reads.
    const auto big = run("head -c 3000000 /dev/zero | tr '\\0' x", shell);
    QVERIFY_RESULT(big);
    QCOMPARE(big->standardOutput.size(), 3000000);
    // Many queued at once come back in order, each with its own output.
    std::vector<std::unique_ptr<sshcore::SshCommand>> queued;
    for (int i = 0; i < 20; ++i)
        queued.emplace_back(connection->run({"echo", QByteArray::number(i)}, shell));
    for (int i = 0; i < 20; ++i) {
        QTRY_VERIFY_WITH_TIMEOUT(queued[std::size_t(i)]->isFinished(), 30000);
        QCOMPARE(queued[std::size_t(i)]->result()->standardOutput, QByteArray::number(i) + '\n');
    }
    // A timeout ends that shell; the next command gets a new one.
    sshcore::SshCommandOptions shortShell = shell;
    shortShell.timeout = 2s;
    const auto timedOut = run("sleep 30", shortShell);
    QVERIFY(!timedOut);
    QVERIFY2(timedOut.error().message.contains(u"within 2 s"_s), qPrintable(timedOut.error().message));
    QCOMPARE(timedOut.error().kind, sshcore::ErrorKind::TimedOut);
    QCOMPARE(run("echo alive", shell)->standardOutput, QByteArray("alive\n"));
    QCOMPARE(outputOf(*connection, {"sh", "-c", "ls -A ~ | grep -c pwned || true"}), QByteArray("0\n"));
}

void tst_SshConnection::dropbear()
{
    ScriptedInteraction interaction;
    auto connection = connectAs(settingsFor(u"alice"_s, m_cluster.dropbearPort), &interaction);
    QVERIFY2(connection->state() == SshConnectionState::Connected, qPrintable(connection->stateMessage()));
    QCOMPARE(outputOf(*connection, {"id", "-un"}), QByteArray("alice\n"));
    QCOMPARE(outputOf(*connection, {"printf", "%s", "$(touch pwned) it's"}), QByteArray("$(touch pwned) it's"));
}

void tst_SshConnection::proxyJump_data()
{
    QTest::addColumn<QList<quint16>>("hops");
    // The bastion forwards only to the login node; the login node forwards anywhere.
    QTest::newRow("bastion") << QList<quint16>{m_cluster.bastionPort};
    QTest::newRow("login node, then bastion") << QList<quint16>{m_cluster.loginPort, m_cluster.bastionPort};
}

void tst_SshConnection::proxyJump()
{
    QFETCH(QList<quint16>, hops);
    SshConnectionSettings settings = settingsFor(u"alice"_s);
    for (const quint16 port : hops)
        settings.jumpHosts.append(settingsFor(u"alice"_s, port));
    ScriptedInteraction interaction;
    auto connection = connectAs(settings, &interaction);
    QVERIFY2(connection->state() == SshConnectionState::Connected, qPrintable(connection->stateMessage()));
    // The login node sees us arrive from itself (127.0.0.1) through sshd's forwarding.
    QCOMPARE(outputOf(*connection, {"sh", "-c", "id -un; echo ${SSH_CONNECTION%% *}"}),
             QByteArray("alice\n127.0.0.1\n"));
    QCOMPARE(outputOf(*connection, {"printf", "%s", "$(x) y"}), QByteArray("$(x) y"));
}

void tst_SshConnection::proxyJumpFromSshConfig()
{
    const QByteArray text = u"Host demo-bastion\n  HostName 127.0.0.1\n  Port %1\n  User alice\n  IdentityFile %3\n"
                            "Host demo\n  HostName 127.0.0.1\n  Port %2\n  User alice\n  IdentityFile %3\n"
                            "  ProxyJump demo-bastion\n  UserKnownHostsFile %4\n"
                            "Host *\n  UserKnownHostsFile %4\n  StrictHostKeyChecking yes\n"_s
                                .arg(m_cluster.bastionPort)
                                .arg(m_cluster.loginPort)
                                .arg(m_cluster.user(u"alice")->keyPath, m_cluster.knownHostsPath)
                                .toUtf8();
    const auto settings = SshConnectionSettings::fromConfig(sshcore::SshConfig::parse(text), u"demo"_s);
    QVERIFY_RESULT(settings);
    QCOMPARE(settings->jumpHosts.size(), 1);
    QCOMPARE(settings->jumpHosts.first().port, m_cluster.bastionPort);
    SshConnectionSettings adjusted = *settings;
    adjusted.useAgent = false;
    adjusted.jumpHosts.first().useAgent = false;
    ScriptedInteraction interaction;
    auto connection = connectAs(adjusted, &interaction);
    QVERIFY2(connection->state() == SshConnectionState::Connected, qPrintable(connection->stateMessage()));
    QCOMPARE(outputOf(*connection, {"id", "-un"}), QByteArray("alice\n"));
}

void tst_SshConnection::unreachableJumpTarget()
{
    // The bastion refuses to forward anywhere but the login node: a clear message, no hang.
    SshConnectionSettings settings = settingsFor(u"alice"_s, m_cluster.dropbearPort);
    settings.jumpHosts.append(settingsFor(u"alice"_s, m_cluster.bastionPort));
    ScriptedInteraction interaction;
    auto connection = connectAs(settings, &interaction);
    QCOMPARE(connection->state(), SshConnectionState::Failed);
    QVERIFY2(connection->stateMessage().contains(
                 u"Through the jump host alice@127.0.0.1:%1"_s.arg(m_cluster.bastionPort)),
             qPrintable(connection->stateMessage()));
    QVERIFY2(connection->stateMessage().contains(
                 u"could not open a connection to 127.0.0.1 port %1"_s.arg(m_cluster.dropbearPort)),
             qPrintable(connection->stateMessage()));
}

QTEST_GUILESS_MAIN(tst_SshConnection)
#include "tst_sshconnection.moc"
