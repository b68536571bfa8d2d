// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/session/ExecOperation.h"

#include <QByteArray>

#include <chrono>
#include <deque>
#include <memory>
#include <optional>

namespace sshcore::detail {

// A command for the persistent shell.
struct RunnerJob
{
    QByteArray commandLine; // already quoted by ShellQuote
    std::chrono::seconds timeout{0};
    std::shared_ptr<ExecShared> shared;
    ExecRelay *relay = nullptr;
};

// One long-lived /bin/sh on its own channel that runs short commands one after another, so that a
// command costs no new session, process fork of sshd or login shell on the server (what makes
// polling squeue fast). Each command runs in a subshell with stdin from /dev/null; its end is
// found by a random marker on stdout (with the exit status) and on stderr. A command that times out
// or is cancelled takes the shell down with it; the next command gets a new one.
class ShellRunnerOperation : public Operation
{
public:
    ShellRunnerOperation() = default;
    ~ShellRunnerOperation() override;

    void enqueue(RunnerJob job) { m_queue.push_back(std::move(job)); }
    // It ended (no work left after its shell went away); the worker makes a new one when needed.
    bool done() const { return m_done; }
    Step step(LIBSSH2_SESSION *session) override;
    void abandon(const Error &why) override;
    void tick() override;

private:
    enum class State { Opening, Executing, Ready, Closing, Freeing };

    void startJob();
    void finishJob(int exitStatus, const Error &error);
    void failAll(const Error &why);
    bool scan(QByteArray *buffer, bool stderrStream);
    Step restart(LIBSSH2_SESSION *session, const Error &why);

    State m_state = State::Opening;
    LIBSSH2_CHANNEL *m_channel = nullptr;
    std::deque<RunnerJob> m_queue;
    std::optional<RunnerJob> m_job;
    QByteArray m_marker;
    QByteArray m_script;
    qsizetype m_written = 0;
    QByteArray m_stdout;
    QByteArray m_stderr;
    bool m_stdoutDone = false;
    bool m_stderrDone = false;
    int m_exitStatus = -1;
    std::chrono::steady_clock::time_point m_started;
    Error m_stopReason;
    bool m_done = false;
};

} // namespace sshcore::detail
