#include "sshcore/session/SessionWorker.h"

#include "sshcore/KnownHosts.h"
#include "sshcore/SshConnection.h"
#include "sshcore/tunnel/ForwardOperation.h"
#include "sshcore/session/LibsshErrors.h"

#include <QCoreApplication>

#include <future>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace sshcore::detail {

namespace {

QString where(const SshConnectionSettings &settings)
{
    return QStringLiteral("%1 port %2").arg(settings.host).arg(settings.port);
}

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

} // namespace

SessionWorker::SessionWorker(SshConnectionSettings settings, QPointer<SshInteraction> interaction)
    : m_settings(std::move(settings))
    , m_interaction(std::move(interaction))
    , m_wakeFd(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK))
    , m_tick(this)
    , m_reconnectTimer(this)
{
    m_context.worker = this;
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
    if (m_wakeFd >= 0)
        [[maybe_unused]] auto written = ::write(m_wakeFd, &one, sizeof one);
}

void SessionWorker::setState(SshConnectionState state, const QString &message)
{
    m_state = state;
    if (state == SshConnectionState::Failed)
        m_lastError = message;
    Q_EMIT stateChanged(state, message);
}

void SessionWorker::start()
{
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
    const QString why = connected.error();
    for (const auto &operation : std::exchange(m_waiting, {}))
        operation->abandon(why);
    setState(m_stopRequested ? SshConnectionState::Disconnected : SshConnectionState::Failed, why);
}

void SessionWorker::stop()
{
    m_stopRequested = true;
    m_tick.stop();
    m_reconnectTimer.stop();
    const QString why = QStringLiteral("The connection was closed.");
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
        operation->abandon(m_lastError.isEmpty() ? QStringLiteral("Not connected to %1.").arg(where(m_settings))
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
            return failure(QStringLiteral("The connection was closed."));
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left <= 0ms)
            return failure(QStringLiteral("%1 stopped answering (no reply within %2 s).")
                               .arg(where(m_settings))
                               .arg(m_settings.connectTimeoutSeconds));
        const int ready = ::poll(fds, 2, int(left.count()));
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready < 0)
            return failure(QStringLiteral("Waiting for %1 failed: %2.").arg(where(m_settings), systemError(errno)));
        if (fds[1].revents)
            continue; // woken by requestStop(): loop to report it
        return {};
    }
}

Result<int> SessionWorker::openSocket()
{
    addrinfo hints = {};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *addresses = nullptr;
    const QByteArray host = m_settings.host.toUtf8();
    const QByteArray port = QByteArray::number(m_settings.port);
    if (const int rc = getaddrinfo(host.constData(), port.constData(), &hints, &addresses); rc != 0) {
        m_lastFailureRetryable = rc == EAI_AGAIN;
        return failure(QStringLiteral("The host name \"%1\" could not be resolved (%2). Check its spelling and "
                                      "your network or VPN connection.")
                           .arg(m_settings.host, QString::fromLocal8Bit(gai_strerror(rc))));
    }
    const auto deadline = Clock::now() + std::chrono::seconds(m_settings.connectTimeoutSeconds);
    int lastError = 0;
    int result = -1;
    for (addrinfo *address = addresses; address && result < 0; address = address->ai_next) {
        const int fd = ::socket(address->ai_family, address->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC,
                                address->ai_protocol);
        if (fd < 0) {
            lastError = errno;
            continue;
        }
        if (::connect(fd, address->ai_addr, address->ai_addrlen) != 0 && errno != EINPROGRESS) {
            lastError = errno;
            ::close(fd);
            continue;
        }
        pollfd fds[2] = {{fd, POLLOUT, 0}, {m_wakeFd, POLLIN, 0}};
        while (true) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
            const int ready = left > 0ms ? ::poll(fds, 2, int(left.count())) : 0;
            if (ready < 0 && errno == EINTR)
                continue;
            if (ready <= 0 || fds[1].revents) {
                lastError = ready == 0 ? ETIMEDOUT : errno;
                break;
            }
            int error = 0;
            socklen_t length = sizeof error;
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length);
            if (error == 0)
                result = fd;
            lastError = error;
            break;
        }
        if (result < 0)
            ::close(fd);
    }
    freeaddrinfo(addresses);
    if (m_stopRequested) {
        if (result >= 0)
            ::close(result);
        return failure(QStringLiteral("The connection was closed."));
    }
    if (result < 0) {
        m_lastFailureRetryable = true;
        if (lastError == ECONNREFUSED)
            return failure(QStringLiteral("Nothing accepts connections on %1 (connection refused). Check the port "
                                          "number, and that the SSH server is running.")
                               .arg(where(m_settings)));
        if (lastError == ETIMEDOUT)
            return failure(QStringLiteral("No answer from %1 within %2 s. The host may be down, or a firewall may "
                                          "be dropping the connection.")
                               .arg(where(m_settings))
                               .arg(m_settings.connectTimeoutSeconds));
        return failure(QStringLiteral("Cannot connect to %1: %2.").arg(where(m_settings), systemError(lastError)));
    }
    const int on = 1;
    setsockopt(result, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    return result;
}

Result<int> SessionWorker::openThroughJumpHost()
{
    // The nearest jump host gets a session of its own (on its own thread, with the hops before it),
    // and one direct-tcpip channel to our server, bridged to a socket pair whose other end is ours.
    SshConnectionSettings jumpSettings = m_settings.jumpHosts.last();
    jumpSettings.jumpHosts = m_settings.jumpHosts.mid(0, m_settings.jumpHosts.size() - 1);
    jumpSettings.reconnect = false; // our own reconnect makes a new one
    m_jump = std::make_unique<SshConnection>(jumpSettings, m_interaction.data());

    int pair[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, pair) != 0)
        return failure(QStringLiteral("Cannot make a socket pair: %1.").arg(systemError(errno)));
    auto promise = std::make_shared<std::promise<QString>>();
    std::future<QString> opened = promise->get_future();
    auto answered = std::make_shared<std::atomic<bool>>(false);
    auto *relay = new ForwardRelay;
    QObject::connect(relay, &ForwardRelay::opened, relay, [promise, answered] {
        if (!answered->exchange(true))
            promise->set_value({});
    }, Qt::DirectConnection);
    QObject::connect(relay, &ForwardRelay::closed, relay, [promise, answered](const QString &error) {
        if (!answered->exchange(true))
            promise->set_value(error.isEmpty() ? QStringLiteral("the jump host closed the connection") : error);
    }, Qt::DirectConnection);
    relay->moveToThread(m_jump->workerThread());
    m_jump->open();
    m_jump->submit(std::make_shared<ForwardOperation>(pair[0], m_settings.host.toUtf8(), m_settings.port,
                                                      std::make_shared<ForwardShared>(), relay));
    // The jump host may ask its own questions (a TOTP code): no deadline, but a stop ends the wait.
    while (opened.wait_for(50ms) != std::future_status::ready) {
        if (m_stopRequested) {
            ::close(pair[1]);
            return failure(QStringLiteral("The connection was closed."));
        }
    }
    const QString error = opened.get();
    if (!error.isEmpty()) {
        ::close(pair[1]);
        m_lastFailureRetryable = true; // the jump host may come back; our reconnect backs off
        return failure(QStringLiteral("Through the jump host %1: %2").arg(jumpSettings.displayName(), error));
    }
    return pair[1];
}

Result<> SessionWorker::connectOnce()
{
    teardown();
    m_lastFailureRetryable = true;
    auto socket = m_settings.jumpHosts.isEmpty() ? openSocket() : openThroughJumpHost();
    if (!socket)
        return std::unexpected(socket.error());
    m_socket = *socket;

    m_session = libssh2_session_init_ex(nullptr, nullptr, nullptr, &m_context);
    if (!m_session)
        return failure(QStringLiteral("Could not create an SSH session (out of memory?)."));
    libssh2_session_set_blocking(m_session, 0);
    libssh2_session_callback_set2(m_session, LIBSSH2_CALLBACK_RECV, reinterpret_cast<libssh2_cb_generic *>(&receive));
    libssh2_session_banner_set(m_session, "SSH-2.0-clusterdesk_" CLUSTERDESK_VERSION);
    {
        // Ask for the key type known_hosts already has, so that a server with several host keys does
        // not look like one whose key changed.
        const KnownHosts knownHosts(m_session);
        const QStringList methods = knownHosts.knownKeyMethods(m_settings.knownHostsFiles, m_settings.host,
                                                               m_settings.port);
        // Otherwise prefer what OpenSSH prefers, so the key a user is asked about is the one ssh shows.
        const QByteArray preference = methods.isEmpty()
                                          ? QByteArray("ssh-ed25519,ecdsa-sha2-nistp256,ecdsa-sha2-nistp384,"
                                                       "ecdsa-sha2-nistp521,rsa-sha2-512,rsa-sha2-256,ssh-rsa")
                                          : methods.join(u',').toLatin1();
        libssh2_session_method_pref(m_session, LIBSSH2_METHOD_HOSTKEY, preference.constData());
    }

    const auto deadline = Clock::now() + std::chrono::seconds(m_settings.connectTimeoutSeconds);
    int rc;
    while ((rc = libssh2_session_handshake(m_session, libssh2_socket_t(m_socket))) == LIBSSH2_ERROR_EAGAIN) {
        if (const auto waited = waitSocket(deadline); !waited)
            return waited;
    }
    if (rc != 0)
        return failure(QStringLiteral("The SSH handshake with %1 failed. %2")
                           .arg(where(m_settings), libsshError(m_session, "libssh2 says")));
    if (const auto verified = verifyHostKey(); !verified) {
        m_lastFailureRetryable = false;
        return verified;
    }

    setState(SshConnectionState::Authenticating);
    AuthHooks hooks;
    hooks.waitSocket = [this] {
        return waitSocket(Clock::now() + std::chrono::seconds(std::max(m_settings.connectTimeoutSeconds, 30)));
    };
    hooks.askSecret = [this](const SshInteraction::SecretQuestion &question) {
        return askAndWait<std::optional<QString>>(std::nullopt, [question](SshInteraction *interaction, auto reply) {
            interaction->askSecret(question, reply);
        });
    };
    hooks.askKeyboard = [this](const SshInteraction::KeyboardInteractiveQuestion &question) {
        return askAndWait<std::optional<QStringList>>(std::nullopt,
                                                      [question](SshInteraction *interaction, auto reply) {
                                                          interaction->askKeyboardInteractive(question, reply);
                                                      });
    };
    Authenticator authenticator(m_session, &m_context, m_settings, std::move(hooks), &m_secrets);
    const auto authenticated = authenticator.run();
    if (!authenticated) {
        m_lastFailureRetryable = false;
        return authenticated;
    }
    char *banner = nullptr;
    if (libssh2_userauth_banner(m_session, &banner) == 0 && banner && *banner)
        Q_EMIT serverBanner(QString::fromUtf8(banner).trimmed());

    if (m_settings.keepAliveIntervalSeconds > 0)
        libssh2_keepalive_config(m_session, 1, unsigned(m_settings.keepAliveIntervalSeconds));
    m_lastReceived = Clock::now();
    m_idleBytesSeen = 0;
    m_readNotifier = new QSocketNotifier(qintptr(m_socket), QSocketNotifier::Read, this);
    m_writeNotifier = new QSocketNotifier(qintptr(m_socket), QSocketNotifier::Write, this);
    m_writeNotifier->setEnabled(false);
    connect(m_readNotifier, &QSocketNotifier::activated, this, &SessionWorker::onReadable);
    connect(m_writeNotifier, &QSocketNotifier::activated, this, &SessionWorker::pump);
    return {};
}

Result<> SessionWorker::verifyHostKey()
{
    size_t length = 0;
    int type = 0;
    const char *key = libssh2_session_hostkey(m_session, &length, &type);
    if (!key)
        return failure(QStringLiteral("%1 sent no host key.").arg(where(m_settings)));
    const QByteArray keyBytes(key, qsizetype(length));
    const KnownHosts knownHosts(m_session);
    const auto verdict = knownHosts.check(m_settings.knownHostsFiles, m_settings.host, m_settings.port, keyBytes, type);
    const QString fingerprint = KnownHosts::fingerprintSha256(m_session);
    const QString keyType = KnownHosts::keyTypeName(type);
    switch (verdict.status) {
    case KnownHosts::Status::Match:
        return {};
    case KnownHosts::Status::Mismatch:
        return failure(QStringLiteral(
                           "WARNING: the host key of %1 has CHANGED since it was saved in %2. Someone could be "
                           "intercepting the connection, or the server was reinstalled. clusterdesk did not log in "
                           "and sent no password or key. The server now presents %3 %4. If the cluster's "
                           "administrators announced a new key, remove the old one with: ssh-keygen -R '%5' -f %2")
                           .arg(where(m_settings), verdict.file, keyType, fingerprint,
                                m_settings.port == 22 ? m_settings.host
                                                      : QStringLiteral("[%1]:%2").arg(m_settings.host).arg(m_settings.port)));
    case KnownHosts::Status::NotFound:
        break;
    }
    switch (m_settings.strictHostKeyChecking) {
    case StrictHostKeyChecking::No:
        return {};
    case StrictHostKeyChecking::AcceptNew:
        return KnownHosts::append(verdict.file, m_settings.host, m_settings.port, keyBytes, type);
    case StrictHostKeyChecking::Yes:
        return failure(QStringLiteral("The host key of %1 (%2 %3) is not in your known hosts, and "
                                      "StrictHostKeyChecking is on. Add it after checking the fingerprint with the "
                                      "cluster's documentation.")
                           .arg(where(m_settings), keyType, fingerprint));
    case StrictHostKeyChecking::Ask:
        break;
    }
    SshInteraction::HostKeyQuestion question;
    question.host = m_settings.host;
    question.port = m_settings.port;
    question.keyType = keyType;
    question.fingerprintSha256 = fingerprint;
    question.knownHostsFile = verdict.file;
    const auto decision = askAndWait<SshInteraction::HostKeyDecision>(
        SshInteraction::HostKeyDecision::Reject,
        [question](SshInteraction *interaction, auto reply) { interaction->askHostKey(question, reply); });
    switch (decision) {
    case SshInteraction::HostKeyDecision::Reject:
        return failure(QStringLiteral("The host key of %1 (%2) was not accepted, so clusterdesk did not log in.")
                           .arg(where(m_settings), fingerprint));
    case SshInteraction::HostKeyDecision::AcceptOnce:
        return {};
    case SshInteraction::HostKeyDecision::AcceptAndSave:
        return KnownHosts::append(verdict.file, m_settings.host, m_settings.port, keyBytes, type);
    }
    return {};
}

template<typename Answer, typename Ask>
Answer SessionWorker::askAndWait(Answer cancelled, Ask ask)
{
    const QPointer<SshInteraction> interaction = m_interaction;
    if (!interaction)
        return cancelled;
    auto promise = std::make_shared<std::promise<Answer>>();
    std::future<Answer> future = promise->get_future();
    auto answered = std::make_shared<std::atomic<bool>>(false);
    std::function<void(Answer)> reply = [promise, answered](Answer answer) {
        if (!answered->exchange(true))
            promise->set_value(std::move(answer));
    };
    promise.reset(); // the reply callbacks own it: if the interaction drops them, the future breaks
    QMetaObject::invokeMethod(
        interaction.data(),
        [interaction, ask, reply] {
            if (interaction)
                ask(interaction.data(), reply);
        },
        Qt::QueuedConnection);
    reply = nullptr;
    while (future.wait_for(100ms) != std::future_status::ready) {
        if (m_stopRequested)
            return cancelled;
    }
    try {
        return future.get();
    } catch (const std::future_error &) {
        return cancelled; // the interaction went away without answering
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
        for (int attempt = 0; attempt < 100 && libssh2_session_free(m_session) == LIBSSH2_ERROR_EAGAIN; ++attempt) {
        }
        m_session = nullptr;
    }
    if (m_socket >= 0) {
        ::close(m_socket);
        m_socket = -1;
    }
    m_jump.reset();
}

bool SessionWorker::sessionBroken() const
{
    switch (libssh2_session_last_errno(m_session)) {
    case LIBSSH2_ERROR_SOCKET_RECV:
    case LIBSSH2_ERROR_SOCKET_SEND:
    case LIBSSH2_ERROR_SOCKET_DISCONNECT:
    case LIBSSH2_ERROR_SOCKET_NONE:
        return true;
    default:
        return false;
    }
}

void SessionWorker::linkLost(const QString &why)
{
    if (m_state != SshConnectionState::Connected)
        return;
    m_tick.stop();
    const QString message = QStringLiteral("The connection to %1 was lost: %2").arg(where(m_settings), why);
    for (const auto &operation : std::exchange(m_active, {}))
        operation->abandon(message + QStringLiteral(" The command may or may not have finished."));
    teardown();
    if (!m_settings.reconnect || m_stopRequested) {
        for (const auto &operation : std::exchange(m_waiting, {}))
            operation->abandon(message);
        setState(SshConnectionState::Failed, message);
        return;
    }
    m_reconnectAttempt = 0;
    setState(SshConnectionState::Reconnecting, message);
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
        setState(SshConnectionState::Reconnecting,
                 QStringLiteral("%1 Trying again (attempt %2).").arg(connected.error()).arg(m_reconnectAttempt + 1));
        scheduleReconnect();
        return;
    }
    for (const auto &operation : std::exchange(m_waiting, {}))
        operation->abandon(connected.error());
    setState(SshConnectionState::Failed, connected.error());
}

void SessionWorker::onReadable()
{
    if (!m_active.empty() || !m_waiting.empty()) {
        pump();
        return;
    }
    // Idle: nothing reads the socket. Look without consuming: end of stream means the server or the
    // link went away; data (keep-alive replies) waits for the next operation to let libssh2 read it.
    char byte;
    const ssize_t n = ::recv(m_socket, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    if (n == 0) {
        linkLost(QStringLiteral("the server closed the connection."));
    } else if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
        linkLost(systemError(errno) + u'.');
    } else if (n > 0 && m_readNotifier) {
        m_readNotifier->setEnabled(false); // re-enabled by the next pump or tick
    }
}

void SessionWorker::pump()
{
    if (!m_session || m_state != SshConnectionState::Connected || m_pumping)
        return;
    m_pumping = true;
    bool progressed = true;
    while (progressed && m_session) {
        progressed = false;
        while (!m_waiting.empty()) {
            const int channels = int(std::count_if(m_active.begin(), m_active.end(),
                                                   [](const auto &op) { return op->needsChannel(); }));
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
            int available = 0;
            if (ioctl(m_socket, FIONREAD, &available) == 0 && available > m_idleBytesSeen) {
                m_idleBytesSeen = available;
                m_lastReceived = Clock::now();
            }
        }
        const auto silence = Clock::now() - m_lastReceived;
        const auto bound = std::chrono::seconds(m_settings.keepAliveIntervalSeconds * (m_settings.keepAliveCountMax + 1));
        if (silence > bound) {
            linkLost(QStringLiteral("no answer to keep-alives for %1 s.")
                         .arg(std::chrono::duration_cast<std::chrono::seconds>(silence).count()));
            return;
        }
    }
    pump();
}

ssize_t SessionWorker::receive(libssh2_socket_t socket, void *buffer, size_t length, int flags, void **abstract)
{
    const ssize_t n = ::recv(socket, buffer, length, flags);
    if (n < 0)
        return -errno; // libssh2's convention
    auto *worker = static_cast<SessionWorker *>(static_cast<SessionContext *>(*abstract)->worker);
    if (n > 0) {
        worker->m_lastReceived = Clock::now();
        worker->m_idleBytesSeen = 0;
    }
    return n;
}

} // namespace sshcore::detail
