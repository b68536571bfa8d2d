// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/Result.h"

#include <QString>

#include <chrono>
#include <memory>

class QThread;

namespace bench {

// A TCP proxy on 127.0.0.1 that delivers every chunk it reads a fixed delay later, in both
// directions: the round-trip latency of a distant cluster without netem (not available here).
// Bandwidth is not limited: everything available is read at once and queued with its due time.
// It runs on a thread of its own with poll(); any number of connections, each to the same target.
class DelayProxy
{
public:
    DelayProxy(QString targetHost, quint16 targetPort, std::chrono::milliseconds oneWay);
    ~DelayProxy(); // stops the thread and closes every connection
    DelayProxy(const DelayProxy &) = delete;
    DelayProxy &operator=(const DelayProxy &) = delete;

    // Listens on an ephemeral loopback port and starts forwarding; the port.
    sshcore::Result<quint16> start();
    void stop();

private:
    void run();

    QString m_targetHost;
    quint16 m_targetPort;
    std::chrono::milliseconds m_delay;
    int m_listener = -1;
    int m_wake[2] = {-1, -1}; // written to stop the thread
    std::unique_ptr<QThread> m_thread;
};

} // namespace bench
