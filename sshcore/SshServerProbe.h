// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/Result.h"
#include "sshcore/SshServerIdentity.h"

#include <QByteArray>
#include <QObject>
#include <QTcpSocket>
#include <QTimer>

#include <chrono>
#include <functional>

namespace sshcore {

// Asks a server for its SSH identification line without logging in: tells "reachable and speaks
// SSH" from "refused", "unknown host", "silent" and "not SSH" in one round trip, asynchronously.
class SshServerProbe : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const Result<SshServerIdentity> &)>;

    // Starts a probe owned by context: the callback runs on context's thread, and never after
    // context is destroyed.
    static void probe(const QString &host, quint16 port, std::chrono::milliseconds timeout, QObject *context,
                      Callback callback);

private:
    SshServerProbe(const QString &host, quint16 port, std::chrono::milliseconds timeout, QObject *context,
                   Callback callback);

    void onReadyRead();
    void onError(QAbstractSocket::SocketError error);
    void finish(const Result<SshServerIdentity> &result);
    QString where() const;

    QString m_host;
    quint16 m_port;
    std::chrono::milliseconds m_timeout;
    Callback m_callback;
    QTcpSocket m_socket;
    QTimer m_timer;
    QByteArray m_received;
    bool m_finished = false;
};

} // namespace sshcore
