// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// SessionWorker, part two: establishing the session (TCP or a jump host, handshake, host key,
// authentication). Part one (SessionWorker.cpp) runs it once it is up.

#include "sshcore/KnownHosts.h"
#include "sshcore/SshConnection.h"
#include "sshcore/session/AlgorithmPreference.h"
#include "sshcore/session/LibsshErrors.h"
#include "sshcore/session/SessionWorker.h"
#include "sshcore/tunnel/ForwardOperation.h"

#include <QCoreApplication>

#include <cerrno>
#include <cstring>
#include <future>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace sshcore::detail {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(sshcore::SessionConnect)
};

} // namespace

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
        return failure(ErrorKind::NotFound,
                       Tr::tr("The host name \"%1\" could not be resolved (%2). Check its spelling and "
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
        return failure(ErrorKind::LinkLost, Tr::tr("The connection was closed."));
    }
    if (result < 0) {
        m_lastFailureRetryable = true;
        if (lastError == ECONNREFUSED)
            return failure(ErrorKind::Refused,
                           Tr::tr("Nothing accepts connections on %1 (connection refused). Check the port "
                                  "number, and that the SSH server is running.")
                               .arg(where(m_settings)));
        if (lastError == ETIMEDOUT)
            return failure(ErrorKind::TimedOut,
                           Tr::tr("No answer from %1 within %2 s. The host may be down, or a firewall may "
                                  "be dropping the connection.")
                               .arg(where(m_settings))
                               .arg(m_settings.connectTimeoutSeconds));
        return failure(errnoKind(lastError),
                       Tr::tr("Cannot connect to %1: %2.").arg(where(m_settings), systemError(lastError)));
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
        return failure(Tr::tr("Cannot make a socket pair: %1.").arg(systemError(errno)));
    auto promise = std::make_shared<std::promise<QString>>();
    std::future<QString> opened = promise->get_future();
    auto answered = std::make_shared<std::atomic<bool>>(false);
    auto *relay = new ForwardRelay;
    QObject::connect(
        relay, &ForwardRelay::opened, relay,
        [promise, answered] {
            if (!answered->exchange(true))
                promise->set_value({});
        },
        Qt::DirectConnection);
    QObject::connect(
        relay, &ForwardRelay::closed, relay,
        [promise, answered](const QString &error) {
            if (!answered->exchange(true))
                promise->set_value(error.isEmpty() ? QStringLiteral("the jump host closed the connection") : error);
        },
        Qt::DirectConnection);
    relay->moveToThread(m_jump->workerThread());
    m_jump->open();
    m_jump->submit(std::make_shared<ForwardOperation>(pair[0], m_settings.host.toUtf8(), m_settings.port,
                                                      std::make_shared<ForwardShared>(), relay));
    // The jump host may ask its own questions (a TOTP code): no deadline, but a stop ends the wait.
    while (opened.wait_for(50ms) != std::future_status::ready) {
        if (m_stopRequested) {
            ::close(pair[1]);
            return failure(ErrorKind::LinkLost, Tr::tr("The connection was closed."));
        }
    }
    const QString error = opened.get();
    if (!error.isEmpty()) {
        ::close(pair[1]);
        m_lastFailureRetryable = true; // the jump host may come back; our reconnect backs off
        return failure(ErrorKind::LinkLost,
                       Tr::tr("Through the jump host %1: %2").arg(jumpSettings.displayName(), error));
    }
    return pair[1];
}

namespace {

SessionMemory *memoryOf(void **abstract)
{
    return static_cast<SessionContext *>(*abstract)->memory;
}

} // namespace

Result<> SessionWorker::connectOnce()
{
    teardown();
    m_lastFailureRetryable = true;
    auto socket = m_settings.jumpHosts.isEmpty() ? openSocket() : openThroughJumpHost();
    if (!socket)
        return std::unexpected(socket.error());
    m_socket = *socket;

    using Memory = SessionMemory::Callbacks<&memoryOf>;
    m_session = libssh2_session_init_ex(&Memory::allocate, &Memory::release, &Memory::reallocate, &m_context);
    if (!m_session)
        return failure(Tr::tr("Could not create an SSH session (out of memory?)."));
    libssh2_session_set_blocking(m_session, 0);
    libssh2_session_callback_set2(m_session, LIBSSH2_CALLBACK_RECV, reinterpret_cast<libssh2_cb_generic *>(&receive));
    libssh2_session_banner_set(m_session, "SSH-2.0-clusterdesk_" CLUSTERDESK_VERSION);
    // Ask for the key type known_hosts already has, so that a server with several host keys does not
    // look like one whose key changed; the algorithms ssh_config chose; the fastest ciphers first.
    const QStringList knownKeyMethods = KnownHosts(m_session).knownKeyMethods(m_settings.knownHostsFiles,
                                                                              m_settings.host, m_settings.port);
    const auto offered = applyAlgorithmPreferences(m_session, m_settings.algorithms, knownKeyMethods);
    if (!offered) {
        m_lastFailureRetryable = false; // only a change of the settings helps
        return failure(offered.error().prefixed(QStringLiteral("%1: ").arg(where(m_settings))));
    }

    const auto deadline = Clock::now() + std::chrono::seconds(m_settings.connectTimeoutSeconds);
    int rc;
    while ((rc = libssh2_session_handshake(m_session, libssh2_socket_t(m_socket))) == LIBSSH2_ERROR_EAGAIN) {
        if (const auto waited = waitSocket(deadline); !waited)
            return waited;
    }
    if (rc == LIBSSH2_ERROR_KEX_FAILURE) {
        // Most often nothing in common: a hardened or an old server, or narrow choices in ssh_config.
        const Error why = libsshError(m_session, "libssh2 says");
        return failure(ErrorKind::Refused,
                       Tr::tr("The SSH handshake with %1 failed: the server accepts none of the algorithms "
                              "clusterdesk offered for key exchange, host key, cipher or MAC, or the key "
                              "exchange itself failed (%2) Offered: %3. Check Ciphers, MACs, KexAlgorithms "
                              "and HostKeyAlgorithms in ~/.ssh/config or the cluster's settings; 'ssh -vv' "
                              "shows what the server accepts.")
                           .arg(where(m_settings), why.message, offered->describe()));
    }
    if (rc != 0) {
        const Error why = libsshError(m_session, "libssh2 says");
        return failure(
            why.withMessage(Tr::tr("The SSH handshake with %1 failed. %2").arg(where(m_settings), why.message)));
    }
    Q_EMIT methodsNegotiated(negotiatedMethods(m_session));
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
        return askAndWait<std::optional<AskedSecret>>(std::nullopt, [question](SshInteraction *interaction,
                                                                               auto reply) {
            // Whether a person typed it is asked as the answer comes, on the interaction's thread.
            interaction->askSecret(question,
                                   [interaction = QPointer(interaction), reply](std::optional<QString> secret) {
                                       if (!secret)
                                           return reply(std::nullopt);
                                       reply(AskedSecret{*secret, !interaction
                                                                      || interaction->lastSecretSource()
                                                                             == SshInteraction::AnswerSource::Person});
                                   });
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
    Q_EMIT loginUnattended(unattendedLogin(authenticator.personAnswered()));
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
        return failure(ErrorKind::Refused, Tr::tr("%1 sent no host key.").arg(where(m_settings)));
    const QByteArray keyBytes(key, qsizetype(length));
    const KnownHosts knownHosts(m_session);
    const auto verdict = knownHosts.check(m_settings.knownHostsFiles, m_settings.host, m_settings.port, keyBytes, type);
    const QString fingerprint = KnownHosts::fingerprintSha256(m_session);
    const QString keyType = KnownHosts::keyTypeName(type);
    switch (verdict.status) {
    case KnownHosts::Status::Match: return {};
    case KnownHosts::Status::Mismatch: {
        SshInteraction::HostKeyChange change;
        change.key = {m_settings.host, m_settings.port, keyType, fingerprint, verdict.file};
        change.removeCommand = QStringLiteral("ssh-keygen -R '%1' -f %2")
                                   .arg(m_settings.port == 22
                                            ? m_settings.host
                                            : QStringLiteral("[%1]:%2").arg(m_settings.host).arg(m_settings.port),
                                        verdict.file);
        if (const QPointer<SshInteraction> interaction = m_interaction) {
            QMetaObject::invokeMethod(
                interaction.data(),
                [interaction, change] {
                    if (interaction)
                        interaction->warnHostKeyChanged(change);
                },
                Qt::QueuedConnection);
        }
        return failure(ErrorKind::Refused,
                       Tr::tr("WARNING: the host key of %1 has CHANGED since it was saved in %2. Someone could be "
                              "intercepting the connection, or the server was reinstalled. clusterdesk did not log in "
                              "and sent no password or key. The server now presents %3 %4. If the cluster's "
                              "administrators announced a new key, remove the old one with: %5")
                           .arg(where(m_settings), verdict.file, keyType, fingerprint, change.removeCommand));
    }
    case KnownHosts::Status::NotFound: break;
    }
    switch (m_settings.strictHostKeyChecking) {
    case StrictHostKeyChecking::No: return {};
    case StrictHostKeyChecking::AcceptNew:
        return KnownHosts::append(verdict.file, m_settings.host, m_settings.port, keyBytes, type);
    case StrictHostKeyChecking::Yes:
        return failure(ErrorKind::Refused,
                       Tr::tr("The host key of %1 (%2 %3) is not in your known hosts, and "
                              "StrictHostKeyChecking is on. Add it after checking the fingerprint with the "
                              "cluster's documentation.")
                           .arg(where(m_settings), keyType, fingerprint));
    case StrictHostKeyChecking::Ask: break;
    }
    SshInteraction::HostKeyQuestion question;
    question.host = m_settings.host;
    question.port = m_settings.port;
    question.keyType = keyType;
    question.fingerprintSha256 = fingerprint;
    question.knownHostsFile = verdict.file;
    const auto decision = askAndWait<SshInteraction::HostKeyDecision>(SshInteraction::HostKeyDecision::Reject,
                                                                      [question](SshInteraction *interaction,
                                                                                 auto reply) {
                                                                          interaction->askHostKey(question, reply);
                                                                      });
    switch (decision) {
    case SshInteraction::HostKeyDecision::Reject:
        return failure(ErrorKind::Refused,
                       Tr::tr("The host key of %1 (%2) was not accepted, so clusterdesk did not log in.")
                           .arg(where(m_settings), fingerprint));
    case SshInteraction::HostKeyDecision::AcceptOnce: return {};
    case SshInteraction::HostKeyDecision::AcceptAndSave:
        return KnownHosts::append(verdict.file, m_settings.host, m_settings.port, keyBytes, type);
    }
    return {};
}

} // namespace sshcore::detail
