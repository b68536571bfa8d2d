// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sshcore/session/ExecOperation.h"

#include "sshcore/session/ChannelSteps.h"
#include "sshcore/session/LibsshErrors.h"

#include <QCoreApplication>

namespace sshcore::detail {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(sshcore::ExecOperation)
};

} // namespace

namespace {
constexpr qsizetype readChunk = 64 * 1024;
} // namespace

ExecOperation::ExecOperation(QByteArray command, QByteArray input, std::chrono::seconds timeout,
                             std::shared_ptr<ExecShared> shared, ExecRelay *relay)
    : m_command(std::move(command))
    , m_input(std::move(input))
    , m_timeout(timeout)
    , m_started(std::chrono::steady_clock::now())
    , m_shared(std::move(shared))
    , m_relay(relay)
{}

ExecOperation::~ExecOperation()
{
    if (m_relay)
        m_relay->deleteLater();
}

void ExecOperation::tick()
{
    if (!m_stopReason.message.isEmpty())
        return;
    if (m_shared->cancelled)
        m_stopReason = {ErrorKind::Cancelled, Tr::tr("The command was cancelled.")};
    else if (m_timeout.count() > 0 && std::chrono::steady_clock::now() - m_started > m_timeout)
        m_stopReason = {ErrorKind::TimedOut,
                        Tr::tr("The command did not finish within %1 s and was stopped.").arg(m_timeout.count())};
}

Operation::Step ExecOperation::fail(LIBSSH2_SESSION *session, const Error &why)
{
    m_error = why;
    if (m_channel) {
        m_state = State::Freeing;
        return step(session);
    }
    Q_EMIT m_relay->finished(-1, {}, m_error);
    return Step::Finished;
}

Operation::Step ExecOperation::readStreams(LIBSSH2_SESSION *session, bool *progressed)
{
    char buffer[readChunk];
    for (int stream : {0, SSH_EXTENDED_DATA_STDERR}) {
        while (true) {
            const ssize_t n = libssh2_channel_read_ex(m_channel, stream, buffer, sizeof buffer);
            if (n > 0) {
                *progressed = true;
                const QByteArray data(buffer, n);
                if (stream == 0)
                    Q_EMIT m_relay->standardOutput(data);
                else
                    Q_EMIT m_relay->standardError(data);
                continue;
            }
            if (n == LIBSSH2_ERROR_EAGAIN || n == 0)
                break;
            return fail(session, libsshError(session, "Reading the command's output failed"));
        }
    }
    return Step::Blocked;
}

Operation::Step ExecOperation::step(LIBSSH2_SESSION *session)
{
    tick();
    bool progressed = false;
    if (!m_stopReason.message.isEmpty() && m_error.message.isEmpty() && m_state != State::Opening
        && m_state < State::Signalling) {
        m_error = m_stopReason;
        m_stopped = std::chrono::steady_clock::now();
        m_state = m_state == State::Running ? State::Signalling : State::Closing;
        progressed = true;
    }
    while (true) {
        switch (m_state) {
        case State::Opening: {
            if (!m_stopReason.message.isEmpty()) {
                Q_EMIT m_relay->finished(-1, {}, m_stopReason);
                return Step::Finished;
            }
            switch (openSessionChannel(session, &m_channel)) {
            case ChannelOpen::Opened: break;
            case ChannelOpen::Again: return progressed ? Step::Progressed : Step::Blocked;
            case ChannelOpen::Refused: refusedChannel = true; return Step::Blocked; // the worker retries later
            case ChannelOpen::Failed:
                return fail(session, libsshError(session, "The server refused a command channel"));
            }
            m_state = State::Executing;
            progressed = true;
            break;
        }
        case State::Executing: {
            const int rc = libssh2_channel_process_startup(m_channel, "exec", 4, m_command.constData(),
                                                           unsigned(m_command.size()));
            if (rc == LIBSSH2_ERROR_EAGAIN)
                return progressed ? Step::Progressed : Step::Blocked;
            if (rc < 0)
                return fail(session, libsshError(session, "The server refused to run the command"));
            m_state = State::Running;
            progressed = true;
            break;
        }
        case State::Running: {
            while (m_inputOffset < m_input.size()) {
                const ssize_t n = libssh2_channel_write(m_channel, m_input.constData() + m_inputOffset,
                                                        size_t(m_input.size() - m_inputOffset));
                if (n == LIBSSH2_ERROR_EAGAIN)
                    break;
                if (n < 0)
                    return fail(session, libsshError(session, "Sending the command's input failed"));
                m_inputOffset += n;
                progressed = true;
            }
            if (m_inputOffset == m_input.size() && !m_eofSent) {
                const int rc = libssh2_channel_send_eof(m_channel);
                if (rc == 0) {
                    m_eofSent = true;
                    progressed = true;
                } else if (rc != LIBSSH2_ERROR_EAGAIN) {
                    return fail(session, libsshError(session, "Closing the command's input failed"));
                }
            }
            if (readStreams(session, &progressed) == Step::Finished)
                return Step::Finished;
            if (!libssh2_channel_eof(m_channel))
                return progressed ? Step::Progressed : Step::Blocked;
            m_state = State::Closing;
            progressed = true;
            break;
        }
        case State::Signalling: {
            // Ask the server to end the remote process (OpenSSH honours "signal" requests), then close.
            const int rc = libssh2_channel_signal_ex(m_channel, "TERM", 4);
            if (rc == LIBSSH2_ERROR_EAGAIN)
                return progressed ? Step::Progressed : Step::Blocked;
            m_state = State::Closing;
            progressed = true;
            break;
        }
        case State::Closing: {
            const int rc = libssh2_channel_close(m_channel);
            if (rc == LIBSSH2_ERROR_EAGAIN)
                return progressed ? Step::Progressed : Step::Blocked;
            m_state = State::WaitingClosed;
            progressed = true;
            break;
        }
        case State::WaitingClosed: {
            if (m_error.message.isEmpty()) {
                bool ignored = false;
                readStreams(session, &ignored); // output that raced with EOF
            }
            const int rc = libssh2_channel_wait_closed(m_channel);
            // A stopped command whose server does not close its side within 3 s is let go.
            const bool givenUp = !m_error.message.isEmpty()
                                 && std::chrono::steady_clock::now() - m_stopped > std::chrono::seconds(3);
            if (rc == LIBSSH2_ERROR_EAGAIN && !givenUp)
                return progressed ? Step::Progressed : Step::Blocked;
            const ChannelExit exit = channelExit(session, m_channel);
            m_exitStatus = exit.status;
            m_exitSignal = exit.signal;
            m_state = State::Freeing;
            progressed = true;
            break;
        }
        case State::Freeing: {
            const int rc = libssh2_channel_free(m_channel);
            if (rc == LIBSSH2_ERROR_EAGAIN)
                return progressed ? Step::Progressed : Step::Blocked;
            m_channel = nullptr;
            if (!m_error.message.isEmpty())
                Q_EMIT m_relay->finished(-1, {}, m_error);
            else
                Q_EMIT m_relay->finished(m_exitStatus, m_exitSignal, {});
            return Step::Finished;
        }
        }
    }
}

void ExecOperation::abandon(const Error &why)
{
    m_channel = nullptr; // freed with the session
    Q_EMIT m_relay->finished(-1, {}, why);
}

} // namespace sshcore::detail
