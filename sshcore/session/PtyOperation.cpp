// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sshcore/session/PtyOperation.h"

#include "sshcore/session/ChannelSteps.h"
#include "sshcore/session/LibsshErrors.h"

#include <QCoreApplication>
#include <QMutexLocker>

#include <algorithm>

namespace sshcore::detail {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(sshcore::PtyOperation)
};

} // namespace

namespace {

constexpr qsizetype readChunk = 64 * 1024;
// A hung-up terminal whose server does not confirm the close within this long is let go.
constexpr auto closeGrace = std::chrono::seconds(3);

// RFC 4254 §8: opcodes of the encoded terminal modes.
constexpr unsigned char ttyOpEnd = 0;
constexpr unsigned char verase = 3;
constexpr unsigned char iutf8 = 42;

void appendMode(QByteArray &modes, unsigned char opcode, quint32 value)
{
    modes.append(char(opcode));
    for (int shift = 24; shift >= 0; shift -= 8) // uint32, big-endian
        modes.append(char((value >> shift) & 0xff));
}

} // namespace

PtyOperation::PtyOperation(PtyOptions options, std::shared_ptr<PtyShared> shared, PtyRelay *relay)
    : m_options(std::move(options))
    , m_shared(std::move(shared))
    , m_relay(relay)
{}

PtyOperation::~PtyOperation()
{
    if (m_relay)
        m_relay->deleteLater();
}

QByteArray PtyOperation::terminalModes()
{
    QByteArray modes;
    appendMode(modes, verase, 127);
    appendMode(modes, iutf8, 1);
    modes.append(char(ttyOpEnd));
    return modes;
}

Operation::Step PtyOperation::fail(LIBSSH2_SESSION *session, const Error &why)
{
    m_error = why;
    if (m_channel) {
        m_state = State::Freeing; // freeing an open channel closes it first
        return step(session);
    }
    Q_EMIT m_relay->finished(-1, {}, m_error);
    return Step::Finished;
}

Error PtyOperation::ended(const Error &why) const
{
    // The worker's own words speak of commands; a terminal whose program ran says it plainly.
    if (!m_started || !why.is(ErrorKind::LinkLost))
        return why;
    return why.withMessage(Tr::tr("The connection to the cluster dropped; the terminal's shell has "
                                  "ended. Open a new terminal once the connection is back."));
}

void PtyOperation::abandon(const Error &why)
{
    m_channel = nullptr; // freed with the session
    Q_EMIT m_relay->finished(-1, {}, ended(why));
}

bool PtyOperation::readOutput(LIBSSH2_SESSION *session, bool *progressed, Error *error)
{
    char buffer[readChunk];
    for (int stream : {0, SSH_EXTENDED_DATA_STDERR}) {
        while (true) {
            // Never more than the window allows: what the reader has not consumed yet stays in the
            // SSH channel (whose own window then stops the server), not in a queue here.
            const qint64 room = SshPty::outputWindow() - m_shared->unconsumed.load();
            if (room <= 0)
                return true;
            const auto want = size_t(std::min<qint64>(room, readChunk));
            const ssize_t n = libssh2_channel_read_ex(m_channel, stream, buffer, want);
            if (n > 0) {
                *progressed = true;
                m_shared->unconsumed += n;
                Q_EMIT m_relay->output(QByteArray(buffer, n));
                continue;
            }
            if (n == LIBSSH2_ERROR_EAGAIN || n == 0)
                break;
            *error = ended(libsshError(session, "Reading the terminal's output failed"));
            return false;
        }
    }
    return false;
}

Operation::Step PtyOperation::relay(LIBSSH2_SESSION *session, bool *progressed)
{
    std::optional<PtyShared::Size> size;
    {
        const QMutexLocker locker(&m_shared->mutex);
        m_input += std::exchange(m_shared->input, {});
        if (!m_resizing)
            size = std::exchange(m_shared->resize, std::nullopt);
    }
    if (size)
        m_resizing = size;

    // The size first, and no keystrokes while it is half sent: keystrokes typed after a resize reach
    // a program that already has the new size.
    if (m_resizing) {
        const int rc = libssh2_channel_request_pty_size_ex(m_channel, m_resizing->columns, m_resizing->rows, 0, 0);
        // A window-change the server ignores leaves the old size: nothing to end the terminal for.
        if (rc != LIBSSH2_ERROR_EAGAIN) {
            m_resizing.reset();
            *progressed = true;
        }
    }

    while (!m_resizing && !m_input.isEmpty()) {
        const ssize_t n = libssh2_channel_write(m_channel, m_input.constData(), size_t(m_input.size()));
        if (n == LIBSSH2_ERROR_EAGAIN)
            break;
        if (n < 0)
            return fail(session, ended(libsshError(session, "Sending keystrokes to the terminal failed")));
        m_input.remove(0, n);
        *progressed = true;
    }

    Error readError;
    const bool windowFull = readOutput(session, progressed, &readError);
    if (!readError.message.isEmpty())
        return fail(session, readError);
    if (windowFull) {
        // The channel is not read until the reader catches up, but the socket must be: its data
        // would keep the worker's read notifier firing. libssh2_poll() takes what arrived into
        // libssh2's packet queue without granting the server more window (a channel read would).
        LIBSSH2_POLLFD drain{};
        drain.type = LIBSSH2_POLLFD_CHANNEL;
        drain.fd.channel = m_channel;
        drain.events = LIBSSH2_POLLFD_POLLIN;
        libssh2_poll(&drain, 1, 0);
        return *progressed ? Step::Progressed : Step::Blocked;
    }
    if (!libssh2_channel_eof(m_channel)) // true once the server's EOF and every byte before it is read
        return *progressed ? Step::Progressed : Step::Blocked;
    m_state = State::Closing;
    *progressed = true;
    return Step::Progressed;
}

Operation::Step PtyOperation::step(LIBSSH2_SESSION *session)
{
    bool progressed = false;
    // A hang-up before the program ended by itself: close the channel (the remote side's terminal
    // goes away and its processes get SIGHUP) and report it as cancelled.
    if (m_shared->closing && m_error.message.isEmpty() && m_state < State::Closing) {
        m_error = {ErrorKind::Cancelled, Tr::tr("The terminal was closed.")};
        if (!m_channel) {
            Q_EMIT m_relay->finished(-1, {}, m_error);
            return Step::Finished;
        }
        m_state = State::Closing;
        progressed = true;
    }
    const auto blocked = [&progressed] { return progressed ? Step::Progressed : Step::Blocked; };
    while (true) {
        switch (m_state) {
        case State::Opening: {
            switch (openSessionChannel(session, &m_channel)) {
            case ChannelOpen::Opened: break;
            case ChannelOpen::Again: return blocked();
            case ChannelOpen::Refused: refusedChannel = true; return Step::Blocked; // the worker retries later
            case ChannelOpen::Failed:
                return fail(session, libsshError(session, "The server refused a channel for the terminal"));
            }
            m_state = State::Environment;
            progressed = true;
            break;
        }
        case State::Environment: {
            while (m_environmentIndex < m_options.environment.size()) {
                const auto &[name, value] = m_options.environment.at(m_environmentIndex);
                const int rc = libssh2_channel_setenv_ex(m_channel, name.constData(), unsigned(name.size()),
                                                         value.constData(), unsigned(value.size()));
                if (rc == LIBSSH2_ERROR_EAGAIN)
                    return blocked();
                // Refused (OpenSSH takes only what AcceptEnv lists): the program runs without it.
                ++m_environmentIndex;
                progressed = true;
            }
            m_state = State::RequestingPty;
            break;
        }
        case State::RequestingPty: {
            const QByteArray modes = terminalModes();
            const int rc = libssh2_channel_request_pty_ex(m_channel, m_options.term.constData(),
                                                          unsigned(m_options.term.size()), modes.constData(),
                                                          unsigned(modes.size()), m_options.columns, m_options.rows, 0,
                                                          0);
            if (rc == LIBSSH2_ERROR_EAGAIN)
                return blocked();
            if (rc < 0)
                return fail(session, {ErrorKind::Refused, Tr::tr("The server refused a terminal for this session. "
                                                                 "Ask the cluster's administrators whether "
                                                                 "interactive logins (PermitTTY) are allowed.")});
            m_state = State::Starting;
            progressed = true;
            break;
        }
        case State::Starting: {
            const bool shell = m_options.command.isEmpty();
            const int rc = shell ? libssh2_channel_process_startup(m_channel, "shell", 5, nullptr, 0)
                                 : libssh2_channel_process_startup(m_channel, "exec", 4, m_options.command.constData(),
                                                                   unsigned(m_options.command.size()));
            if (rc == LIBSSH2_ERROR_EAGAIN)
                return blocked();
            if (rc < 0)
                return fail(session,
                            {ErrorKind::Refused, shell ? Tr::tr("The server refused to start a shell on the terminal "
                                                                "(a forced command or a restricted account?).")
                                                       : Tr::tr("The server refused to run the terminal's command "
                                                                "(a forced command or a restricted account?).")});
            m_state = State::Running;
            m_started = true;
            progressed = true;
            Q_EMIT m_relay->started();
            break;
        }
        case State::Running: {
            const Step step = relay(session, &progressed);
            if (step == Step::Finished || m_state == State::Running)
                return step;
            break;
        }
        case State::Closing: {
            const int rc = libssh2_channel_close(m_channel);
            if (rc == LIBSSH2_ERROR_EAGAIN)
                return blocked();
            m_closedAt = std::chrono::steady_clock::now();
            m_state = State::WaitingClosed;
            progressed = true;
            break;
        }
        case State::WaitingClosed: {
            const int rc = libssh2_channel_wait_closed(m_channel);
            // Hung up: a server that does not confirm soon is not waited for (the worker's tick
            // steps this again every second).
            const bool givenUp = !m_error.message.isEmpty()
                                 && std::chrono::steady_clock::now() - m_closedAt > closeGrace;
            if (rc == LIBSSH2_ERROR_EAGAIN && !givenUp)
                return blocked();
            if (m_error.message.isEmpty()) {
                const ChannelExit exit = channelExit(session, m_channel);
                m_exitStatus = exit.status;
                m_exitSignal = exit.signal;
            }
            m_state = State::Freeing;
            progressed = true;
            break;
        }
        case State::Freeing: {
            const int rc = libssh2_channel_free(m_channel);
            if (rc == LIBSSH2_ERROR_EAGAIN)
                return blocked();
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

} // namespace sshcore::detail
