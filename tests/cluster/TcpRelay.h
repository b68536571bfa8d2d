// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

// A TCP relay a test owns, between a client (the app's connection) and a server (the demo sshd):
// the bytes go through as they come, until cut(), which closes every relayed connection and stops
// listening, so the link is gone and cannot come back, as when a laptop leaves the network or a
// login node goes down. It runs on the test's thread: it relays while that thread's event loop runs
// (in QTRY_*, in qWait, and in any local event loop the code under test runs). setPace() makes it a
// slow link from the server to the client.

#include <QHostAddress>
#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <memory>

class TcpRelay : public QObject
{
public:
    TcpRelay(const QString &host, quint16 port)
        : m_host(host)
        , m_port(port)
    {
        connect(&m_server, &QTcpServer::newConnection, this, &TcpRelay::accept);
        m_paceTimer.setInterval(20);
        connect(&m_paceTimer, &QTimer::timeout, this, [this] {
            m_allowance = std::min(m_allowance + m_pace / 50, m_pace / 5); // at most 200 ms at once
            for (const Pipe &pipe : std::as_const(m_pipes)) {
                if (pipe.client)
                    toClient(pipe.client, *pipe.pending);
            }
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    quint16 port() const { return m_server.serverPort(); }
    bool isCut() const { return m_cut; }
    // After this many connections, nothing listens any more: the next ones are refused.
    void acceptAtMost(int connections) { m_acceptLeft = connections; }

    // At most bytesPerSecond from the server to all clients together, the rest waiting in the relay.
    void setPace(qint64 bytesPerSecond)
    {
        m_pace = bytesPerSecond;
        m_paceTimer.start();
    }

    // Cuts once bytes more have gone from the server to the client; then calls cutNow.
    void cutAfter(qint64 bytes, std::function<void()> cutNow = {})
    {
        m_budget = bytes;
        m_onCut = std::move(cutNow);
    }

    void cut()
    {
        if (m_cut)
            return;
        m_cut = true;
        m_server.close();
        for (const QPointer<QTcpSocket> &socket : std::as_const(m_sockets)) {
            if (socket)
                socket->abort();
        }
        if (m_onCut)
            m_onCut();
    }

    // Writes noise of its own to every client (bytes that wait unread in an idle client's socket and
    // hide what follows them from a peek), then closes every link in order (an end of stream, not a
    // reset). The relay keeps listening: a new connection goes through again.
    void hangUp(const QByteArray &noise)
    {
        for (const QPointer<QTcpSocket> &client : std::as_const(m_clients)) {
            if (client) {
                client->write(noise);
                client->disconnectFromHost();
            }
        }
        m_clients.clear();
    }

private:
    void accept()
    {
        while (QTcpSocket *client = m_server.nextPendingConnection()) {
            if (m_acceptLeft >= 0 && --m_acceptLeft <= 0)
                m_server.close();
            client->setParent(this);
            auto *server = new QTcpSocket(this);
            m_sockets.append(client);
            m_clients.append(client);
            m_sockets.append(server);
            // What the client sends before the server's side is connected waits in the client
            // socket.
            const auto toServer = [client, server] {
                if (server->state() == QAbstractSocket::ConnectedState)
                    server->write(client->readAll());
            };
            connect(client, &QTcpSocket::readyRead, server, toServer);
            connect(server, &QTcpSocket::connected, client, toServer);
            auto pending = std::make_shared<QByteArray>();
            m_pipes.append({client, pending});
            connect(server, &QTcpSocket::readyRead, client, [this, client, server, pending] {
                pending->append(server->readAll());
                toClient(client, *pending);
            });
            // Either side going away closes the other: the relay is only a wire.
            connect(client, &QTcpSocket::disconnected, server, &QTcpSocket::disconnectFromHost);
            connect(server, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
            server->connectToHost(m_host, m_port);
        }
    }

    // What the pace lets through now of what waits for client.
    void toClient(QTcpSocket *client, QByteArray &pending)
    {
        qint64 bytes = pending.size();
        if (m_pace >= 0)
            bytes = std::min(bytes, m_allowance);
        if (m_cut || bytes <= 0)
            return;
        client->write(pending.constData(), bytes);
        pending.remove(0, bytes);
        if (m_pace >= 0)
            m_allowance -= bytes;
        if (m_budget >= 0 && (m_budget -= bytes) <= 0)
            cut();
    }

    struct Pipe
    {
        QPointer<QTcpSocket> client;
        std::shared_ptr<QByteArray> pending; // from the server, not yet let through
    };

    QString m_host;
    quint16 m_port;
    QTcpServer m_server;
    QList<QPointer<QTcpSocket>> m_sockets;
    QList<QPointer<QTcpSocket>> m_clients;
    qint64 m_budget = -1; // bytes to the client before the cut; negative: no cut planned
    std::function<void()> m_onCut;
    bool m_cut = false;
    int m_acceptLeft = -1; // negative: no limit
    QList<Pipe> m_pipes;
    qint64 m_pace = -1; // bytes per second; negative: no limit
    qint64 m_allowance = 0;
    QTimer m_paceTimer;
};
