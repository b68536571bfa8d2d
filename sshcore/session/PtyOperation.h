// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/Result.h"
#include "sshcore/SshPty.h"
#include "sshcore/session/Operation.h"

#include <QByteArray>
#include <QMutex>
#include <QObject>

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>

namespace sshcore::detail {

// Carries a terminal's start, output and end from the worker thread to the SshPty that asked for it.
// Lives in the worker thread; its queued signals are dropped if the SshPty is gone.
class PtyRelay : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

Q_SIGNALS:
    void started();
    void output(const QByteArray &data);
    void finished(int exitStatus, const QString &exitSignal, const sshcore::Error &error);
};

// What the GUI thread hands to the worker for one terminal. The SshPty writes, the operation takes.
struct PtyShared
{
    struct Size
    {
        int columns = 0;
        int rows = 0;
    };

    QMutex mutex;
    QByteArray input;           // guarded by mutex: keystrokes not yet taken by the worker
    std::optional<Size> resize; // guarded by mutex: the last size asked for and not yet taken
    // Bytes delivered through outputReady and not yet passed to consumed(): the worker reads the
    // channel only while this is below SshPty::outputWindow().
    std::atomic<qint64> unconsumed{0};
    std::atomic<bool> closing{false}; // close() or the SshPty deleted: hang up
};

// A program on a pseudo-terminal on its own session channel: env requests, pty-req with terminal
// modes, shell or exec, then keystrokes, window changes and flow-controlled output until either side
// ends it.
class PtyOperation : public Operation
{
public:
    PtyOperation(PtyOptions options, std::shared_ptr<PtyShared> shared, PtyRelay *relay);
    ~PtyOperation() override;

    Step step(LIBSSH2_SESSION *session) override;
    void abandon(const Error &why) override;

    // RFC 4254 §8's encoded terminal modes sent with the pty-req: erase is DEL (what terminal
    // emulators send for Backspace) and the input is UTF-8 (so the line editor erases whole
    // characters).
    static QByteArray terminalModes();

private:
    enum class State { Opening, Environment, RequestingPty, Starting, Running, Closing, WaitingClosed, Freeing };

    Step fail(LIBSSH2_SESSION *session, const Error &why);
    // A dropped link, said for a terminal (once the program ran); any other error as it is.
    Error ended(const Error &why) const;
    Step relay(LIBSSH2_SESSION *session, bool *progressed);
    bool readOutput(LIBSSH2_SESSION *session, bool *progressed, Error *error);

    State m_state = State::Opening;
    LIBSSH2_CHANNEL *m_channel = nullptr;
    PtyOptions m_options;
    std::shared_ptr<PtyShared> m_shared;
    PtyRelay *m_relay;
    qsizetype m_environmentIndex = 0;
    QByteArray m_input;                        // taken from the shared queue, not yet accepted by the channel
    std::optional<PtyShared::Size> m_resizing; // being sent (libssh2 wants the same call repeated)
    bool m_started = false;
    Error m_error; // set when the terminal did not end by itself: reported after the channel is freed
    std::chrono::steady_clock::time_point m_closedAt;
    int m_exitStatus = -1;
    QString m_exitSignal;
};

} // namespace sshcore::detail
