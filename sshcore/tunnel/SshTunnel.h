// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/Result.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTcpServer>

#include <memory>

namespace sshcore {

class SshConnection;
namespace detail {
struct ForwardShared;
}

// Local port forwarding: listens on 127.0.0.1 and carries every accepted connection over its own
// direct-tcpip channel to host:port as seen from the server (the login node). Closing the tunnel
// (or destroying it) stops listening and ends its connections on both sides.
class SshTunnel : public QObject
{
    Q_OBJECT

public:
    SshTunnel(SshConnection *connection, QByteArray targetHost, quint16 targetPort, QObject *parent = nullptr);
    ~SshTunnel() override;

    // localPort 0: any free port. Returns the port listened on.
    Result<quint16> listen(quint16 localPort = 0);
    void close();

    quint16 localPort() const { return m_server.serverPort(); }
    int activeConnections() const { return m_active; }

Q_SIGNALS:
    void activeConnectionsChanged(int count);
    // A connection could not be carried (for example nothing listens at the target).
    void connectionFailed(const QString &error);

private:
    class Server : public QTcpServer
    {
    public:
        explicit Server(SshTunnel *tunnel)
            : m_tunnel(tunnel)
        {}

    protected:
        void incomingConnection(qintptr socketDescriptor) override { m_tunnel->forward(int(socketDescriptor)); }

    private:
        SshTunnel *m_tunnel;
    };

    void forward(int socket);

    QPointer<SshConnection> m_connection;
    QByteArray m_targetHost;
    quint16 m_targetPort;
    Server m_server;
    std::shared_ptr<detail::ForwardShared> m_shared;
    int m_active = 0;
};

} // namespace sshcore
