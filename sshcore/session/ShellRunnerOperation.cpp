// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sshcore/session/ShellRunnerOperation.h"

#include "sshcore/ShellQuote.h"
#include "sshcore/session/ChannelSteps.h"
#include "sshcore/session/LibsshErrors.h"

#include <QCoreApplication>
#include <QRandomGenerator>

namespace sshcore::detail {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(sshcore::ShellRunnerOperation)
};

} // namespace

namespace {
constexpr qsizetype readChunk = 64 * 1024;
} // namespace

ShellRunnerOperation::~ShellRunnerOperation()
{
    if (m_job && m_job->relay)
        m_job->relay->deleteLater();
    for (RunnerJob &job : m_queue)
        job.relay->deleteLater();
}

void ShellRunnerOperation::startJob()
{
    m_job = std::move(m_queue.front());
    m_queue.pop_front();
    quint32 random[4];
    QRandomGenerator::system()->fillRange(random);
    m_marker = "@@cd-" + QByteArray(reinterpret_cast<const char *>(random), sizeof random).toHex() + "@@";
    // The command is a quoted word list, so eval in a subshell keeps even a syntax error (or an exit)
    // away from the runner's own shell.
    m_script = "( eval " + ShellQuote::quote(m_job->commandLine) + " ) </dev/null; printf '%s%d\\n' '" + m_marker
               + "' \"$?\"; printf '%s\\n' '" + m_marker + "' >&2\n";
    m_written = 0;
    m_stdout.clear();
    m_stderr.clear();
    m_stdoutDone = m_stderrDone = false;
    m_exitStatus = -1;
    m_started = std::chrono::steady_clock::now();
    m_stopReason = {};
}

void ShellRunnerOperation::finishJob(int exitStatus, const Error &error)
{
    ExecRelay *relay = m_job->relay;
    Q_EMIT relay->finished(exitStatus, {}, error);
    relay->deleteLater();
    m_job.reset();
}

void ShellRunnerOperation::tick()
{
    if (!m_job || !m_stopReason.message.isEmpty())
        return;
    if (m_job->shared->cancelled)
        m_stopReason = {ErrorKind::Cancelled, Tr::tr("The command was cancelled.")};
    else if (m_job->timeout.count() > 0 && std::chrono::steady_clock::now() - m_started > m_job->timeout)
        m_stopReason = {ErrorKind::TimedOut,
                        Tr::tr("The command did not finish within %1 s and was stopped.").arg(m_job->timeout.count())};
}

// Passes on what is certainly output and looks for the marker; true once it was found.
bool ShellRunnerOperation::scan(QByteArray *buffer, bool stderrStream)
{
    const qsizetype at = buffer->indexOf(m_marker);
    if (at < 0) {
        const qsizetype safe = buffer->size() - m_marker.size(); // a marker may be arriving in pieces
        if (safe > 0) {
            const QByteArray data = buffer->left(safe);
            buffer->remove(0, safe);
            Q_EMIT stderrStream ? m_job->relay->standardError(data) : m_job->relay->standardOutput(data);
        }
        return false;
    }
    const qsizetype lineEnd = buffer->indexOf('\n', at);
    if (lineEnd < 0)
        return false; // the exit status is still on its way
    if (at > 0) {
        const QByteArray data = buffer->left(at);
        Q_EMIT stderrStream ? m_job->relay->standardError(data) : m_job->relay->standardOutput(data);
    }
    if (!stderrStream)
        m_exitStatus = buffer->mid(at + m_marker.size(), lineEnd - at - m_marker.size()).toInt();
    buffer->remove(0, lineEnd + 1);
    return true;
}

Operation::Step ShellRunnerOperation::restart(LIBSSH2_SESSION *session, const Error &why)
{
    if (m_job)
        finishJob(-1, why);
    m_state = m_channel ? State::Closing : State::Opening;
    Q_UNUSED(session)
    return Step::Progressed;
}

Operation::Step ShellRunnerOperation::step(LIBSSH2_SESSION *session)
{
    tick();
    bool progressed = false;
    const auto blocked = [&] { return progressed ? Step::Progressed : Step::Blocked; };
    while (true) {
        switch (m_state) {
        case State::Opening:
            if (m_queue.empty() && !m_job) {
                m_done = true;
                return Step::Finished;
            }
            switch (openSessionChannel(session, &m_channel)) {
            case ChannelOpen::Opened: break;
            case ChannelOpen::Again: return blocked();
            case ChannelOpen::Refused: refusedChannel = true; return blocked();
            case ChannelOpen::Failed:
                failAll(libsshError(session, "The server refused a command channel"));
                return Step::Finished;
            }
            m_state = State::Executing;
            progressed = true;
            break;
        case State::Executing: {
            const int rc = libssh2_channel_process_startup(m_channel, "exec", 4, "exec /bin/sh", 12);
            if (rc == LIBSSH2_ERROR_EAGAIN)
                return blocked();
            if (rc < 0)
                return restart(session, libsshError(session, "The server refused to start a shell"));
            m_state = State::Ready;
            progressed = true;
            break;
        }
        case State::Ready: {
            if (!m_job) {
                if (m_queue.empty())
                    return blocked();
                startJob();
                progressed = true;
            }
            if (!m_stopReason.message.isEmpty()) {
                // The command runs inside our shell: ending it means ending the shell.
                libssh2_channel_signal_ex(m_channel, "TERM", 4);
                return restart(session, m_stopReason);
            }
            while (m_written < m_script.size()) {
                const ssize_t n = libssh2_channel_write(m_channel, m_script.constData() + m_written,
                                                        size_t(m_script.size() - m_written));
                if (n == LIBSSH2_ERROR_EAGAIN)
                    break;
                if (n < 0)
                    return restart(session, libsshError(session, "Sending the command failed"));
                m_written += n;
                progressed = true;
            }
            char buffer[readChunk];
            for (int stream : {0, SSH_EXTENDED_DATA_STDERR}) {
                while (true) {
                    const ssize_t n = libssh2_channel_read_ex(m_channel, stream, buffer, sizeof buffer);
                    if (n == LIBSSH2_ERROR_EAGAIN || n == 0)
                        break;
                    if (n < 0)
                        return restart(session, libsshError(session, "Reading the command's output failed"));
                    progressed = true;
                    (stream == 0 ? m_stdout : m_stderr).append(buffer, n);
                }
            }
            if (!m_stdoutDone)
                m_stdoutDone = scan(&m_stdout, false);
            if (!m_stderrDone)
                m_stderrDone = scan(&m_stderr, true);
            if (m_stdoutDone && m_stderrDone) {
                finishJob(m_exitStatus, {});
                progressed = true;
                continue;
            }
            if (libssh2_channel_eof(m_channel))
                return restart(session, {ErrorKind::LinkLost, Tr::tr("The remote shell ended unexpectedly.")});
            return blocked();
        }
        case State::Closing: {
            if (libssh2_channel_close(m_channel) == LIBSSH2_ERROR_EAGAIN)
                return blocked();
            m_state = State::Freeing;
            progressed = true;
            break;
        }
        case State::Freeing: {
            if (libssh2_channel_free(m_channel) == LIBSSH2_ERROR_EAGAIN)
                return blocked();
            m_channel = nullptr;
            m_state = State::Opening;
            progressed = true;
            break;
        }
        }
    }
}

void ShellRunnerOperation::abandon(const Error &why)
{
    m_channel = nullptr;
    failAll(why);
}

void ShellRunnerOperation::failAll(const Error &why)
{
    m_done = true;
    if (m_job)
        finishJob(-1, why);
    for (RunnerJob &job : m_queue) {
        Q_EMIT job.relay->finished(-1, {}, why);
        job.relay->deleteLater();
    }
    m_queue.clear();
}

} // namespace sshcore::detail
