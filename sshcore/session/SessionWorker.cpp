// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sshcore/session/SessionWorker.h"

#include "sshcore/KnownHosts.h"
#include "sshcore/SshConnection.h"
#include "sshcore/session/LibsshErrors.h"

#include <QCoreApplication>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace sshcore::detail {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(sshcore::SessionWorker)
};

} // namespace

SessionWorker::SessionWorker(SshConnectionSettings settings, QPointer<SshInteraction> interaction)
    : m_settings(std::move(settings))
    , m_interaction(std::move(interaction))
    , m_wakeFd(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK))
    , m_tick(this)
    , m_reconnectTimer(this)
{
    m_context.worker = this;
    m_context.memory = &m_memory;
    m_maxChannels = std::max(1, m_settings.maxChannels);
    m_tick.setInterval(1s);
    connect(&m_tick, &QTimer::timeout, this, &SessionWorker::onTick);
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &SessionWorker::reconnect);
}

SessionWorker::~SessionWorker()
{
    teardown();
    if (m_wakeFd >= 0)
        ::close(m_wakeFd);
}

void SessionWorker::requestStop()
{
    m_stopRequested = true;
    const uint64_t one = 1;
    if (m_wakeFd >= 0) [[maybe_unused]]
        auto written = ::write(m_wakeFd, &one, sizeof one);
}

void SessionWorker::setState(SshConnectionState state, const QString &message)
{
    m_state = state;
    if (state == SshConnectionState::Failed)
        m_lastError = {ErrorKind::LinkLost, message};
    Q_EMIT stateChanged(state, message);
}

void SessionWorker::setSettings(SshConnectionSettings settings)
{
    m_settings = std::move(settings);
    m_maxChannels = std::max(1, m_settings.maxChannels);
    // Another user or host: nothing typed for the last one applies.
    m_secrets = {};
    m_lastError = {};
    m_everConnected = false;
}

void SessionWorker::start()
{
    m_stopRequested = false; // a close() earlier must not cut this new attempt short
    uint64_t pending = 0;
    [[maybe_unused]] const auto drained = ::read(m_wakeFd, &pending, sizeof pending);
    m_lastError = {};
    setState(SshConnectionState::Connecting);
    const auto connected = connectOnce();
    if (connected) {
        m_everConnected = true;
        setState(SshConnectionState::Connected);
        m_tick.start();
        pump();
        return;
    }
    teardown();
    const Error why = connected.error();
    for (const auto &operation : std::exchange(m_waiting, {}))
        operation->abandon(why);
    setState(m_stopRequested ? SshConnectionState::Disconnected : SshConnectionState::Failed, why.message);
}

void SessionWorker::stop()
{
    m_stopRequested = true;
    m_tick.stop();
    m_reconnectTimer.stop();
    const Error why{ErrorKind::LinkLost, Tr::tr("The connection was closed.")};
    for (const auto &operation : std::exchange(m_active, {}))
        operation->abandon(why);
    for (const auto &operation : std::exchange(m_waiting, {}))
        operation->abandon(why);
    teardown();
    if (m_state != SshConnectionState::Failed)
        setState(SshConnectionState::Disconnected);
}

void SessionWorker::addOperation(std::shared_ptr<Operation> operation)
{
    operation->bindSftp(&m_sftp);
    operation->bindWake([this] { pump(); });
    switch (m_state) {
    case SshConnectionState::Connected:
    case SshConnectionState::Connecting:
    case SshConnectionState::Authenticating:
    case SshConnectionState::Reconnecting:
        m_waiting.push_back(std::move(operation)); // runs as soon as the session is (back) up
        pump();
        break;
    case SshConnectionState::Disconnected:
    case SshConnectionState::Failed:
        operation->abandon(m_lastError.message.isEmpty()
                               ? Error{ErrorKind::LinkLost, Tr::tr("Not connected to %1.").arg(where(m_settings))}
                               : m_lastError);
        break;
    }
}

void SessionWorker::addShellJob(RunnerJob job)
{
    if (!m_runner || m_runner->done()) {
        m_runner = std::make_shared<ShellRunnerOperation>();
        m_runner->enqueue(std::move(job));
        addOperation(m_runner);
        return;
    }
    m_runner->enqueue(std::move(job));
    pump();
}

Result<> SessionWorker::waitSocket(Clock::time_point deadline)
{
    const int directions = m_session ? libssh2_session_block_directions(m_session) : 0;
    pollfd fds[2] = {};
    fds[0].fd = m_socket;
    fds[0].events = short(((directions & LIBSSH2_SESSION_BLOCK_INBOUND) || directions == 0 ? POLLIN : 0)
                          | (directions & LIBSSH2_SESSION_BLOCK_OUTBOUND ? POLLOUT : 0));
    fds[1].fd = m_wakeFd;
    fds[1].events = POLLIN;
    while (true) {
        if (m_stopRequested)
            return failure(ErrorKind::LinkLost, Tr::tr("The connection was closed."));
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left <= 0ms)
            return failure(ErrorKind::TimedOut, Tr::tr("%1 stopped answering (no reply within %2 s).")
                                                    .arg(where(m_settings))
                                                    .arg(m_settings.connectTimeoutSeconds));
        const int ready = ::poll(fds, 2, int(left.count()));
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready < 0)
            return failure(ErrorKind::LinkLost,
                           Tr::tr("Waiting for %1 failed: %2.").arg(where(m_settings), systemError(errno)));
        if (fds[1].revents)
            continue; // woken by requestStop(): loop to report it
        return {};
    }
}

void SessionWorker::teardown()
{
    delete m_readNotifier;
    m_readNotifier = nullptr;
    delete m_writeNotifier;
    m_writeNotifier = nullptr;
    if (m_session) {
        if (m_state == SshConnectionState::Connected)
            m_sftp.close();
        m_sftp.abandon();
        libssh2_session_set_blocking(m_session, 0);
        libssh2_session_disconnect(m_session, "clusterdesk closed the connection");
        // With the socket shut down, whatever libssh2 still wants to send fails at once instead of
        // waiting (EAGAIN), so that freeing the session (and its channels) always completes.
        if (m_socket >= 0)
            ::shutdown(m_socket, SHUT_RDWR);
        for (int attempt = 0; attempt < 100 && libssh2_session_free(m_session) == LIBSSH2_ERROR_EAGAIN; ++attempt) {}
        m_session = nullptr;
    }
    if (m_socket >= 0) {
        ::close(m_socket);
        m_socket = -1;
    }
    m_jump.reset();
}

// Through a jump host, whose own login is not known here, never: its extra sessions could need a person.
std::optional<UnattendedLogin> SessionWorker::unattendedLogin(bool personAnswered) const
{
    if (personAnswered || !m_settings.jumpHosts.isEmpty() || !m_session)
        return std::nullopt;
    return UnattendedLogin{KnownHosts::fingerprintSha256(m_session), m_secrets.password, m_secrets.passphrases};
}

bool SessionWorker::sessionBroken() const
{
    switch (libssh2_session_last_errno(m_session)) {
    case LIBSSH2_ERROR_SOCKET_RECV:
    case LIBSSH2_ERROR_SOCKET_SEND:
    case LIBSSH2_ERROR_SOCKET_DISCONNECT:
    case LIBSSH2_ERROR_SOCKET_NONE: return true;
    default: return false;
    }
}

void SessionWorker::linkLost(const Error &why)
{
    if (m_state != SshConnectionState::Connected)
        return;
    m_tick.stop();
    const QString message = QStringLiteral("The connection to %1 was lost: %2").arg(where(m_settings), why.message);
    // The new state first: whoever hears of an abandoned operation then already knows the link is
    // being restored (a transfer waits and resumes instead of failing).
    const bool giveUp = !m_settings.reconnect || m_stopRequested;
    setState(giveUp ? SshConnectionState::Failed : SshConnectionState::Reconnecting, message);
    for (const auto &operation : std::exchange(m_active, {}))
        operation->abandon({ErrorKind::LinkLost, Tr::tr("%1 The command may or may not have finished.").arg(message)});
    teardown();
    if (giveUp) {
        for (const auto &operation : std::exchange(m_waiting, {}))
            operation->abandon({ErrorKind::LinkLost, message});
        return;
    }
    m_reconnectAttempt = 0;
    scheduleReconnect();
}

void SessionWorker::scheduleReconnect()
{
    // Immediately, then 1, 2, 4 ... 30 s apart.
    const int delay = m_reconnectAttempt == 0 ? 0 : std::min(30, 1 << std::min(m_reconnectAttempt - 1, 5));
    ++m_reconnectAttempt;
    m_reconnectTimer.start(std::chrono::seconds(delay));
}

void SessionWorker::reconnect()
{
    if (m_stopRequested)
        return;
    const auto connected = connectOnce();
    if (connected) {
        m_reconnectAttempt = 0;
        setState(SshConnectionState::Connected);
        m_tick.start();
        pump();
        return;
    }
    teardown();
    if (m_lastFailureRetryable && !m_stopRequested) {
        setState(SshConnectionState::Reconnecting, QStringLiteral("%1 Trying again (attempt %2).")
                                                       .arg(connected.error().message)
                                                       .arg(m_reconnectAttempt + 1));
        scheduleReconnect();
        return;
    }
    for (const auto &operation : std::exchange(m_waiting, {}))
        operation->abandon(connected.error());
    setState(SshConnectionState::Failed, connected.error().message);
}

void SessionWorker::onReadable()
{
    if (!m_active.empty() || !m_waiting.empty()) {
        pump();
        return;
    }
    if (!idleLinkLost() && m_readNotifier)
        m_readNotifier->setEnabled(false); // data waits for libssh2: re-enabled by the next pump or tick
}

bool SessionWorker::idleLinkLost()
{
    // Idle: nothing reads the socket. Look without consuming: end of stream means the server or the
    // link went away; data (keep-alive replies) waits for the next operation to let libssh2 read it.
    // Unread data hides a later end of stream from the peek, so the kernel is also asked whether the
    // server shut its side (POLLRDHUP): an idle link that dies right after a transfer is seen at once.
    char byte;
    const ssize_t n = ::recv(m_socket, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    if (n == 0) {
        linkLost({ErrorKind::LinkLost, Tr::tr("the server closed the connection.")});
        return true;
    }
    if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
        linkLost({ErrorKind::LinkLost, systemError(errno) + u'.'});
        return true;
    }
    pollfd look{m_socket, POLLRDHUP, 0};
    if (n > 0 && ::poll(&look, 1, 0) == 1 && (look.revents & (POLLRDHUP | POLLHUP | POLLERR)) != 0) {
        linkLost({ErrorKind::LinkLost, Tr::tr("the server closed the connection.")});
        return true;
    }
    return false;
}

void SessionWorker::pump()
{
    if (!m_session || m_state != SshConnectionState::Connected || m_pumping)
        return;
    m_pumping = true;
    m_receiveDrained = false;
    bool progressed = true;
    while (progressed && m_session) {
        progressed = m_sftp.pump(m_session); // replies to SFTP operations, and their queued requests
        if (sessionBroken()) {
            m_pumping = false;
            linkLost(libsshError(m_session, "the link failed"));
            return;
        }
        while (!m_waiting.empty()) {
            const int channels = int(
                std::count_if(m_active.begin(), m_active.end(), [](const auto &op) { return op->needsChannel(); }));
            if (m_waiting.front()->needsChannel() && channels >= m_maxChannels)
                break;
            m_active.push_back(std::move(m_waiting.front()));
            m_waiting.pop_front();
        }
        for (std::size_t i = 0; i < m_active.size() && m_session;) {
            const auto operation = m_active[i];
            const Operation::Step step = operation->step(m_session);
            if (operation->refusedChannel) {
                // The server allows fewer channels than were open: wait for one to close.
                operation->refusedChannel = false;
                m_maxChannels = std::max(1, int(std::count_if(m_active.begin(), m_active.end(), [](const auto &op) {
                                                return op->needsChannel();
                                            })) - 1);
                m_active.erase(m_active.begin() + std::ptrdiff_t(i));
                m_waiting.push_front(operation);
                continue;
            }
            if (step == Operation::Step::Finished) {
                m_active.erase(m_active.begin() + std::ptrdiff_t(i));
                progressed = true;
                continue;
            }
            if (step == Operation::Step::Progressed)
                progressed = true;
            if (sessionBroken()) {
                m_pumping = false;
                linkLost(libsshError(m_session, "the link failed"));
                return;
            }
            ++i;
        }
    }
    m_pumping = false;
    updateNotifiers();
}

void SessionWorker::updateNotifiers()
{
    if (!m_session || !m_readNotifier)
        return;
    const int directions = libssh2_session_block_directions(m_session);
    m_readNotifier->setEnabled(true);
    m_writeNotifier->setEnabled((directions & LIBSSH2_SESSION_BLOCK_OUTBOUND) != 0);
}

void SessionWorker::onTick()
{
    if (!m_session || m_state != SshConnectionState::Connected)
        return;
    for (const auto &operation : m_active)
        operation->tick();
    if (m_settings.keepAliveIntervalSeconds > 0) {
        int next = 0;
        libssh2_keepalive_send(m_session, &next);
        if (m_active.empty() && m_waiting.empty()) {
            if (idleLinkLost())
                return;
            int available = 0;
            if (ioctl(m_socket, FIONREAD, &available) == 0 && available > m_idleBytesSeen) {
                m_idleBytesSeen = available;
                m_lastReceived = Clock::now();
            }
        }
        const auto silence = Clock::now() - m_lastReceived;
        const auto bound = std::chrono::seconds(m_settings.keepAliveIntervalSeconds
                                                * (m_settings.keepAliveCountMax + 1));
        if (silence > bound) {
            linkLost(
                {ErrorKind::LinkLost, Tr::tr("no answer to keep-alives for %1 s.")
                                          .arg(std::chrono::duration_cast<std::chrono::seconds>(silence).count())});
            return;
        }
    }
    pump();
}

ssize_t SessionWorker::receive(libssh2_socket_t socket, void *buffer, size_t length, int flags, void **abstract)
{
    auto *worker = static_cast<SessionWorker *>(static_cast<SessionContext *>(*abstract)->worker);
    if (worker->m_pumping && worker->m_receiveDrained)
        return -EAGAIN;
    const ssize_t n = ::recv(socket, buffer, length, flags);
    if (n < 0) {
        const int error = errno;
        if (error == EAGAIN || error == EWOULDBLOCK)
            worker->m_receiveDrained = true;
        return -error; // libssh2's convention
    }
    if (n > 0) {
        worker->m_lastReceived = Clock::now();
        worker->m_idleBytesSeen = 0;
    }
    return n;
}

} // namespace sshcore::detail
