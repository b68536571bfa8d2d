// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/Result.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>

#include <memory>

namespace sshcore {

class SshConnection;
namespace detail {
struct PtyShared;
}

// What runs on a pseudo-terminal, and the terminal's first size.
struct PtyOptions
{
    // Empty: the user's login shell (a "shell" request). Otherwise a command line for the remote
    // shell ("exec"), built with ShellQuote; never paste user input into it.
    QByteArray command;
    QByteArray term = "xterm-256color";
    int columns = 80;
    int rows = 24;
    // Asked for with "env" requests before the program starts; a server that refuses one (OpenSSH
    // takes only what AcceptEnv lists) is not an error.
    QList<QPair<QByteArray, QByteArray>> environment;
};

// An interactive program on a pseudo-terminal, on one channel of the connection's one session (no
// second login, no second factor). Lives in the thread that asked for it; the channel lives on the
// connection's worker thread.
//
// Output is flow-controlled: at most outputWindow() bytes are delivered through outputReady and not
// yet passed to consumed(); until the reader catches up, the channel is not read, the server's
// window fills and the remote program waits. A terminal that shows output as fast as it can calls
// consumed() as it hands each chunk on; one that falls behind slows the program instead of growing
// a queue.
//
// Deleting it, or close(), hangs up (the remote program gets SIGHUP when its channel closes).
class SshPty : public QObject
{
    Q_OBJECT

public:
    ~SshPty() override;

    // Keystrokes and pasted text for the program's terminal, in order; nothing is lost before
    // started() (it is sent once the program runs).
    void write(const QByteArray &data);
    // A window-change request; only the last of several quick ones is sent.
    void resize(int columns, int rows);
    void consumed(qint64 bytes);
    // Hangs up. finished() follows with ErrorKind::Cancelled (unless the program ended first).
    void close();

    static constexpr qint64 outputWindow() { return 512 * 1024; }
    bool isStarted() const { return m_started; }
    bool isFinished() const { return m_finished; }
    int exitStatus() const { return m_exitStatus; }
    // Why it ended when it did not end by itself: a dropped link (LinkLost), a refused channel or
    // PTY (Refused), close() (Cancelled). Empty message when the program exited.
    const Error &error() const { return m_error; }

Q_SIGNALS:
    // The channel is open, the terminal allocated and the program started.
    void started();
    // What the program wrote (stdout and stderr, as a PTY merges them).
    void outputReady(const QByteArray &data);
    // Exactly once. error.message is empty when the program ended by itself: its exitStatus, or
    // the signal that killed it (exitSignal, e.g. "HUP", with exitStatus -1). Otherwise exitStatus
    // is -1 and exitSignal empty.
    void finished(int exitStatus, const QString &exitSignal, const sshcore::Error &error);

private:
    friend class SshConnection;
    SshPty(SshConnection *connection, std::shared_ptr<detail::PtyShared> shared, QObject *parent);

    void onStarted();
    void onOutput(const QByteArray &data);
    void onFinished(int exitStatus, const QString &exitSignal, const sshcore::Error &error);
    void wake();

    QPointer<SshConnection> m_connection;
    std::shared_ptr<detail::PtyShared> m_shared;
    bool m_started = false;
    bool m_finished = false;
    int m_exitStatus = -1;
    Error m_error;
};

} // namespace sshcore
