// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Logging in with keys against the demo cluster's sshd: each key type, an encrypted key (its
// passphrase asked again after a wrong one), and a real ssh-agent holding a key no option names.

#include "DemoClusterSupport.h"
#include "ScriptedInteraction.h"
#include "TestSupport.h"
#include "app/demo/DemoCluster.h"
#include "sshcore/SshConnection.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using sshcore::SshConnectionSettings;
using sshcore::SshConnectionState;
using testsupport::outputOf;
using testsupport::runAndWait;

class tst_SshKeys : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void keyTypesAndEncryptedKey_data();
    void keyTypesAndEncryptedKey();
    void sshAgent();

private:
    app::DemoCluster m_cluster;
    QTemporaryDir m_dir;
};

void tst_SshKeys::initTestCase()
{
    const auto cluster = app::DemoCluster::load(app::DemoCluster::defaultFilePath());
    QVERIFY_RESULT(cluster);
    m_cluster = *cluster;
    qunsetenv("SSH_AUTH_SOCK"); // the agent test starts its own agent
}

namespace {

// Makes a key pair with ssh-keygen; returns the private key's path.
QString makeKey(const QString &dir, const QString &type, const QString &passphrase)
{
    const QString path = dir + u"/id_"_s + type + (passphrase.isEmpty() ? QString() : u"_encrypted"_s);
    QFile::remove(path);
    QFile::remove(path + u".pub"_s);
    QProcess keygen;
    keygen.start(u"ssh-keygen"_s,
                 {u"-q"_s, u"-t"_s, type, u"-N"_s, passphrase, u"-C"_s, u"clusterdesk-test"_s, u"-f"_s, path});
    keygen.waitForFinished(60000);
    return keygen.exitCode() == 0 ? path : QString();
}

} // namespace

void tst_SshKeys::keyTypesAndEncryptedKey_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("passphrase");
    QTest::newRow("ed25519") << u"ed25519"_s << QString();
    QTest::newRow("ecdsa") << u"ecdsa"_s << QString();
    QTest::newRow("rsa") << u"rsa"_s << QString();
    QTest::newRow("ed25519, encrypted") << u"ed25519"_s << u"correct horse"_s;
}

void tst_SshKeys::keyTypesAndEncryptedKey()
{
    QFETCH(QString, type);
    QFETCH(QString, passphrase);
    const QString key = makeKey(m_dir.path(), type, passphrase);
    QVERIFY(!key.isEmpty());
    // alice authorises the new key herself, over her usual key.
    ScriptedInteraction setup;
    auto admin = testsupport::connectAs(m_cluster, u"alice"_s, &setup);
    QVERIFY2(admin->state() == SshConnectionState::Connected, qPrintable(admin->stateMessage()));
    const auto added = runAndWait(*admin, {"sh", "-c", "cat >> ~/.ssh/authorized_keys"},
                                  {testsupport::readFile(key + u".pub"_s), 0s});
    QVERIFY_RESULT(added);

    SshConnectionSettings settings = testsupport::demoSettings(m_cluster, u"alice"_s);
    settings.identityFiles = {key};
    ScriptedInteraction interaction;
    interaction.passwords = {u"wrong passphrase"_s, passphrase};
    auto connection = testsupport::connectWith(settings, &interaction);
    QVERIFY2(connection->state() == SshConnectionState::Connected, qPrintable(connection->stateMessage()));
    if (passphrase.isEmpty()) {
        QVERIFY(interaction.secretQuestions.isEmpty());
    } else {
        // Asked for the passphrase, told the first answer was wrong, and asked again.
        QCOMPARE(interaction.secretQuestions.size(), 2);
        QCOMPARE(interaction.secretQuestions.at(0).kind, sshcore::SshInteraction::SecretQuestion::Kind::KeyPassphrase);
        QCOMPARE(interaction.secretQuestions.at(0).keyFile, key);
        QCOMPARE(interaction.secretQuestions.at(1).previousError, u"wrong passphrase"_s);
    }
    QCOMPARE(outputOf(*connection, {"id", "-un"}), QByteArray("alice\n"));
}

void tst_SshKeys::sshAgent()
{
    // A real ssh-agent holding a key that no file option names.
    QProcess agent;
    const QString socket = m_dir.filePath(u"agent.sock"_s);
    agent.start(u"ssh-agent"_s, {u"-D"_s, u"-a"_s, socket});
    QVERIFY(agent.waitForStarted());
    QTRY_VERIFY(QFile::exists(socket));
    const QString key = makeKey(m_dir.path(), u"ed25519"_s, {}) + u"_agent"_s;
    QVERIFY(QFile::rename(m_dir.filePath(u"id_ed25519"_s), key));
    QVERIFY(QFile::rename(m_dir.filePath(u"id_ed25519.pub"_s), key + u".pub"_s));
    QProcess add;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"SSH_AUTH_SOCK"_s, socket);
    add.setProcessEnvironment(environment);
    add.start(u"ssh-add"_s, {key});
    QVERIFY(add.waitForFinished(10000));
    QCOMPARE(add.exitCode(), 0);
    QVERIFY(QFile::remove(key)); // only the agent has it now

    ScriptedInteraction setup;
    auto admin = testsupport::connectAs(m_cluster, u"alice"_s, &setup);
    QVERIFY2(admin->state() == SshConnectionState::Connected, qPrintable(admin->stateMessage()));
    QVERIFY_RESULT(runAndWait(*admin, {"sh", "-c", "cat >> ~/.ssh/authorized_keys"},
                              {testsupport::readFile(key + u".pub"_s), 0s}));

    qputenv("SSH_AUTH_SOCK", socket.toUtf8());
    SshConnectionSettings settings = testsupport::demoSettings(m_cluster, u"alice"_s);
    settings.identityFiles.clear();
    settings.useAgent = true;
    ScriptedInteraction interaction;
    auto connection = testsupport::connectWith(settings, &interaction);
    qunsetenv("SSH_AUTH_SOCK");
    agent.kill();
    agent.waitForFinished();
    QVERIFY2(connection->state() == SshConnectionState::Connected, qPrintable(connection->stateMessage()));
    QCOMPARE(outputOf(*connection, {"id", "-un"}), QByteArray("alice\n"));
    QVERIFY(interaction.secretQuestions.isEmpty());
}

QTEST_GUILESS_MAIN(tst_SshKeys)
#include "tst_sshkeys.moc"
