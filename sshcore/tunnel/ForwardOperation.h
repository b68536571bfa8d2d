// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/session/Operation.h"

#include <QByteArray>
#include <QObject>
#include <QSocketNotifier>

#include <atomic>
#include <memory>

namespace sshcore::detail {

// Tells the tunnel (in its own thread) how its connections fare.
class ForwardRelay : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

Q_SIGNALS:
    void opened();
    void closed(const QString &error); // empty: a clean close
};

struct ForwardShared
{
    std::atomic<bool> closing{false}; // the tunnel was closed: end this connection
};

// One accepted local connection carried over a direct-tcpip channel to host:port as seen from the
// server, in both directions, with back-pressure, half-close and a clean close on both ends.
class ForwardOperation : public Operation
{
public:
    ForwardOperation(int localSocket, QByteArray host, quint16 port, std::shared_ptr<ForwardShared> shared,
                     ForwardRelay *relay);
    ~ForwardOperation() override;

    // Tunnels are not sessions: OpenSSH's MaxSessions does not count them.
    bool needsChannel() const override { return false; }
    Step step(LIBSSH2_SESSION *session) override;
    void abandon(const Error &why) override;
    void bindWake(std::function<void()> wake) override { m_wake = std::move(wake); }

private:
    enum class State { Opening, Relaying, Closing, Freeing };
    Step close(LIBSSH2_SESSION *session, const QString &error);
    void updateNotifiers();

    State m_state = State::Opening;
    int m_socket;
    QByteArray m_host;
    quint16 m_port;
    std::shared_ptr<ForwardShared> m_shared;
    ForwardRelay *m_relay;
    std::function<void()> m_wake;
    LIBSSH2_CHANNEL *m_channel = nullptr;
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    QByteArray m_toRemote; // read locally, not yet taken by the channel
    QByteArray m_toLocal;  // read from the channel, not yet written locally
    bool m_localEof = false;
    bool m_remoteEofSent = false;
    bool m_remoteEof = false;
    QString m_error;
};

} // namespace sshcore::detail
