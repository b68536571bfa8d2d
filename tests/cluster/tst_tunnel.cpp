// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Local port forwarding over one session to a real HTTP server on the login node, named by a host
// name only the login node can resolve: many requests at once, large bodies, and a clean close.

#include "DemoClusterSupport.h"
#include "ScriptedInteraction.h"
#include "TestSupport.h"
#include "app/demo/DemoCluster.h"
#include "sshcore/SshConnection.h"
#include "sshcore/tunnel/SshTunnel.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using sshcore::SshConnection;
using sshcore::SshConnectionState;
using sshcore::SshTunnel;

class tst_Tunnel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void httpThroughTunnel();
    void manyConcurrentConnections();
    void unreachableTargetIsReported();
    void closeEndsConnections();

private:
    app::DemoCluster m_cluster;
    ScriptedInteraction m_interaction;
    std::unique_ptr<SshConnection> m_connection;
    std::unique_ptr<sshcore::SshCommand> m_server;
    quint16 m_serverPort = 0;
};

void tst_Tunnel::initTestCase()
{
    const auto cluster = app::DemoCluster::load(app::DemoCluster::defaultFilePath());
    QVERIFY_RESULT(cluster);
    m_cluster = *cluster;
    const auto settings = testsupport::demoSettings(m_cluster, u"alice"_s);
    m_connection = std::make_unique<SshConnection>(settings, &m_interaction);
    m_connection->open();
    QTRY_VERIFY_WITH_TIMEOUT(m_connection->state() == SshConnectionState::Connected, 30000);

    // A real HTTP server on the login node, in a folder with a 3 MiB file; it prints its port.
    m_server.reset(m_connection->runShell(
        "mkdir -p ~/www && cd ~/www && head -c 3145728 /dev/urandom > big.bin && echo hello > index.txt && "
        "exec python3 -u -c 'import http.server, socketserver\n"
        "class S(socketserver.ThreadingMixIn, http.server.HTTPServer): daemon_threads = True\n"
        "s = S((\"127.0.0.1\", 0), http.server.SimpleHTTPRequestHandler)\n"
        "print(s.server_address[1])\n"
        "s.serve_forever()'"));
    QSignalSpy output(m_server.get(), &sshcore::SshCommand::standardOutputReady);
    QVERIFY(output.wait(20000));
    m_serverPort = quint16(output.first().first().toByteArray().trimmed().toUInt());
    QVERIFY(m_serverPort != 0);
}

void tst_Tunnel::cleanupTestCase()
{
    if (m_server) {
        m_server->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(m_server->isFinished(), 10000);
    }
    m_server.reset();
    m_connection.reset();
}

void tst_Tunnel::httpThroughTunnel()
{
    // "demo-cluster" resolves only on the login node: the request must go through SSH.
    SshTunnel tunnel(m_connection.get(), "demo-cluster", m_serverPort);
    const auto port = tunnel.listen();
    QVERIFY_RESULT(port);
    QNetworkAccessManager network;
    std::unique_ptr<QNetworkReply> reply(
        network.get(QNetworkRequest(QUrl(u"http://127.0.0.1:%1/index.txt"_s.arg(*port)))));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 20000);
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->readAll(), QByteArray("hello\n"));
}

void tst_Tunnel::manyConcurrentConnections()
{
    SshTunnel tunnel(m_connection.get(), "127.0.0.1", m_serverPort);
    const auto port = tunnel.listen();
    QVERIFY_RESULT(port);
    QNetworkAccessManager network;
    std::vector<std::unique_ptr<QNetworkReply>> replies;
    for (int i = 0; i < 24; ++i) {
        QNetworkRequest request(QUrl(u"http://127.0.0.1:%1/big.bin"_s.arg(*port)));
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        replies.emplace_back(network.get(request));
    }
    QByteArray first;
    for (auto &reply : replies) {
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 60000);
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        const QByteArray body = reply->readAll();
        QCOMPARE(body.size(), 3145728);
        if (first.isEmpty())
            first = body;
        QVERIFY(body == first);
    }
    // Every connection was closed on both ends once its download was done.
    replies.clear();
    network.clearConnectionCache(); // the client's keep-alive connections end: the tunnel's follow
    QTRY_COMPARE_WITH_TIMEOUT(tunnel.activeConnections(), 0, 20000);
}

void tst_Tunnel::unreachableTargetIsReported()
{
    SshTunnel tunnel(m_connection.get(), "127.0.0.1", 1); // nothing listens on port 1
    const auto port = tunnel.listen();
    QVERIFY_RESULT(port);
    QSignalSpy failed(&tunnel, &SshTunnel::connectionFailed);
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, *port);
    QVERIFY(socket.waitForConnected(5000));
    QVERIFY(failed.wait(15000));
    QVERIFY2(failed.first().first().toString().contains(u"port 1"_s), qPrintable(failed.first().first().toString()));
    // The local side is closed too, not left hanging.
    QTRY_VERIFY_WITH_TIMEOUT(socket.state() == QAbstractSocket::UnconnectedState || socket.waitForDisconnected(100),
                             10000);
}

void tst_Tunnel::closeEndsConnections()
{
    SshTunnel tunnel(m_connection.get(), "127.0.0.1", m_serverPort);
    const auto port = tunnel.listen();
    QVERIFY_RESULT(port);
    QTcpSocket socket; // an idle keep-alive connection
    socket.connectToHost(QHostAddress::LocalHost, *port);
    QVERIFY(socket.waitForConnected(5000));
    QTRY_COMPARE_WITH_TIMEOUT(tunnel.activeConnections(), 1, 10000);
    tunnel.close();
    QTRY_COMPARE_WITH_TIMEOUT(tunnel.activeConnections(), 0, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(socket.state() == QAbstractSocket::UnconnectedState || socket.waitForDisconnected(100),
                             10000);
    // Not listening any more.
    QTcpSocket late;
    late.connectToHost(QHostAddress::LocalHost, *port);
    QVERIFY(!late.waitForConnected(2000));
}

QTEST_GUILESS_MAIN(tst_Tunnel)
#include "tst_tunnel.moc"
