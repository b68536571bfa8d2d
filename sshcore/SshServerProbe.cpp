// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sshcore/SshServerProbe.h"

namespace sshcore {

namespace {
// RFC 4253 lets a server send other lines before its identification; a real one sends a few.
constexpr qsizetype maxPreambleBytes = 16 * 1024;
} // namespace

void SshServerProbe::probe(const QString &host, quint16 port, std::chrono::milliseconds timeout, QObject *context,
                           Callback callback)
{
    // Owned by context: destroyed with it, so its callback can never outlive the receiver.
    new SshServerProbe(host, port, timeout, context, std::move(callback));
}

SshServerProbe::SshServerProbe(const QString &host, quint16 port, std::chrono::milliseconds timeout, QObject *context,
                               Callback callback)
    : QObject(context)
    , m_host(host)
    , m_port(port)
    , m_timeout(timeout)
    , m_callback(std::move(callback))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        finish(failure(ErrorKind::TimedOut,
                       tr("No answer from %1 within %2 s. The host may be down, or a firewall may "
                          "be dropping the connection.")
                           .arg(where())
                           .arg(std::chrono::duration_cast<std::chrono::seconds>(m_timeout).count())));
    });
    connect(&m_socket, &QTcpSocket::readyRead, this, &SshServerProbe::onReadyRead);
    connect(&m_socket, &QTcpSocket::errorOccurred, this, &SshServerProbe::onError);
    m_timer.start(m_timeout);
    m_socket.connectToHost(m_host, m_port);
}

QString SshServerProbe::where() const
{
    return tr("%1 port %2").arg(m_host).arg(m_port);
}

void SshServerProbe::onReadyRead()
{
    m_received += m_socket.readAll();
    qsizetype start = 0;
    for (qsizetype end = m_received.indexOf('\n'); end >= 0; start = end + 1, end = m_received.indexOf('\n', start)) {
        const QByteArrayView line = QByteArrayView(m_received).sliced(start, end - start + 1);
        if (line.startsWith("SSH-")) {
            auto identity = SshServerIdentity::parse(line);
            if (!identity)
                finish(failure(identity.error().withMessage(tr("%1: %2").arg(where(), identity.error().message))));
            else
                finish(identity);
            return;
        }
    }
    if (m_received.size() > maxPreambleBytes)
        finish(failure(ErrorKind::Malformed, tr("The server at %1 does not speak SSH (it sent %2 bytes without an SSH "
                                                "identification). Check the port number.")
                                                 .arg(where())
                                                 .arg(m_received.size())));
}

void SshServerProbe::onError(QAbstractSocket::SocketError error)
{
    switch (error) {
    case QAbstractSocket::HostNotFoundError:
        finish(failure(ErrorKind::NotFound, tr("The host name \"%1\" could not be resolved. Check its spelling and "
                                               "your network or VPN connection.")
                                                .arg(m_host)));
        break;
    case QAbstractSocket::ConnectionRefusedError:
        finish(failure(ErrorKind::Refused, tr("Nothing accepts connections on %1 (connection refused). Check the port "
                                              "number, and that the SSH server is running.")
                                               .arg(where())));
        break;
    case QAbstractSocket::RemoteHostClosedError:
        finish(failure(ErrorKind::LinkLost, tr("%1 closed the connection before identifying itself. The server may "
                                               "limit connections, or this may not be an SSH port.")
                                                .arg(where())));
        break;
    default:
        finish(failure(ErrorKind::LinkLost, tr("Could not reach %1: %2.").arg(where(), m_socket.errorString())));
        break;
    }
}

void SshServerProbe::finish(const Result<SshServerIdentity> &result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer.stop();
    m_socket.abort();
    if (m_callback)
        m_callback(result);
    deleteLater();
}

} // namespace sshcore
