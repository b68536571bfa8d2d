// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/Result.h"
#include "sshcore/sftp/SftpProtocol.h"

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>

#include <deque>
#include <functional>
#include <libssh2.h>

namespace sshcore::detail {

// The connection's one SFTP channel, shared by every SFTP operation, speaking the protocol itself over a
// libssh2 channel. libssh2's own SFTP layer keeps one state per kind of request and shares the channel's
// partial-write state between them, so it cannot carry several files at once; here requests are
// queued as packets, written by one writer that always resumes where libssh2 stopped, and the replies
// are matched to their requests by id, in whatever order they come.
//
// Worker thread only. Replies are delivered from pump(), which the session worker calls.
class SftpSession
{
public:
    enum class Status { Ready, Blocked, Failed };
    using Handler = std::function<void(const sftp::Reply &)>;

    SftpSession() = default;
    SftpSession(const SftpSession &) = delete;
    SftpSession &operator=(const SftpSession &) = delete;

    // Opens the channel, starts the subsystem and agrees on the version, one non-blocking step at a
    // time. attempt identifies the opening the caller waits for: every caller waiting on an attempt
    // that failed gets Failed with error(); a caller arriving later starts a new one.
    Status open(LIBSSH2_SESSION *session, quint64 *attempt);
    Error error() const { return m_error; }
    bool isOpen() const { return m_channel != nullptr; }

    // Writes what is queued and reads what arrived, delivering replies. True if anything moved.
    bool pump(LIBSSH2_SESSION *session);

    // Queues a request built by fill; handler gets its reply (exactly once, unless the session is
    // abandoned). The reply's payload is valid only during the call.
    void request(quint8 type, const std::function<void(sftp::PacketWriter &)> &fill, Handler handler);

    void close();   // the session is still up: close the channel politely
    void abandon(); // the session is gone: forget everything without touching libssh2

    bool hasExtension(const QByteArray &name) const { return m_extensions.contains(name); }
    // The largest read and write requests the server takes (limits@openssh.com, else the protocol's
    // safe 32 kB).
    quint32 maxRead() const { return m_maxRead; }
    quint32 maxWrite() const { return m_maxWrite; }

private:
    enum class Phase { Closed, OpeningChannel, StartingSubsystem, Negotiating, AskingLimits, Ready };
    void fail(const Error &why);
    void freeChannels();
    void clearStreams();
    bool writeQueued(LIBSSH2_SESSION *session);
    bool readArrived(LIBSSH2_SESSION *session);
    void deliver(const QByteArray &packet);
    void onVersion(const QByteArray &packet);

    Phase m_phase = Phase::Closed;
    LIBSSH2_CHANNEL *m_channel = nullptr;
    std::deque<LIBSSH2_CHANNEL *> m_closing; // failed channels libssh2 has not finished freeing
    quint64 m_attempt = 0;
    quint64 m_failedAttempt = 0;
    Error m_error;
    quint32 m_nextId = 1;
    QHash<quint32, Handler> m_pending;
    std::deque<QByteArray> m_outbound;
    qsizetype m_headSent = 0; // bytes of m_outbound.front() libssh2 has taken
    QByteArray m_inbound;
    qsizetype m_inboundStart = 0;
    QSet<QByteArray> m_extensions;
    quint32 m_maxRead = 32 * 1024;
    quint32 m_maxWrite = 32 * 1024;
};

// The connection's SFTP channels: the shared one every operation uses, and a few more that a large
// upload borrows. A server grants each channel a fixed flow-control window (OpenSSH: 2 MiB), which
// caps one channel at window / round trip (100 MiB/s at 20 ms); a file's parts written over several
// channels go past that. Worker thread only.
class SftpChannels
{
public:
    static constexpr int ExtraChannels = 2;

    SftpSession &shared() { return m_shared; }
    // A free extra channel (opened by whoever borrows it), or null; given back with giveBack().
    SftpSession *borrow();
    void giveBack(SftpSession *channel);

    bool pump(LIBSSH2_SESSION *session); // every channel that is open
    void close();                        // the session is still up
    void abandon();                      // the session is gone

private:
    SftpSession m_shared;
    SftpSession m_extra[ExtraChannels];
    bool m_borrowed[ExtraChannels] = {};
};

} // namespace sshcore::detail
