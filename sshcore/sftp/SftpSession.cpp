// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sshcore/sftp/SftpSession.h"

#include "sshcore/session/LibsshErrors.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QtEndian>

namespace sshcore::detail {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(sshcore::SftpSession)
};

} // namespace

namespace {
Q_LOGGING_CATEGORY(lcSftp, "clusterdesk.sftp", QtWarningMsg)

// The receive window asked for: enough for a fast link with tens of milliseconds of latency.
constexpr unsigned ReceiveWindow = 16u << 20;
// Small requests are sent together, up to this much per channel write.
constexpr qsizetype CoalesceLimit = 32 * 1024;
constexpr qsizetype ReadChunk = 256 * 1024;
// No server sends bigger packets (OpenSSH's limit is 256 kB); a bigger length means a broken stream.
constexpr quint32 MaxPacket = 4u << 20;
constexpr quint32 MaxRequest = 256 * 1024;
} // namespace

SftpSession::Status SftpSession::open(LIBSSH2_SESSION *session, quint64 *attempt)
{
    if (m_phase == Phase::Ready)
        return Status::Ready;
    if (m_phase == Phase::Closed) {
        if (*attempt != 0 && *attempt == m_failedAttempt)
            return Status::Failed;
        *attempt = ++m_attempt;
        m_error = {};
        m_phase = Phase::OpeningChannel;
    }
    *attempt = m_attempt;
    if (m_phase == Phase::OpeningChannel) {
        m_channel = libssh2_channel_open_ex(session, "session", sizeof "session" - 1, ReceiveWindow,
                                            LIBSSH2_CHANNEL_PACKET_DEFAULT, nullptr, 0);
        if (!m_channel) {
            if (libssh2_session_last_errno(session) == LIBSSH2_ERROR_EAGAIN)
                return Status::Blocked;
            fail(libsshError(session, "The server refused a channel for SFTP"));
            return Status::Failed;
        }
        m_phase = Phase::StartingSubsystem;
    }
    if (m_phase == Phase::StartingSubsystem) {
        const int rc = libssh2_channel_process_startup(m_channel, "subsystem", sizeof "subsystem" - 1, "sftp",
                                                       sizeof "sftp" - 1);
        if (rc == LIBSSH2_ERROR_EAGAIN)
            return Status::Blocked;
        if (rc < 0) {
            fail({ErrorKind::Refused, Tr::tr("The server refused the SFTP subsystem (is SFTP disabled there?)")});
            return Status::Failed;
        }
        libssh2_channel_handle_extended_data2(m_channel, LIBSSH2_CHANNEL_EXTENDED_DATA_IGNORE);
        m_phase = Phase::Negotiating;
        sftp::PacketWriter init(sftp::Init, 0);
        init.u32(3);
        m_outbound.push_back(init.take());
        pump(session);
    }
    if (m_phase == Phase::Closed)
        return Status::Failed;
    return m_phase == Phase::Ready ? Status::Ready : Status::Blocked;
}

void SftpSession::request(quint8 type, const std::function<void(sftp::PacketWriter &)> &fill, Handler handler)
{
    if (m_phase == Phase::Closed) {
        // The channel failed (or never opened): this request can never be answered.
        sftp::Reply lost;
        lost.status = sftp::ConnectionLost;
        lost.message = m_error.message.isEmpty() ? QStringLiteral("the SFTP channel is closed") : m_error.message;
        handler(lost);
        return;
    }
    const quint32 id = m_nextId++;
    sftp::PacketWriter packet(type, id);
    if (fill)
        fill(packet);
    m_outbound.push_back(packet.take());
    m_pending.insert(id, std::move(handler));
}

bool SftpSession::pump(LIBSSH2_SESSION *session)
{
    freeChannels();
    if (!m_channel)
        return false;
    bool progressed = writeQueued(session);
    if (m_channel)
        progressed = readArrived(session) || progressed;
    if (m_channel && m_outbound.empty() == false)
        progressed = writeQueued(session) || progressed; // replies often make new requests
    return progressed;
}

bool SftpSession::writeQueued(LIBSSH2_SESSION *session)
{
    bool progressed = false;
    while (!m_outbound.empty()) {
        if (m_headSent == 0) {
            // Not yet started: small packets behind it may join it (libssh2 sends one SSH packet per
            // write). Once libssh2 has taken part of it, it must be resumed exactly as it is.
            while (m_outbound.size() > 1 && m_outbound[0].size() + m_outbound[1].size() <= CoalesceLimit) {
                QByteArray next = std::move(m_outbound[1]);
                m_outbound.erase(m_outbound.begin() + 1); // may move the front element: no reference kept
                m_outbound.front().append(next);
            }
        }
        const QByteArray &head = m_outbound.front();
        const ssize_t rc = libssh2_channel_write(m_channel, head.constData() + m_headSent,
                                                 size_t(head.size() - m_headSent));
        if (rc == LIBSSH2_ERROR_EAGAIN)
            break;
        if (rc < 0) {
            fail(libsshError(session, "The connection failed while sending SFTP data"));
            return true;
        }
        progressed = progressed || rc > 0;
        m_headSent += rc;
        if (m_headSent == head.size()) {
            m_outbound.pop_front();
            m_headSent = 0;
        }
        if (rc == 0)
            break;
    }
    return progressed;
}

bool SftpSession::readArrived(LIBSSH2_SESSION *session)
{
    bool progressed = false;
    while (m_channel) {
        if (m_inboundStart > 0 && (m_inboundStart == m_inbound.size() || m_inboundStart > (1 << 20))) {
            m_inbound.remove(0, m_inboundStart);
            m_inboundStart = 0;
        }
        const qsizetype old = m_inbound.size();
        m_inbound.resize(old + ReadChunk);
        const ssize_t rc = libssh2_channel_read(m_channel, m_inbound.data() + old, size_t(ReadChunk));
        m_inbound.resize(old + std::max<ssize_t>(rc, 0));
        if (rc == LIBSSH2_ERROR_EAGAIN)
            break;
        if (rc < 0) {
            fail(libsshError(session, "The connection failed while receiving SFTP data"));
            return true;
        }
        if (rc == 0) {
            if (libssh2_channel_eof(m_channel)) {
                fail({ErrorKind::LinkLost,
                      Tr::tr("The server ended the SFTP session (its connection closed or its SFTP server stopped).")});
                return true;
            }
            break;
        }
        progressed = true;
        // Deliver every complete packet. The replies point into this buffer: keep it alive (shared)
        // while handlers run, whatever they cause.
        const QByteArray buffer = m_inbound;
        qsizetype start = m_inboundStart;
        while (buffer.size() - start >= 4) {
            const quint32 length = qFromBigEndian<quint32>(buffer.constData() + start);
            if (length < 1 || length > MaxPacket) {
                fail(
                    {ErrorKind::Malformed, Tr::tr("The server sent a malformed SFTP packet (length %1).").arg(length)});
                return true;
            }
            if (buffer.size() - start - 4 < qsizetype(length))
                break;
            const QByteArray packet = QByteArray::fromRawData(buffer.constData() + start, qsizetype(length) + 4);
            start += qsizetype(length) + 4;
            m_inboundStart = start;
            deliver(packet);
            if (!m_channel)
                return true;
        }
    }
    return progressed;
}

void SftpSession::deliver(const QByteArray &packet)
{
    const auto type = quint8(packet.at(4));
    if (type == sftp::Version) {
        onVersion(packet);
        return;
    }
    sftp::Reply reply;
    reply.type = type;
    reply.payload = packet;
    reply.offset = 9;
    sftp::PacketReader header(packet, 5);
    const quint32 id = header.u32();
    if (header.failed()) {
        fail({ErrorKind::Malformed, Tr::tr("The server sent a malformed SFTP reply.")});
        return;
    }
    const auto found = m_pending.find(id);
    if (found == m_pending.end()) {
        qCWarning(lcSftp) << "SFTP reply" << type << "to unknown request" << id;
        return;
    }
    const Handler handler = std::move(found.value());
    m_pending.erase(found);
    if (type == sftp::Status) {
        sftp::PacketReader reader = reply.reader();
        reply.status = reader.u32();
        reply.message = QString::fromUtf8(reader.string());
        if (reader.failed()) {
            reply.status = sftp::BadMessage;
            reply.message = QStringLiteral("malformed status reply");
        }
    }
    handler(reply);
}

void SftpSession::onVersion(const QByteArray &packet)
{
    if (m_phase != Phase::Negotiating)
        return;
    sftp::PacketReader reader(packet, 5);
    const quint32 version = reader.u32();
    if (reader.failed() || version < 3) {
        fail({ErrorKind::Refused,
              Tr::tr("The server speaks SFTP version %1; clusterdesk needs version 3.").arg(version)});
        return;
    }
    while (!reader.atEnd() && !reader.failed()) {
        const QByteArray name = reader.string();
        reader.string();
        if (!reader.failed())
            m_extensions.insert(name);
    }
    qCDebug(lcSftp) << "SFTP version" << version << "extensions" << m_extensions;
    if (!hasExtension("limits@openssh.com")) {
        m_phase = Phase::Ready;
        return;
    }
    m_phase = Phase::AskingLimits;
    request(
        sftp::Extended, [](sftp::PacketWriter &w) { w.string(QByteArrayLiteral("limits@openssh.com")); },
        [this](const sftp::Reply &reply) {
            if (reply.type == sftp::ExtendedReply) {
                sftp::PacketReader limits = reply.reader();
                limits.u64(); // packet length
                const quint64 read = limits.u64();
                const quint64 write = limits.u64();
                if (!limits.failed()) {
                    if (read > 0)
                        m_maxRead = quint32(std::min<quint64>(read, MaxRequest));
                    if (write > 0)
                        m_maxWrite = quint32(std::min<quint64>(write, MaxRequest));
                }
            }
            if (m_phase == Phase::AskingLimits)
                m_phase = Phase::Ready;
        });
}

void SftpSession::fail(const Error &why)
{
    qCDebug(lcSftp) << "SFTP channel failed:" << why.message;
    m_error = why;
    m_failedAttempt = m_attempt;
    m_phase = Phase::Closed;
    if (m_channel) {
        m_closing.push_back(m_channel);
        m_channel = nullptr;
    }
    clearStreams();
    const auto pending = std::exchange(m_pending, {});
    sftp::Reply lost;
    lost.status = sftp::ConnectionLost;
    lost.message = why.message;
    for (const Handler &handler : pending)
        handler(lost);
    freeChannels();
}

void SftpSession::freeChannels()
{
    while (!m_closing.empty()) {
        if (libssh2_channel_free(m_closing.front()) == LIBSSH2_ERROR_EAGAIN)
            return;
        m_closing.pop_front();
    }
}

void SftpSession::close()
{
    if (m_channel) {
        // Best effort without blocking: whatever is left, the session frees when it goes next.
        libssh2_channel_free(m_channel);
        m_channel = nullptr;
    }
    freeChannels();
    abandon();
}

void SftpSession::abandon()
{
    m_channel = nullptr;
    m_closing.clear();
    m_phase = Phase::Closed;
    m_error = {};
    m_pending.clear();
    clearStreams();
}

// What a channel had: queued requests, unread replies, and what its server said it can do.
void SftpSession::clearStreams()
{
    m_outbound.clear();
    m_headSent = 0;
    m_inbound.clear();
    m_inboundStart = 0;
    m_extensions.clear();
    m_maxRead = m_maxWrite = 32 * 1024;
}

SftpSession *SftpChannels::borrow()
{
    for (int i = 0; i < ExtraChannels; ++i) {
        if (!m_borrowed[i]) {
            m_borrowed[i] = true;
            return &m_extra[i];
        }
    }
    return nullptr;
}

void SftpChannels::giveBack(SftpSession *channel)
{
    for (int i = 0; i < ExtraChannels; ++i) {
        if (channel == &m_extra[i] && m_borrowed[i]) {
            m_borrowed[i] = false;
            // Closed, not kept: each extra channel is a session (and an SFTP server process) the server
            // counts against its limit, which commands need too.
            channel->close();
        }
    }
}

bool SftpChannels::pump(LIBSSH2_SESSION *session)
{
    bool progressed = m_shared.pump(session);
    for (SftpSession &extra : m_extra)
        progressed = extra.pump(session) || progressed;
    return progressed;
}

void SftpChannels::close()
{
    m_shared.close();
    for (SftpSession &extra : m_extra)
        extra.close();
}

void SftpChannels::abandon()
{
    m_shared.abandon();
    for (SftpSession &extra : m_extra)
        extra.abandon();
}

} // namespace sshcore::detail
