// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Interoperability of the linked libssh2's encryption (patched to encrypt whole packets, or the
// system's own in the sanitized pass) with real servers: every cipher, MAC and key exchange that
// libssh2 offers, each against every server of the demo cluster that allows it (OpenSSH's login node,
// an old login node's algorithm set, a freshly hardened one, and Dropbear), with packets of every size
// class: tiny commands, a command's ~100 KB of output, and 64 MiB each way over SFTP, checked with
// sha256 on both ends. The rows come from libssh2 at run time and from what each server lists in its
// first packet (ServerKexInit.h), so they follow both.

#include "DemoClusterSupport.h"
#include "ScriptedInteraction.h"
#include "ServerKexInit.h"
#include "TestSupport.h"
#include "app/demo/DemoCluster.h"
#include "sshcore/Libssh2Library.h"
#include "sshcore/SshAlgorithms.h"
#include "sshcore/SshConnection.h"
#include "sshcore/sftp/SftpClient.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using sshcore::SshAlgorithmType;
using sshcore::SshConnection;
using sshcore::SshConnectionSettings;
using sshcore::SshConnectionState;
using testsupport::await;
using testsupport::outputOf;
using testsupport::ServerKexInit;

namespace {

constexpr qsizetype transferBytes = 64 << 20;

struct Server
{
    QString name;
    quint16 port = 0;
    ServerKexInit offers;
};

// One connection's choices: a cipher, and a MAC (none for an AEAD cipher, which ignores it).
struct Row
{
    QString server;
    quint16 port = 0;
    QString cipher;
    QString mac;
    QString kex;
};

bool isAead(const QString &cipher)
{
    return cipher.contains(u"gcm") || cipher.contains(u"poly1305");
}

QByteArray sha256Hex(const QString &path)
{
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file))
        return "<unreadable>";
    return hash.result().toHex();
}

// Rows for one server: every cipher, MAC and key exchange both libssh2 and the server have, each in
// at least one row. Ciphers and key exchanges rotate together; MACs ride on the non-AEAD ciphers'
// rows, and those left over go with aes128-ctr (or another non-AEAD cipher the server allows).
QList<Row> rowsFor(const Server &server, const QStringList &ciphers, const QStringList &macs, const QStringList &kexes)
{
    const QStringList allowedCiphers = ServerKexInit::intersect(ciphers, server.offers.ciphers());
    const QStringList allowedMacs = ServerKexInit::intersect(macs, server.offers.macs());
    const QStringList allowedKex = ServerKexInit::intersect(kexes, server.offers.keyExchange);
    QList<Row> rows;
    if (allowedCiphers.isEmpty() || allowedKex.isEmpty())
        return rows;
    QStringList macsLeft = allowedMacs;
    const qsizetype count = std::max(allowedCiphers.size(), allowedKex.size());
    for (qsizetype i = 0; i < count; ++i) {
        Row row{server.name,
                server.port,
                allowedCiphers[i % allowedCiphers.size()],
                {},
                allowedKex[i % allowedKex.size()]};
        if (!isAead(row.cipher) && !macsLeft.isEmpty())
            row.mac = macsLeft.takeFirst();
        rows.append(row);
    }
    QStringList carriers;
    for (const QString &cipher : allowedCiphers) {
        if (!isAead(cipher))
            carriers.append(cipher);
    }
    if (carriers.contains(u"aes128-ctr"_s))
        carriers = {u"aes128-ctr"_s};
    qsizetype i = count;
    for (const QString &mac : std::as_const(macsLeft)) {
        if (carriers.isEmpty())
            break; // AEAD ciphers only (a hardened server): no MAC is ever used there
        rows.append({server.name, server.port, carriers.first(), mac, allowedKex[i++ % allowedKex.size()]});
    }
    return rows;
}

} // namespace

class tst_CipherInterop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void interop_data();
    void interop();
    void refusedWhenNothingInCommon();
    void refusedWhenNothingSupported();
    void cleanupTestCase();

private:
    SshConnectionSettings settingsFor(quint16 port) const;

    app::DemoCluster m_cluster;
    QList<Server> m_servers;
    QStringList m_ciphers; // what this libssh2 offers, in its order
    QStringList m_macs;
    QStringList m_kex;
    QTemporaryDir m_dir;
    QString m_source; // transferBytes of random data
    QByteArray m_sourceSha256;
    QByteArray m_remote; // a fresh folder in alice's home (every server here shares it)
    QElapsedTimer m_clock;
    qint64 m_rowsRun = 0;
};

SshConnectionSettings tst_CipherInterop::settingsFor(quint16 port) const
{
    SshConnectionSettings settings = testsupport::demoSettings(m_cluster, u"alice"_s);
    settings.port = port;
    settings.reconnect = false;
    return settings;
}

void tst_CipherInterop::initTestCase()
{
    m_clock.start();
    const auto cluster = app::DemoCluster::load(app::DemoCluster::defaultFilePath());
    QVERIFY_RESULT(cluster);
    m_cluster = *cluster;
    QVERIFY2(m_cluster.oldLoginPort != 0 && m_cluster.hardenedLoginPort != 0 && m_cluster.dropbearPort != 0,
             "the demo cluster has no old or hardened login node or no Dropbear: restart it");
    qInfo("libssh2 %s (%s)", qPrintable(sshcore::Libssh2Library::runtimeVersion()),
#ifdef CLUSTERDESK_SYSTEM_LIBSSH2
          "the system's, unpatched"
#else
          "clusterdesk's, patched to encrypt whole packets"
#endif
    );

    m_ciphers = sshcore::supportedSshAlgorithms(SshAlgorithmType::Cipher);
    m_macs = sshcore::supportedSshAlgorithms(SshAlgorithmType::Mac);
    m_kex = sshcore::supportedSshAlgorithms(SshAlgorithmType::KeyExchange);
    QVERIFY(m_ciphers.contains(u"aes128-ctr"_s));
    qInfo("libssh2 offers ciphers %s", qPrintable(m_ciphers.join(u' ')));
    qInfo("libssh2 offers MACs %s", qPrintable(m_macs.join(u' ')));
    qInfo("libssh2 offers key exchanges %s", qPrintable(m_kex.join(u' ')));

    const QList<QPair<QString, quint16>> servers = {{u"login"_s, m_cluster.loginPort},
                                                    {u"old"_s, m_cluster.oldLoginPort},
                                                    {u"hardened"_s, m_cluster.hardenedLoginPort},
                                                    {u"dropbear"_s, m_cluster.dropbearPort}};
    for (const auto &[name, port] : servers) {
        Server server{name, port, ServerKexInit::read(m_cluster.host, port)};
        QVERIFY2(server.offers.error.isEmpty(), qPrintable(name + u": "_s + server.offers.error));
        qInfo("%s (%s) allows ciphers %s; MACs %s; key exchanges %s; host keys %s", qPrintable(name),
              qPrintable(server.offers.identification), qPrintable(server.offers.ciphers().join(u' ')),
              qPrintable(server.offers.macs().join(u' ')), qPrintable(server.offers.keyExchange.join(u' ')),
              qPrintable(server.offers.hostKeys.join(u' ')));
        m_servers.append(server);
    }

    QVERIFY(m_dir.isValid());
    m_source = m_dir.filePath(u"source"_s);
    {
        QFile file(m_source);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray chunk(1 << 20, Qt::Uninitialized);
        for (qsizetype written = 0; written < transferBytes; written += chunk.size()) {
            QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(chunk.data()), chunk.size() / 4);
            QCOMPARE(file.write(chunk), chunk.size());
        }
    }
    m_sourceSha256 = sha256Hex(m_source);

    ScriptedInteraction interaction;
    auto connection = testsupport::connectWith(settingsFor(m_cluster.loginPort), &interaction);
    QVERIFY2(connection->state() == SshConnectionState::Connected, qPrintable(connection->stateMessage()));
    sshcore::SftpClient sftp(connection.get());
    m_remote = "/home/alice/tst-cipherinterop-" + QByteArray::number(QRandomGenerator::global()->generate());
    QVERIFY_RESULT(await<void>([&](QObject *context, auto done) { sftp.makePath(m_remote, context, done); }));
}

void tst_CipherInterop::interop_data()
{
    QTest::addColumn<QString>("server");
    QTest::addColumn<quint16>("port");
    QTest::addColumn<QString>("cipher");
    QTest::addColumn<QString>("mac");
    QTest::addColumn<QString>("kex");

    QStringList covered;
    for (const Server &server : std::as_const(m_servers)) {
        for (const Row &row : rowsFor(server, m_ciphers, m_macs, m_kex)) {
            const QString tag = u"%1: %2%3 %4"_s.arg(row.server, row.cipher,
                                                     row.mac.isEmpty() ? QString() : u" "_s + row.mac, row.kex);
            QTest::newRow(qPrintable(tag)) << row.server << row.port << row.cipher << row.mac << row.kex;
            covered << row.cipher << row.mac << row.kex;
        }
    }
    // What libssh2 offers but no server here allows is said, not hidden: a row that skips.
    for (const QStringList *list : {&m_ciphers, &m_macs, &m_kex}) {
        for (const QString &name : *list) {
            if (!covered.contains(name))
                QTest::newRow(qPrintable(u"no server here: "_s + name))
                    << QString() << quint16(0) << name << QString() << QString();
        }
    }
}

void tst_CipherInterop::interop()
{
    QFETCH(QString, server);
    QFETCH(quint16, port);
    QFETCH(QString, cipher);
    QFETCH(QString, mac);
    QFETCH(QString, kex);
    if (server.isEmpty()) {
        QStringList servers;
        for (const Server &each : std::as_const(m_servers))
            servers.append(each.name + u" ("_s + each.offers.identification + u')');
        QSKIP(qPrintable(u"%1: none of the demo cluster's servers offers it: %2"_s.arg(cipher, servers.join(u", "_s))));
    }
    QElapsedTimer timer;
    timer.start();

    SshConnectionSettings settings = settingsFor(port);
    settings.algorithms.ciphers = cipher;
    settings.algorithms.macs = mac; // none: the default list (an AEAD cipher ignores it)
    settings.algorithms.kexAlgorithms = kex;
    ScriptedInteraction interaction;
    auto connection = testsupport::connectWith(settings, &interaction, 60000);
    QVERIFY2(connection->state() == SshConnectionState::Connected, qPrintable(connection->stateMessage()));

    const sshcore::SshNegotiatedMethods methods = connection->negotiatedMethods();
    QCOMPARE(methods.cipherClientToServer, cipher);
    QCOMPARE(methods.cipherServerToClient, cipher);
    QCOMPARE(methods.keyExchange, kex);
    if (!mac.isEmpty()) {
        QCOMPARE(methods.macClientToServer, mac);
        QCOMPARE(methods.macServerToClient, mac);
    }
    const auto serverOffers = std::find_if(m_servers.cbegin(), m_servers.cend(),
                                           [&](const Server &s) { return s.name == server; });
    QVERIFY(serverOffers != m_servers.cend());
    QVERIFY2(serverOffers->offers.hostKeys.contains(methods.hostKey), qPrintable(methods.hostKey));

    // Tiny packets: short commands, and a few bytes through stdin.
    for (const QByteArray word : {"a", "tiny", "packets"})
        QCOMPARE(outputOf(*connection, {"echo", word}), word + '\n');
    sshcore::SshCommandOptions withInput;
    withInput.input = "x";
    const auto echoed = testsupport::runAndWait(*connection, {"cat"}, withInput);
    QVERIFY_RESULT(echoed);
    QCOMPARE(echoed->standardOutput, QByteArray("x"));
    // A command's output of about 100 KB: many full packets one way, and window adjustments.
    QByteArray numbers;
    for (int i = 1; i <= 20000; ++i)
        numbers += QByteArray::number(i) + '\n';
    QCOMPARE(outputOf(*connection, {"seq", "1", "20000"}), numbers);

    // Window-sized SFTP writes and reads: 64 MiB up, checked on the server, and down again.
    sshcore::SftpClient sftp(connection.get());
    const QByteArray remote = m_remote + "/file-" + QByteArray::number(++m_rowsRun);
    const auto uploaded = await<quint64>(
        [&](QObject *context, auto done) { sftp.upload(m_source, remote, {}, context, done); });
    QVERIFY_RESULT(uploaded);
    QCOMPARE(*uploaded, quint64(transferBytes));
    const QByteArray serverSum = outputOf(*connection, {"sha256sum", remote});
    QCOMPARE(serverSum.left(64), m_sourceSha256);
    const QString copy = m_dir.filePath(u"copy"_s);
    QFile::remove(copy);
    const auto downloaded = await<quint64>(
        [&](QObject *context, auto done) { sftp.download(remote, copy, {}, context, done); });
    QVERIFY_RESULT(downloaded);
    QCOMPARE(*downloaded, quint64(transferBytes));
    QCOMPARE(sha256Hex(copy), m_sourceSha256);
    QFile::remove(copy);
    QVERIFY_RESULT(await<void>([&](QObject *context, auto done) { sftp.remove(remote, false, context, done); }));
    // The same connection still carries a command after the bulk transfers.
    QCOMPARE(outputOf(*connection, {"echo", "after"}), QByteArray("after\n"));

    const double seconds = double(timer.elapsed()) / 1000.0;
    qInfo("%s: host key %s, MAC %s; 2 x 64 MiB and commands in %.1f s", qPrintable(server), qPrintable(methods.hostKey),
          qPrintable(methods.macClientToServer), seconds);
}

// A server that allows none of what the settings ask for refuses the handshake, and the person is
// told what was offered and where to change it.
void tst_CipherInterop::refusedWhenNothingInCommon()
{
    const Server &hardened = m_servers.at(2);
    QVERIFY(!hardened.offers.ciphers().contains(u"aes128-ctr"_s));
    SshConnectionSettings settings = settingsFor(hardened.port);
    settings.algorithms.ciphers = u"aes128-ctr"_s;
    ScriptedInteraction interaction;
    auto connection = testsupport::connectWith(settings, &interaction);
    QCOMPARE(connection->state(), SshConnectionState::Failed);
    const QString message = connection->stateMessage();
    QVERIFY2(message.contains(u"accepts none of the algorithms"_s), qPrintable(message));
    QVERIFY2(message.contains(u"ciphers: aes128-ctr;"_s), qPrintable(message));
    QVERIFY2(message.contains(u"Ciphers, MACs, KexAlgorithms and HostKeyAlgorithms"_s), qPrintable(message));

    // The same for a host key type the old login node does not have.
    const Server &old = m_servers.at(1);
    QVERIFY(!old.offers.hostKeys.contains(u"ssh-ed25519"_s));
    settings = settingsFor(old.port);
    settings.algorithms.hostKeyAlgorithms = u"ssh-ed25519"_s;
    connection = testsupport::connectWith(settings, &interaction);
    QCOMPARE(connection->state(), SshConnectionState::Failed);
    QVERIFY2(connection->stateMessage().contains(u"host keys: ssh-ed25519;"_s), qPrintable(connection->stateMessage()));
}

// Choices that leave nothing this libssh2 can do fail before anything is sent, naming what was asked
// and what libssh2 offers.
void tst_CipherInterop::refusedWhenNothingSupported()
{
    SshConnectionSettings settings = settingsFor(m_cluster.loginPort);
    settings.algorithms.macs = u"hmac-sha3-1024,umac-9000@example.org"_s;
    ScriptedInteraction interaction;
    auto connection = testsupport::connectWith(settings, &interaction);
    QCOMPARE(connection->state(), SshConnectionState::Failed);
    const QString message = connection->stateMessage();
    QVERIFY2(message.contains(u"MACs \"hmac-sha3-1024,umac-9000@example.org\""_s), qPrintable(message));
    QVERIFY2(message.contains(u"hmac-sha2-256"_s), qPrintable(message));
    QVERIFY(connection->negotiatedMethods().isEmpty());
}

void tst_CipherInterop::cleanupTestCase()
{
    if (!m_remote.isEmpty()) {
        ScriptedInteraction interaction;
        auto connection = testsupport::connectWith(settingsFor(m_cluster.loginPort), &interaction);
        sshcore::SftpClient sftp(connection.get());
        (void)await<void>([&](QObject *context, auto done) { sftp.remove(m_remote, true, context, done); });
    }
    qInfo("%lld rows of 2 x 64 MiB in %.0f s in all", m_rowsRun, double(m_clock.elapsed()) / 1000.0);
}

QTEST_GUILESS_MAIN(tst_CipherInterop)
#include "tst_cipherinterop.moc"
