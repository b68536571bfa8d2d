// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/Result.h"
#include "sshcore/session/Operation.h"

#include <QByteArray>
#include <QObject>

#include <atomic>
#include <chrono>
#include <memory>

namespace sshcore::detail {

// Carries a command's output and end from the worker thread to the SshCommand that asked for it.
// Lives in the worker thread; its queued signals are dropped if the command is gone.
class ExecRelay : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

Q_SIGNALS:
    void standardOutput(const QByteArray &data);
    void standardError(const QByteArray &data);
    // An error (its message is never empty): the command did not finish normally, exitStatus is -1.
    void finished(int exitStatus, const QString &exitSignal, const sshcore::Error &error);
};

struct ExecShared
{
    std::atomic<bool> cancelled{false};
};

// A command on its own session channel: exec, optional input then EOF, stdout and stderr
// streamed, exit status, close.
class ExecOperation : public Operation
{
public:
    ExecOperation(QByteArray command, QByteArray input, std::chrono::seconds timeout,
                  std::shared_ptr<ExecShared> shared, ExecRelay *relay);
    ~ExecOperation() override;

    Step step(LIBSSH2_SESSION *session) override;
    void abandon(const Error &why) override;
    void tick() override;

private:
    enum class State { Opening, Executing, Running, Signalling, Closing, WaitingClosed, Freeing };

    Step fail(LIBSSH2_SESSION *session, const Error &why);
    Step readStreams(LIBSSH2_SESSION *session, bool *progressed);

    State m_state = State::Opening;
    LIBSSH2_CHANNEL *m_channel = nullptr;
    QByteArray m_command;
    QByteArray m_input;
    qsizetype m_inputOffset = 0;
    bool m_eofSent = false;
    std::chrono::seconds m_timeout;
    std::chrono::steady_clock::time_point m_started;
    std::shared_ptr<ExecShared> m_shared;
    ExecRelay *m_relay;
    Error m_stopReason; // set when cancelled or timed out: signal, close and report this
    std::chrono::steady_clock::time_point m_stopped;
    Error m_error;
    int m_exitStatus = -1;
    QString m_exitSignal;
};

} // namespace sshcore::detail
