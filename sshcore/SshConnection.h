// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/SshAlgorithms.h"
#include "sshcore/SshCommand.h"
#include "sshcore/SshConnectionSettings.h"
#include "sshcore/SshConnectionState.h"
#include "sshcore/SshInteraction.h"
#include "sshcore/SshPty.h"
#include "sshcore/UnattendedLogin.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QThread>

#include <chrono>
#include <functional>
#include <memory>

namespace sshcore {

namespace detail {
class SessionWorker;
class Operation;
} // namespace detail

struct SshCommandOptions
{
    QByteArray input;                // sent to the command's stdin, then EOF
    std::chrono::seconds timeout{0}; // 0: none
    // Run in the connection's persistent shell: no new session or process on the server per call,
    // which makes short, frequent commands (squeue, sacct) several times faster. Such commands run
    // one after another and get no input; cancelling or timing one out restarts that shell.
    bool persistentShell = false;
};

// One long-lived, authenticated SSH session to a cluster, carrying every command (and, later,
// file transfer and tunnel). The libssh2 session lives on this connection's own worker thread;
// everything here is asynchronous and safe to call from the thread that made the connection.
// One object can be opened, closed and opened again (with new settings in between): whoever holds
// it keeps a valid pointer for as long as it exists. Deleting it never waits for the worker thread
// (which may sit in getaddrinfo()): the thread stops on its own and frees what it owned.
class SshConnection : public QObject
{
    Q_OBJECT

public:
    // interaction answers host-key, password and prompt questions; it may be null (non-interactive).
    SshConnection(SshConnectionSettings settings, SshInteraction *interaction, QObject *parent = nullptr);
    ~SshConnection() override;

    const SshConnectionSettings &settings() const { return m_settings; }
    // Replaces the settings for the next open(); only while not open (Disconnected or Failed), else
    // it changes nothing and answers false. What the last session remembered (passwords typed) is
    // forgotten.
    bool setSettings(SshConnectionSettings settings);
    SshConnectionState state() const { return m_state; }
    // The algorithms the last handshake settled on (empty before the first): kept after a close, and
    // replaced by a reconnection's.
    SshNegotiatedMethods negotiatedMethods() const { return m_negotiated; }
    QString stateMessage() const { return m_stateMessage; }
    // The last login needed no person: a key, the agent or a secret from a keyring did it, with no
    // second factor and nothing typed. Known from Connected on (false before, and through jump hosts).
    bool loginNeedsNoPerson() const { return m_unattended.has_value(); }
    // How another session to this server logs in the same way without asking anyone (see
    // UnattendedInteraction); nothing unless loginNeedsNoPerson().
    const std::optional<UnattendedLogin> &unattendedLogin() const { return m_unattended; }

    void open();
    void close();

    // Runs a program with arguments; each argument is quoted for the remote shell by ShellQuote.
    SshCommand *run(const QList<QByteArray> &arguments, const SshCommandOptions &options = {},
                    QObject *parent = nullptr);
    // Runs a shell command line as is. Build it with ShellQuote; never paste user input into it.
    SshCommand *runShell(const QByteArray &commandLine, const SshCommandOptions &options = {},
                         QObject *parent = nullptr);

    // A program (the login shell, or options.command) on a pseudo-terminal, on a channel of this
    // session. A terminal asked for while (re)connecting starts once the session is up.
    SshPty *openPty(const PtyOptions &options, QObject *parent = nullptr);

    // Makes the worker look at its operations now (after a cancellation).
    void wakeWorker();

    // For sshcore's own clients (SftpClient, tunnels): run an operation on the session's thread.
    void submit(std::shared_ptr<detail::Operation> operation);
    QThread *workerThread() { return m_thread; }

    // Worker threads of deleted connections that have not finished yet (e.g. still resolving a
    // host name); for tests and diagnostics. Frees those that have finished meanwhile.
    static int orphanedThreads();

Q_SIGNALS:
    void stateChanged(sshcore::SshConnectionState state, const QString &message);
    void bannerReceived(const QString &banner);

private:
    void post(std::function<void(detail::SessionWorker *)> work);
    void onWorkerState(SshConnectionState state, const QString &message);

    SshConnectionSettings m_settings;
    QThread *m_thread; // outlives this object when deleted while busy: see ~SshConnection
    detail::SessionWorker *m_worker;
    SshConnectionState m_state = SshConnectionState::Disconnected;
    QString m_stateMessage;
    SshNegotiatedMethods m_negotiated;
    std::optional<UnattendedLogin> m_unattended;
};

} // namespace sshcore
