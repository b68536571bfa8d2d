#pragma once

#include "sshcore/SshCommand.h"
#include "sshcore/SshConnectionSettings.h"
#include "sshcore/SshConnectionState.h"
#include "sshcore/SshInteraction.h"

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
class SshConnection : public QObject
{
    Q_OBJECT

public:
    // interaction answers host-key, password and prompt questions; it may be null (non-interactive).
    SshConnection(SshConnectionSettings settings, SshInteraction *interaction, QObject *parent = nullptr);
    ~SshConnection() override;

    const SshConnectionSettings &settings() const { return m_settings; }
    SshConnectionState state() const { return m_state; }
    QString stateMessage() const { return m_stateMessage; }

    void open();
    void close();

    // Runs a program with arguments; each argument is quoted for the remote shell by ShellQuote.
    SshCommand *run(const QList<QByteArray> &arguments, const SshCommandOptions &options = {}, QObject *parent = nullptr);
    // Runs a shell command line as is. Build it with ShellQuote; never paste user input into it.
    SshCommand *runShell(const QByteArray &commandLine, const SshCommandOptions &options = {}, QObject *parent = nullptr);

    // Makes the worker look at its operations now (after a cancellation).
    void wakeWorker();

    // For sshcore's own clients (SftpClient, tunnels): run an operation on the session's thread.
    void submit(std::shared_ptr<detail::Operation> operation);
    QThread *workerThread() { return &m_thread; }

Q_SIGNALS:
    void stateChanged(sshcore::SshConnectionState state, const QString &message);
    void bannerReceived(const QString &banner);

private:
    void post(std::function<void(detail::SessionWorker *)> work);
    void onWorkerState(SshConnectionState state, const QString &message);

    SshConnectionSettings m_settings;
    QThread m_thread;
    detail::SessionWorker *m_worker;
    SshConnectionState m_state = SshConnectionState::Disconnected;
    QString m_stateMessage;
};

} // namespace sshcore
