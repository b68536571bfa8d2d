// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sshcore/sftp/SftpTransferOperation.h"

#include "sshcore/RemotePath.h"
#include "sshcore/session/LibsshErrors.h"
#include "sshcore/session/ResultRelay.h"
#include "sshcore/sftp/SftpClient.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

#include <cerrno>
#include <cstring>
#include <sys/stat.h>

namespace sshcore::detail {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(sshcore::SftpTransferOperation)
};

} // namespace

using namespace sftp;

namespace {

// Whether a block is all zeros: such blocks are left as holes (sparse files stay sparse both ways).
bool allZero(const char *data, qsizetype size)
{
    return size > 0 && data[0] == 0 && std::memcmp(data, data + 1, size_t(size - 1)) == 0;
}

// Bytes of read or write requests a transfer keeps in flight at least, whatever it was asked.
constexpr qsizetype MinimumInFlight = 256 * 1024;
// Uploads with at least this much left spread their writes over extra channels too.
constexpr quint64 LanesFrom = 32u << 20;
constexpr qint64 LanesFromRoundTripMs = 4; // the open's round trip: 2 MiB / 4 ms = 500 MiB/s

} // namespace

SftpTransferOperation::SftpTransferOperation(Direction direction, QString localPath, QByteArray remotePath,
                                             quint64 offset, qsizetype bufferSize,
                                             std::shared_ptr<std::atomic_bool> stop, sftp::Attributes attributes,
                                             QByteArray placeAs, std::optional<quint64> rangeEnd, ResultRelay *progress,
                                             std::function<void(Result<quint64>)> reply)
    : m_direction(direction)
    , m_localPath(std::move(localPath))
    , m_remotePath(std::move(remotePath))
    , m_offset(offset)
    , m_bufferSize(std::max(bufferSize, MinimumInFlight))
    , m_stop(std::move(stop))
    , m_setModified(attributes.modified)
    , m_setPermissions(attributes.permissions)
    , m_placeAs(std::move(placeAs))
    , m_rangeEnd(rangeEnd)
    , m_progress(progress)
    , m_reply(std::move(reply))
    , m_local(m_localPath)
    , m_next(offset)
    , m_done(offset)
    , m_prefix(offset)
{}

void SftpTransferOperation::start()
{
    const bool upload = m_direction == Direction::Upload;
    // Unbuffered: reads and writes go straight to the file in the sizes asked (no copy, no extra calls).
    if (!m_local.open((upload ? QIODevice::ReadOnly : QIODevice::ReadWrite) | QIODevice::Unbuffered)) {
        const int error = errno;
        finish();
        m_reply(failure(errnoKind(error), (upload ? Tr::tr("Cannot read the local file '%1': %2.")
                                                  : Tr::tr("Cannot write the local file '%1': %2."))
                                              .arg(m_localPath, m_local.errorString())));
        return;
    }
    if (upload) {
        m_total = quint64(m_local.size());
        if (m_rangeEnd)
            m_total = std::min(*m_total, *m_rangeEnd);
        else if (m_offset > 0)
            keepNoMark();
        if (m_offset > *m_total || (m_offset > 0 && !m_local.seek(qint64(m_offset)))) {
            finish();
            m_reply(
                failure(ErrorKind::Refused, Tr::tr("Cannot resume '%1' at byte %2.").arg(m_localPath).arg(m_offset)));
            return;
        }
    } else if (!m_rangeEnd && !m_local.resize(qint64(m_offset))) { // a resumed download keeps this, no more
        const int error = errno;
        finish();
        m_reply(failure(errnoKind(error),
                        Tr::tr("Cannot write the local file '%1': %2.").arg(m_localPath, m_local.errorString())));
        return;
    }
    if (!upload && m_rangeEnd)
        m_total = m_rangeEnd; // at most: the file's own length comes with its attributes
    const bool truncate = m_offset == 0 && !m_rangeEnd;
    const quint32 flags = upload ? quint32(OpenWrite | OpenCreate) | (truncate ? quint32(OpenTruncate) : 0u)
                                 : quint32(OpenRead);
    send(
        Open, [&](PacketWriter &w) { w.string(m_remotePath).u32(flags).attributes({}); },
        [this](const Reply &reply) { onOpened(reply); });
    m_sinceProgress.start();
    m_sinceOpen.start();
}

void SftpTransferOperation::onOpened(const Reply &reply)
{
    const bool upload = m_direction == Direction::Upload;
    if (reply.type != Handle) {
        m_local.close();
        finish();
        m_reply(failure(
            cannot(upload ? Tr::tr("Cannot write '%1': %2.") : Tr::tr("Cannot read '%1': %2."), m_remotePath, reply)));
        return;
    }
    m_handle = reply.reader().string();
    if (upload) {
        // Only where the round trip is long enough for the window to be what limits one channel (on
        // a fast local link more channels only cost the processor more).
        if (!m_rangeEnd && m_total && *m_total - m_offset >= LanesFrom && m_sinceOpen.elapsed() >= LanesFromRoundTripMs)
            borrowLanes();
        fill();
        return;
    }
    send(
        Fstat, [this](PacketWriter &w) { w.string(m_handle); },
        [this](const Reply &attributes) {
            if (attributes.type == Attrs) {
                const SftpEntry entry = attributes.reader().attributes();
                m_total = m_rangeEnd ? std::min(entry.size, *m_rangeEnd) : entry.size;
            }
            fill();
        });
}

void SftpTransferOperation::fill()
{
    if (m_stop && m_stop->load())
        stopWith({ErrorKind::Cancelled, QString::fromLatin1(SftpTransferOptions::StoppedMessage)});
    if (m_direction == Direction::Upload)
        upload();
    else
        download();
    maybeClose();
}

void SftpTransferOperation::fail(const Error &why)
{
    m_lanes.dropAll();
    emitProgress(true); // how far it came, for a resume
    m_reply(failure(why));
}

void SftpTransferOperation::borrowLanes()
{
    if (!m_lanes.borrow(channels()))
        return;
    sftp::Attributes marked;
    marked.permissions = SftpTransferOptions::UnorderedPartialMode;
    send(Fsetstat, [&](PacketWriter &w) { w.string(m_handle).attributes(marked); }, [](const Reply &) {});
    keepNoMark();
}

// A file marked (now, or by the attempt this one resumes) must not keep its mark: without a mode to
// set, it gets the usual one.
void SftpTransferOperation::keepNoMark()
{
    if (!m_setPermissions)
        m_setPermissions = (m_local.permissions() & QFileDevice::ExeOwner) ? 0755 : 0644;
}

// An upload's write (or a hole not sent) is answered: the complete prefix grows over what is contiguous.
void SftpTransferOperation::acknowledge(quint64 at, quint64 length)
{
    if (at != m_prefix) {
        m_answeredAhead.emplace(at, length);
        return;
    }
    m_prefix += length;
    for (auto next = m_answeredAhead.begin(); next != m_answeredAhead.end() && next->first == m_prefix;
         next = m_answeredAhead.erase(next))
        m_prefix += next->second;
}

// Opens the borrowed channels, then the file on each (already created by the shared channel's open).
bool SftpTransferOperation::advance(LIBSSH2_SESSION *session)
{
    return m_lanes.open(session, m_remotePath, m_error.has_value() || m_localEnd, [this] { fill(); });
}

void SftpTransferOperation::upload()
{
    const qsizetype chunk = session().maxWrite();
    while (!m_error && !m_localEnd) {
        const std::optional<int> lane = m_lanes.pick(m_inFlight, m_bufferSize);
        if (!lane)
            return;
        if (m_next >= *m_total) {
            // The length the file had when it was opened is what is sent: no read to learn of the end.
            m_localEnd = true;
            return;
        }
        const qsizetype want = qsizetype(std::min<quint64>(quint64(chunk), *m_total - m_next));
        QByteArray data(want, Qt::Uninitialized);
        const qint64 got = m_local.read(data.data(), want);
        if (got < 0) {
            stopWithLocal(
                QStringLiteral("Cannot read the local file '%1': %2.").arg(m_localPath, m_local.errorString()));
            return;
        }
        if (got == 0) {
            m_localEnd = true;
            return;
        }
        const quint64 at = m_next;
        m_next += quint64(got);
        if (allZero(data.constData(), got)) {
            // Nothing is written where the remote file (fresh beyond the resume offset) would read zeros
            // anyway; its length is set at the end.
            m_done += quint64(got);
            acknowledge(at, quint64(got));
            m_holeAtEnd = true;
            continue;
        }
        m_holeAtEnd = false;
        m_inFlight += got;
        const int index = *lane;
        if (index >= 0)
            m_lanes.at(index).inFlight += got;
        SftpSession &channel = index >= 0 ? *m_lanes.at(index).channel : session();
        const QByteArray &handle = index >= 0 ? m_lanes.at(index).handle : m_handle;
        sendOn(
            channel, Write, [&](PacketWriter &w) { w.string(handle).u64(at).string(data.constData(), got); },
            [this, got, index, at](const Reply &reply) {
                m_inFlight -= got;
                if (index >= 0)
                    m_lanes.at(index).inFlight -= got;
                if (reply.isStatus(Ok)) {
                    m_done += quint64(got);
                    acknowledge(at, quint64(got));
                    emitProgress(false);
                } else {
                    m_serverFailure = reply.isStatus(Failure);
                    stopWith(cannot(Tr::tr("Cannot write '%1': %2."), m_remotePath, reply));
                }
                fill();
            });
    }
}

void SftpTransferOperation::download()
{
    const quint32 chunk = session().maxRead();
    while (!m_error && m_inFlight < m_bufferSize) {
        quint64 at = 0;
        quint32 length = 0;
        if (!m_gaps.empty()) {
            at = m_gaps.begin()->first;
            length = m_gaps.begin()->second;
            m_gaps.erase(m_gaps.begin());
        } else if (!m_localEnd && (!m_total || m_next < *m_total)) {
            at = m_next;
            length = m_total ? quint32(std::min<quint64>(chunk, *m_total - m_next)) : chunk;
            m_next += length;
        } else {
            return;
        }
        m_inFlight += length;
        send(
            Read, [&](PacketWriter &w) { w.string(m_handle).u64(at).u32(length); },
            [this, at, length](const Reply &reply) {
                m_inFlight -= length;
                if (reply.type == Data) {
                    PacketReader reader = reply.reader();
                    const quint32 size = reader.u32();
                    if (reader.failed() || size > length || reply.payload.size() - reply.offset - 4 < qsizetype(size)) {
                        stopWith({ErrorKind::Malformed, cannotMessage(Tr::tr("Cannot read '%1': %2."), m_remotePath,
                                                                      Tr::tr("the server sent a malformed reply"))});
                    } else if (!m_error) {
                        const char *bytes = reply.payload.constData() + reply.offset + 4;
                        // Zeros are not written: seeking past them leaves a hole, and the length is set
                        // at the end.
                        if (!allZero(bytes, size)
                            && ((m_local.pos() != qint64(at) && !m_local.seek(qint64(at)))
                                || m_local.write(bytes, size) != qint64(size))) {
                            stopWithLocal(QStringLiteral("Cannot write the local file '%1': %2.")
                                              .arg(m_localPath, m_local.errorString()));
                        } else {
                            m_done += size;
                            if (size > 0)
                                acknowledge(at, size);
                            if (size == 0) // a server that answers with nothing: treat as the end
                                m_localEnd = true;
                            else if (size < length) // a short read: ask for the rest
                                m_gaps.emplace(at + size, length - size);
                            emitProgress(false);
                        }
                    }
                } else if (reply.isStatus(Eof)) {
                    m_localEnd = true;
                    // Nothing at or after this offset: a file that shrank meanwhile.
                    m_gaps.erase(m_gaps.lower_bound(at), m_gaps.end());
                    if (!m_total || at < *m_total)
                        m_total = at;
                } else {
                    stopWith(cannot(Tr::tr("Cannot read '%1': %2."), m_remotePath, reply));
                }
                fill();
            });
    }
}

void SftpTransferOperation::stopWith(const Error &error)
{
    if (!m_error)
        m_error = error;
}

void SftpTransferOperation::stopWithLocal(const QString &message)
{
    stopWith({errnoKind(errno), message});
}

void SftpTransferOperation::maybeClose()
{
    if (finished())
        return;
    if (m_closing) {
        if (m_closed && m_inFlight == 0) { // every answer is in
            if (m_serverFailure && session().hasExtension("statvfs@openssh.com"))
                explainFailure();
            else
                place();
        }
        return;
    }
    const bool upload = m_direction == Direction::Upload;
    const bool complete = upload ? m_localEnd : (m_localEnd || (m_total && m_next >= *m_total)) && m_gaps.empty();
    if (!m_error && !complete)
        return;
    // Writes on other channels may land in any order: the length, time and close (on the shared
    // channel) wait until every lane has had all its writes answered and is closed.
    m_lanes.close([this] { maybeClose(); });
    if (!m_lanes.done())
        return;
    // An upload closes right behind its last write (the server takes requests in order, so the
    // attributes and the close come after the data): a small file costs one round trip less.
    // Otherwise, once nothing is in flight.
    if (m_inFlight > 0 && !(upload && !m_error))
        return;
    // A download's length: what it received (holes at the end are not written), or for an empty part
    // the length it sets.
    const std::optional<quint64> length = emptyRange()             ? std::optional(m_offset)
                                          : m_total && !m_rangeEnd ? std::optional(std::min(*m_total, m_done))
                                                                   : std::nullopt;
    if (!m_error && !upload && length && (emptyRange() || m_local.size() < qint64(*length))
        && !m_local.resize(qint64(*length)))
        stopWithLocal(QStringLiteral("Cannot write the local file '%1': %2.").arg(m_localPath, m_local.errorString()));
    m_closing = true;
    if (upload && m_error && !m_lanes.empty()) {
        // Stopped with writes missing below the length: cut the file back to what is complete, so
        // that it can be resumed from its length after all.
        sftp::Attributes cut;
        cut.size = m_prefix;
        cut.permissions = 0600; // no longer marked: its length is right again
        send(Fsetstat, [&](PacketWriter &w) { w.string(m_handle).attributes(cut); }, [](const Reply &) {});
    }
    if (upload && !m_error) {
        sftp::Attributes attributes;
        attributes.modified = m_setModified;
        attributes.permissions = m_setPermissions;
        if (emptyRange())
            attributes.size = m_offset;
        else if (m_holeAtEnd && !m_rangeEnd) // the file ends in zeros that were not sent: give it its length
            attributes.size = m_next;
        if (attributes.size || attributes.modified || attributes.permissions) {
            m_inFlight += 1;
            const bool sized = attributes.size.has_value();
            send(
                Fsetstat, [&](PacketWriter &w) { w.string(m_handle).attributes(attributes); },
                [this, sized](const Reply &reply) {
                    m_inFlight -= 1;
                    // The length matters; times and modes are kept where the server lets us.
                    if (!reply.isStatus(Ok) && sized)
                        stopWith(cannot(Tr::tr("Cannot set the length of '%1': %2."), m_remotePath, reply));
                    maybeClose();
                });
        }
    }
    send(
        Close, [this](PacketWriter &w) { w.string(m_handle); },
        [this](const Reply &reply) {
            m_closed = true;
            // A write the server accepted can still fail on close (a full disk, a quota).
            if (!m_error && !reply.isStatus(Ok) && m_direction == Direction::Upload) {
                m_serverFailure = reply.isStatus(Failure);
                m_error = cannot(Tr::tr("Cannot write '%1': %2."), m_remotePath, reply);
            }
            maybeClose();
        });
}

// The SFTP protocol version OpenSSH speaks reports a full disk as a bare failure: look at the disk.
void SftpTransferOperation::explainFailure()
{
    const QByteArray folder = RemotePath::parent(m_remotePath);
    send(
        Extended, [&](PacketWriter &w) { w.string(QByteArrayLiteral("statvfs@openssh.com")).string(folder); },
        [this](const Reply &reply) {
            if (reply.type == ExtendedReply) {
                PacketReader reader = reply.reader();
                reader.u64(); // block size
                const quint64 fragment = reader.u64();
                reader.u64(); // blocks
                reader.u64(); // free blocks
                const quint64 available = reader.u64() * fragment;
                const quint64 needed = m_total ? *m_total - std::min(*m_total, m_done) : 1;
                if (!reader.failed() && available < std::max<quint64>(needed, 64 * 1024)) {
                    m_error = Error{ErrorKind::NoSpace,
                                    cannotMessage(Tr::tr("Cannot write '%1': %2."), m_remotePath,
                                                  Tr::tr("no space left on the remote disk (%1 bytes free "
                                                         "there, %2 more needed)")
                                                      .arg(available)
                                                      .arg(needed))};
                }
            }
            report();
        });
}

// A complete download's local file gets its time and mode while it is still open.
void SftpTransferOperation::finishLocal()
{
    if (m_setPermissions && *m_setPermissions != 0
        && ::fchmod(m_local.handle(), mode_t((*m_setPermissions & 07777) | 0600)) != 0) {
        stopWithLocal(QStringLiteral("Cannot set the permissions of the local file '%1': %2.")
                          .arg(m_localPath, QString::fromLocal8Bit(std::strerror(errno))));
        return;
    }
    if (m_setModified
        && !m_local.setFileTime(QDateTime::fromSecsSinceEpoch(*m_setModified, QTimeZone::UTC),
                                QFileDevice::FileModificationTime))
        stopWithLocal(
            QStringLiteral("Cannot set the time of the local file '%1': %2.").arg(m_localPath, m_local.errorString()));
}

// The complete file renamed into place, if asked; then the report.
void SftpTransferOperation::place()
{
    const bool upload = m_direction == Direction::Upload;
    if (!upload && !m_error && m_local.isOpen())
        finishLocal();
    m_local.close();
    if (m_error || m_placeAs.isEmpty()) {
        report();
        return;
    }
    if (!upload) {
        if (::rename(QFile::encodeName(m_localPath).constData(), m_placeAs.constData()) != 0)
            stopWithLocal(QStringLiteral("Cannot rename '%1' into place: %2.")
                              .arg(m_localPath, QString::fromLocal8Bit(std::strerror(errno))));
        report();
        return;
    }
    sendRename(m_remotePath, m_placeAs, [this](const Reply &reply) {
        if (!reply.isStatus(Ok))
            m_error = cannot(Tr::tr("Cannot rename '%1': %2."), m_remotePath, reply);
        report();
    });
}

void SftpTransferOperation::report()
{
    m_local.close();
    finish();
    if (!m_error) {
        m_reply(m_done); // carries the count: no last progress signal
        return;
    }
    emitProgress(true); // how far it came, for a resume
    m_reply(failure(*m_error));
}

void SftpTransferOperation::emitProgress(bool force)
{
    if (!m_progress)
        return;
    if (!force && m_sinceProgress.elapsed() < 50)
        return;
    m_sinceProgress.restart();
    Q_EMIT m_progress->progressed(m_direction == Direction::Upload || m_rangeEnd ? m_prefix : m_done,
                                  m_total.value_or(0));
}

} // namespace sshcore::detail
