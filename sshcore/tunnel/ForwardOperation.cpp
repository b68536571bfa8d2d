// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sshcore/tunnel/ForwardOperation.h"

#include "sshcore/session/LibsshErrors.h"

#include <cerrno>
#include <sys/socket.h>
#include <unistd.h>

namespace sshcore::detail {

namespace {
constexpr qsizetype chunk = 128 * 1024;
} // namespace

ForwardOperation::ForwardOperation(int localSocket, QByteArray host, quint16 port,
                                   std::shared_ptr<ForwardShared> shared, ForwardRelay *relay)
    : m_socket(localSocket)
    , m_host(std::move(host))
    , m_port(port)
    , m_shared(std::move(shared))
    , m_relay(relay)
{}

ForwardOperation::~ForwardOperation()
{
    delete m_readNotifier;
    delete m_writeNotifier;
    if (m_socket >= 0)
        ::close(m_socket);
    if (m_relay)
        m_relay->deleteLater();
}

void ForwardOperation::abandon(const Error &why)
{
    m_channel = nullptr;
    Q_EMIT m_relay->closed(why.message);
}

void ForwardOperation::updateNotifiers()
{
    if (!m_readNotifier) {
        // Made on the worker thread, at the first step.
        m_readNotifier = new QSocketNotifier(qintptr(m_socket), QSocketNotifier::Read);
        m_writeNotifier = new QSocketNotifier(qintptr(m_socket), QSocketNotifier::Write);
        QObject::connect(m_readNotifier, &QSocketNotifier::activated, m_relay, [this] { m_wake(); });
        QObject::connect(m_writeNotifier, &QSocketNotifier::activated, m_relay, [this] { m_wake(); });
    }
    const bool relaying = m_state == State::Relaying;
    m_readNotifier->setEnabled(relaying && !m_localEof && m_toRemote.size() < chunk);
    m_writeNotifier->setEnabled(relaying && !m_toLocal.isEmpty());
}

Operation::Step ForwardOperation::close(LIBSSH2_SESSION *session, const QString &error)
{
    if (m_error.isEmpty())
        m_error = error;
    if (m_state == State::Relaying || m_state == State::Opening)
        m_state = m_channel ? State::Closing : State::Freeing;
    updateNotifiers();
    if (m_state == State::Closing) {
        if (libssh2_channel_close(m_channel) == LIBSSH2_ERROR_EAGAIN)
            return Step::Blocked;
        m_state = State::Freeing;
    }
    if (m_channel) {
        if (libssh2_channel_free(m_channel) == LIBSSH2_ERROR_EAGAIN)
            return Step::Blocked;
        m_channel = nullptr;
    }
    Q_UNUSED(session)
    ::shutdown(m_socket, SHUT_RDWR);
    Q_EMIT m_relay->closed(m_error);
    return Step::Finished;
}

Operation::Step ForwardOperation::step(LIBSSH2_SESSION *session)
{
    if (m_state == State::Closing || m_state == State::Freeing)
        return close(session, {});
    if (m_shared->closing)
        return close(session, {});
    bool progressed = false;
    if (m_state == State::Opening) {
        m_channel = libssh2_channel_direct_tcpip_ex(session, m_host.constData(), m_port, "127.0.0.1", 0);
        if (!m_channel) {
            const int error = libssh2_session_last_errno(session);
            if (error == LIBSSH2_ERROR_EAGAIN) {
                updateNotifiers();
                return Step::Blocked;
            }
            return close(session, QStringLiteral("The server could not open a connection to %1 port %2: %3")
                                      .arg(QString::fromUtf8(m_host))
                                      .arg(m_port)
                                      .arg(libsshError(session, "libssh2 says").message));
        }
        m_state = State::Relaying;
        progressed = true;
        Q_EMIT m_relay->opened();
    }

    char buffer[chunk];
    bool moved = true;
    while (moved) {
        moved = false;
        // Local -> remote.
        if (!m_localEof && m_toRemote.size() < chunk) {
            const ssize_t n = ::recv(m_socket, buffer, sizeof buffer, MSG_DONTWAIT);
            if (n > 0) {
                m_toRemote.append(buffer, n);
                moved = true;
            } else if (n == 0) {
                m_localEof = true;
                moved = true;
            } else if (errno != EAGAIN && errno != EWOULDBLOCK) {
                return close(session, {}); // the local side reset: nothing to report
            }
        }
        while (!m_toRemote.isEmpty()) {
            const ssize_t n = libssh2_channel_write(m_channel, m_toRemote.constData(), size_t(m_toRemote.size()));
            if (n == LIBSSH2_ERROR_EAGAIN)
                break;
            if (n < 0)
                return close(session, libsshError(session, "Forwarding failed").message);
            m_toRemote.remove(0, n);
            moved = true;
        }
        if (m_localEof && m_toRemote.isEmpty() && !m_remoteEofSent) {
            const int rc = libssh2_channel_send_eof(m_channel);
            if (rc == 0) {
                m_remoteEofSent = true;
                moved = true;
            } else if (rc != LIBSSH2_ERROR_EAGAIN) {
                return close(session, libsshError(session, "Forwarding failed").message);
            }
        }
        // Remote -> local, only while the local side keeps up (back-pressure on the SSH window).
        if (m_toLocal.isEmpty() && !m_remoteEof) {
            const ssize_t n = libssh2_channel_read(m_channel, buffer, sizeof buffer);
            if (n > 0) {
                m_toLocal.append(buffer, n);
                moved = true;
            } else if (n == 0 || n == LIBSSH2_ERROR_EAGAIN) {
                if (libssh2_channel_eof(m_channel)) {
                    m_remoteEof = true;
                    ::shutdown(m_socket, SHUT_WR);
                    moved = true;
                }
            } else {
                return close(session, libsshError(session, "Forwarding failed").message);
            }
        }
        while (!m_toLocal.isEmpty()) {
            const ssize_t n = ::send(m_socket, m_toLocal.constData(), size_t(m_toLocal.size()),
                                     MSG_DONTWAIT | MSG_NOSIGNAL);
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
                break;
            if (n < 0)
                return close(session, {});
            m_toLocal.remove(0, n);
            moved = true;
        }
        progressed |= moved;
        // Both directions done: the server's side ended and was delivered, and the local side ended.
        if (m_remoteEof && m_toLocal.isEmpty() && m_localEof)
            return close(session, {});
    }
    updateNotifiers();
    return progressed ? Step::Progressed : Step::Blocked;
}

} // namespace sshcore::detail
