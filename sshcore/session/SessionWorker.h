// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/Libssh2Library.h"
#include "sshcore/Result.h"
#include "sshcore/SshAlgorithms.h"
#include "sshcore/SshConnectionSettings.h"
#include "sshcore/SshConnectionState.h"
#include "sshcore/SshInteraction.h"
#include "sshcore/UnattendedLogin.h"
#include "sshcore/session/Authenticator.h"
#include "sshcore/session/Operation.h"
#include "sshcore/session/SessionMemory.h"
#include "sshcore/session/ShellRunnerOperation.h"
#include "sshcore/sftp/SftpSession.h"

#include <QObject>
#include <QPointer>
#include <QSocketNotifier>
#include <QTimer>

#include <atomic>
#include <chrono>
#include <deque>
#include <libssh2.h>
#include <memory>
#include <vector>

namespace sshcore {
class SshConnection;
}

namespace sshcore::detail {

// Owns one libssh2 session and its socket on the connection's worker thread. Connecting
// (TCP, handshake, host key, authentication) runs as sequential non-blocking steps that wait on
// poll(); once connected, operations are multiplexed and driven by socket notifiers and libssh2's
// block directions. Nothing here is called from another thread except requestStop().
class SessionWorker : public QObject
{
    Q_OBJECT

public:
    SessionWorker(SshConnectionSettings settings, QPointer<SshInteraction> interaction);
    ~SessionWorker() override;

    // Thread-safe: makes any wait in progress return, so that the worker thread can finish.
    void requestStop();

    // Worker thread only.
    // For the next start(); the connection calls it only while not connected.
    void setSettings(SshConnectionSettings settings);
    void start();
    void stop();
    void addOperation(std::shared_ptr<Operation> operation);
    void addShellJob(RunnerJob job);
    void wake() { pump(); }

Q_SIGNALS:
    void stateChanged(sshcore::SshConnectionState state, const QString &message);
    void serverBanner(const QString &banner);
    // After each handshake, before the state says Connected.
    void methodsNegotiated(const sshcore::SshNegotiatedMethods &methods);
    // After each login, before the state says Connected: how another session could log in the
    // same way without a person, or nothing if it could not.
    void loginUnattended(const std::optional<sshcore::UnattendedLogin> &login);

private:
    Result<> connectOnce();
    Result<int> openSocket();
    Result<int> openThroughJumpHost();
    Result<> verifyHostKey();
    std::optional<UnattendedLogin> unattendedLogin(bool personAnswered) const;
    Result<> waitSocket(std::chrono::steady_clock::time_point deadline);
    void setState(SshConnectionState state, const QString &message = {});
    void teardown();
    void linkLost(const Error &why);
    bool idleLinkLost(); // reports it and says so when the idle socket shows the link gone
    void scheduleReconnect();
    void pump();
    void updateNotifiers();
    void onTick();
    void onReadable();
    void reconnect();
    bool sessionBroken() const;

    template<typename Answer, typename Ask>
    Answer askAndWait(Answer cancelled, Ask ask);

    static ssize_t receive(libssh2_socket_t socket, void *buffer, size_t length, int flags, void **abstract);

    SshConnectionSettings m_settings;
    QPointer<SshInteraction> m_interaction;
    SshConnectionState m_state = SshConnectionState::Disconnected;
    RememberedSecrets m_secrets;

    int m_socket = -1;
    int m_wakeFd = -1; // eventfd: requestStop() interrupts poll()
    std::atomic<bool> m_stopRequested{false};
    LIBSSH2_SESSION *m_session = nullptr;
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    QTimer m_tick;
    QTimer m_reconnectTimer;
    int m_reconnectAttempt = 0;
    bool m_everConnected = false;

    std::vector<std::shared_ptr<Operation>> m_active;
    std::deque<std::shared_ptr<Operation>> m_waiting;
    int m_maxChannels = 10; // from the settings; lowered if the server refuses more
    bool m_pumping = false;
    // Within one pump: the socket had nothing to read the last time it was asked. libssh2 asks again
    // on every channel read and write; those asks are answered here without a system call until the
    // next pump, which the read notifier starts as soon as data arrives.
    bool m_receiveDrained = false;

    SessionMemory m_memory{Libssh2Library::patched()}; // outlives every session this worker makes
    SessionContext m_context;
    std::shared_ptr<ShellRunnerOperation> m_runner;
    std::unique_ptr<SshConnection> m_jump; // the nearest jump host's session, carrying ours
    Error m_lastError;
    SftpChannels m_sftp;
    bool m_lastFailureRetryable = true;
    std::chrono::steady_clock::time_point m_lastReceived;
    int m_idleBytesSeen = 0;
};

} // namespace sshcore::detail
