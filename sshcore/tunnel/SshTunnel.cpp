// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sshcore/tunnel/SshTunnel.h"

#include "sshcore/SshConnection.h"
#include "sshcore/tunnel/ForwardOperation.h"

#include <fcntl.h>
#include <unistd.h>

namespace sshcore {

SshTunnel::SshTunnel(SshConnection *connection, QByteArray targetHost, quint16 targetPort, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_targetHost(std::move(targetHost))
    , m_targetPort(targetPort)
    , m_server(this)
    , m_shared(std::make_shared<detail::ForwardShared>())
{}

SshTunnel::~SshTunnel()
{
    close();
}

Result<quint16> SshTunnel::listen(quint16 localPort)
{
    if (m_server.isListening())
        return m_server.serverPort();
    // Loopback only: a tunnel into a cluster must never be reachable from the network.
    if (!m_server.listen(QHostAddress::LocalHost, localPort))
        return failure(tr("Cannot listen on 127.0.0.1 port %1: %2.").arg(localPort).arg(m_server.errorString()));
    return m_server.serverPort();
}

void SshTunnel::close()
{
    m_server.close();
    m_shared->closing = true;
    if (m_connection)
        m_connection->wakeWorker();
    // New connections after a reopen get a fresh flag; the closing ones keep theirs.
    m_shared = std::make_shared<detail::ForwardShared>();
}

void SshTunnel::forward(int socket)
{
    if (!m_connection) {
        ::close(socket);
        return;
    }
    ::fcntl(socket, F_SETFL, ::fcntl(socket, F_GETFL) | O_NONBLOCK);
    auto *relay = new detail::ForwardRelay;
    connect(relay, &detail::ForwardRelay::closed, this, [this](const QString &error) {
        --m_active;
        Q_EMIT activeConnectionsChanged(m_active);
        if (!error.isEmpty())
            Q_EMIT connectionFailed(error);
    });
    relay->moveToThread(m_connection->workerThread());
    ++m_active;
    Q_EMIT activeConnectionsChanged(m_active);
    m_connection->submit(
        std::make_shared<detail::ForwardOperation>(socket, m_targetHost, m_targetPort, m_shared, relay));
}

} // namespace sshcore
