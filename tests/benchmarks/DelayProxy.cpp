// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DelayProxy.h"

#include <QThread>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <list>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace bench {

namespace {

using Clock = std::chrono::steady_clock;

constexpr size_t ReadChunk = 256 * 1024;
// Only a safety net: the SSH windows keep far less than this in flight.
constexpr size_t MaxQueued = 256u << 20;

struct Chunk
{
    Clock::time_point due;
    std::vector<char> bytes;
};

// One direction of one connection: what was read from `from` and waits for its time to go to `to`.
struct Flow
{
    int from = -1;
    int to = -1;
    std::deque<Chunk> queue;
    size_t headSent = 0;
    size_t queued = 0;
    bool ended = false;    // `from` said EOF
    bool shutDown = false; // and `to` was told, after the last byte
    bool blocked = false;  // `to` would not take more

    bool wantsRead() const { return !ended && queued < MaxQueued; }
    bool due(Clock::time_point now) const { return !queue.empty() && queue.front().due <= now; }
};

struct Link
{
    int client = -1;
    int server = -1;
    Flow up;   // client to server
    Flow down; // server to client
    bool broken = false;
};

void setNonBlocking(int fd)
{
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

// Reads everything `from` has now; false if the connection broke.
bool readAll(Flow &flow, std::chrono::milliseconds delay, std::vector<char> &buffer)
{
    while (flow.wantsRead()) {
        const ssize_t n = ::recv(flow.from, buffer.data(), buffer.size(), 0);
        if (n < 0)
            return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR;
        if (n == 0) {
            flow.ended = true;
            return true;
        }
        flow.queued += size_t(n);
        flow.queue.push_back({Clock::now() + delay, std::vector<char>(buffer.data(), buffer.data() + n)});
    }
    return true;
}

// Sends every chunk whose time has come; false if the connection broke.
bool sendDue(Flow &flow, Clock::time_point now)
{
    flow.blocked = false;
    while (flow.due(now)) {
        const std::vector<char> &head = flow.queue.front().bytes;
        const ssize_t n = ::send(flow.to, head.data() + flow.headSent, head.size() - flow.headSent, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                flow.blocked = true;
                return true;
            }
            return errno == EINTR;
        }
        flow.headSent += size_t(n);
        flow.queued -= size_t(n);
        if (flow.headSent == head.size()) {
            flow.queue.pop_front();
            flow.headSent = 0;
        }
    }
    if (flow.ended && flow.queue.empty() && !flow.shutDown) {
        ::shutdown(flow.to, SHUT_WR);
        flow.shutDown = true;
    }
    return true;
}

} // namespace

DelayProxy::DelayProxy(QString targetHost, quint16 targetPort, std::chrono::milliseconds oneWay)
    : m_targetHost(std::move(targetHost))
    , m_targetPort(targetPort)
    , m_delay(oneWay)
{}

DelayProxy::~DelayProxy()
{
    stop();
}

sshcore::Result<quint16> DelayProxy::start()
{
    m_listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    auto *name = reinterpret_cast<sockaddr *>(&address);
    if (m_listener < 0 || ::bind(m_listener, name, sizeof address) != 0 || ::listen(m_listener, 16) != 0
        || ::getsockname(m_listener, name, &length) != 0 || ::pipe2(m_wake, O_CLOEXEC | O_NONBLOCK) != 0)
        return sshcore::failure(
            QStringLiteral("The delay proxy cannot listen: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
    setNonBlocking(m_listener);
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->setObjectName(QStringLiteral("delay-proxy"));
    m_thread->start();
    return ntohs(address.sin_port);
}

void DelayProxy::stop()
{
    if (m_thread) {
        const char byte = 0;
        (void)!::write(m_wake[1], &byte, 1);
        m_thread->wait();
        m_thread.reset();
    }
    for (int *fd : {&m_listener, &m_wake[0], &m_wake[1]}) {
        if (*fd >= 0)
            ::close(*fd);
        *fd = -1;
    }
}

void DelayProxy::run()
{
    sockaddr_in target{};
    target.sin_family = AF_INET;
    target.sin_port = htons(m_targetPort);
    ::inet_pton(AF_INET, m_targetHost.toLatin1().constData(), &target.sin_addr);

    std::list<Link> links;
    std::vector<pollfd> fds;
    std::vector<char> buffer(ReadChunk);
    for (;;) {
        // Ask for input where there is room, for output where something due could not go, and wake
        // up when the next chunk falls due.
        fds.clear();
        fds.push_back({m_wake[0], POLLIN, 0});
        fds.push_back({m_listener, POLLIN, 0});
        Clock::time_point now = Clock::now();
        Clock::time_point wake = Clock::time_point::max();
        for (Link &link : links) {
            const auto events = [](const Flow &in, const Flow &out) {
                return short((in.wantsRead() ? POLLIN : 0) | (out.blocked ? POLLOUT : 0));
            };
            // A socket with nothing to wait for is left out: a closed one would report POLLHUP forever.
            const short client = events(link.up, link.down);
            const short server = events(link.down, link.up);
            fds.push_back({client ? link.client : -1, client, 0});
            fds.push_back({server ? link.server : -1, server, 0});
            for (const Flow *flow : {&link.up, &link.down}) {
                if (!flow->queue.empty() && !flow->blocked)
                    wake = std::min(wake, flow->queue.front().due);
            }
        }
        timespec timeout{};
        const timespec *timeoutPointer = nullptr;
        if (wake != Clock::time_point::max()) {
            const auto wait = std::max(Clock::duration::zero(), wake - now);
            const auto nanoseconds = std::chrono::duration_cast<std::chrono::nanoseconds>(wait).count();
            timeout.tv_sec = time_t(nanoseconds / 1'000'000'000);
            timeout.tv_nsec = long(nanoseconds % 1'000'000'000);
            timeoutPointer = &timeout;
        }
        if (::ppoll(fds.data(), fds.size(), timeoutPointer, nullptr) < 0 && errno != EINTR)
            break;
        if (fds[0].revents)
            break;
        if (fds[1].revents & POLLIN) {
            for (;;) {
                const int client = ::accept4(m_listener, nullptr, nullptr, SOCK_CLOEXEC);
                if (client < 0)
                    break;
                // The target is on this machine: a blocking connect returns at once.
                const int server = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
                const auto *address = reinterpret_cast<const sockaddr *>(&target);
                if (server < 0 || ::connect(server, address, sizeof target) != 0) {
                    ::close(client);
                    if (server >= 0)
                        ::close(server);
                    continue;
                }
                setNonBlocking(client);
                setNonBlocking(server);
                Link &link = links.emplace_back();
                link.client = client;
                link.server = server;
                link.up.from = link.down.to = client;
                link.up.to = link.down.from = server;
            }
        }
        // Read before sending, so that a chunk read now is timed from now.
        for (Link &link : links) {
            for (Flow *flow : {&link.up, &link.down}) {
                if (!link.broken && !readAll(*flow, m_delay, buffer))
                    link.broken = true;
            }
        }
        now = Clock::now();
        for (auto it = links.begin(); it != links.end();) {
            Link &link = *it;
            for (Flow *flow : {&link.up, &link.down}) {
                if (!link.broken && !sendDue(*flow, now))
                    link.broken = true;
            }
            if (link.broken || (link.up.shutDown && link.down.shutDown)) {
                ::close(link.client);
                ::close(link.server);
                it = links.erase(it);
            } else {
                ++it;
            }
        }
    }
    for (Link &link : links) {
        ::close(link.client);
        ::close(link.server);
    }
}

} // namespace bench
