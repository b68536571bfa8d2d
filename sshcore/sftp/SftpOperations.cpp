#include "sshcore/sftp/SftpOperations.h"

#include "sshcore/session/ResultRelay.h"
#include "sshcore/sftp/SftpClient.h"

#include <QDateTime>
#include <QTimeZone>

#include <cerrno>
#include <cstring>

#include <sys/stat.h>

namespace sshcore::detail {

using namespace sftp;

namespace {

using Step = Operation::Step;

QByteArray join(const QByteArray &dir, const QByteArray &name)
{
    return dir.endsWith('/') ? QByteArray(dir + name) : QByteArray(dir + '/' + name);
}

bool isDotOrDotDot(const QByteArray &name)
{
    return name == "." || name == "..";
}

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
constexpr int ListingsAtOnce = 8;
constexpr int RemovalsAtOnce = 64;

} // namespace

// --- base ------------------------------------------------------------------------------------------

Operation::Step SftpOperation::step(LIBSSH2_SESSION *session)
{
    if (m_finished)
        return Step::Finished;
    switch (m_sftp->open(session, &m_attempt)) {
    case SftpSession::Status::Blocked:
        return Step::Blocked;
    case SftpSession::Status::Failed:
        m_finished = true;
        fail(m_sftp->error());
        return Step::Finished;
    case SftpSession::Status::Ready:
        break;
    }
    if (!m_started) {
        m_started = true;
        start();
        return m_finished ? Step::Finished : Step::Progressed;
    }
    const bool moved = advance(session);
    return m_finished ? Step::Finished : moved ? Step::Progressed : Step::Blocked;
}

void SftpOperation::abandon(const QString &why)
{
    if (m_finished)
        return;
    m_finished = true;
    fail(why);
}

void SftpOperation::send(quint8 type, const Fill &fill, std::function<void(const Reply &)> handler)
{
    sendOn(*m_sftp, type, fill, std::move(handler));
}

void SftpOperation::sendOn(SftpSession &channel, quint8 type, const Fill &fill, std::function<void(const Reply &)> handler)
{
    channel.request(type, fill, [alive = std::weak_ptr<int>(m_alive), handler = std::move(handler)](const Reply &reply) {
        if (alive.lock())
            handler(reply);
    });
}

void SftpOperation::sendPath(quint8 type, const QByteArray &path, std::function<void(const Reply &)> handler)
{
    send(type, [&path](PacketWriter &w) { w.string(path); }, std::move(handler));
}

void SftpOperation::sendRename(const QByteArray &from, const QByteArray &to, std::function<void(const Reply &)> handler)
{
    if (m_sftp->hasExtension("posix-rename@openssh.com"))
        send(Extended, [&](PacketWriter &w) { w.string(QByteArrayLiteral("posix-rename@openssh.com")).string(from).string(to); },
             std::move(handler));
    else
        send(Rename, [&](PacketWriter &w) { w.string(from).string(to); }, std::move(handler));
}

void SftpOperation::listDirectory(const QByteArray &path, std::function<void(Result<QList<SftpEntry>>)> done)
{
    struct Listing
    {
        QByteArray path;
        QByteArray handle;
        QList<SftpEntry> entries;
        QString error;
        std::function<void(Result<QList<SftpEntry>>)> done;
    };
    auto listing = std::make_shared<Listing>(Listing{path, {}, {}, {}, std::move(done)});
    auto closeAndReport = [this, listing] {
        send(Close, [listing](PacketWriter &w) { w.string(listing->handle); }, [listing](const Reply &) {
            if (listing->error.isEmpty())
                listing->done(listing->entries);
            else
                listing->done(failure(listing->error));
        });
    };
    // Each READDIR reply asks for the next; the reader lives as long as a request of it is in flight.
    auto readMore = std::make_shared<std::function<void()>>();
    *readMore = [this, listing, closeAndReport, weakRead = std::weak_ptr(readMore)] {
        send(Readdir, [listing](PacketWriter &w) { w.string(listing->handle); },
             [listing, closeAndReport, self = weakRead.lock()](const Reply &reply) {
                 if (reply.type == Name) {
                     PacketReader reader = reply.reader();
                     const quint32 count = reader.u32();
                     for (quint32 i = 0; i < count && !reader.failed(); ++i) {
                         const QByteArray name = reader.string();
                         reader.string(); // the "ls -l" line
                         SftpEntry entry = reader.attributes();
                         entry.name = name;
                         if (!reader.failed() && !isDotOrDotDot(name))
                             listing->entries.append(entry);
                     }
                     if (!reader.failed()) {
                         (*self)();
                         return;
                     }
                     listing->error = cannotMessage(QStringLiteral("list"), listing->path,
                                                    QStringLiteral("the server sent a malformed listing"));
                 } else if (!reply.isStatus(Eof)) {
                     listing->error = cannotMessage(QStringLiteral("list"), listing->path, statusText(reply));
                 }
                 closeAndReport();
             });
    };
    sendPath(Opendir, path, [listing, readMore](const Reply &reply) {
        if (reply.type != Handle) {
            listing->done(failure(cannotMessage(QStringLiteral("list"), listing->path, statusText(reply))));
            return;
        }
        listing->handle = reply.reader().string();
        (*readMore)();
    });
}

// --- list --------------------------------------------------------------------------------------

SftpListOperation::SftpListOperation(QByteArray path, std::function<void(Result<QList<SftpEntry>>)> reply)
    : m_path(std::move(path))
    , m_reply(std::move(reply))
{}

void SftpListOperation::start()
{
    listDirectory(m_path, [this](const Result<QList<SftpEntry>> &entries) {
        finish();
        m_reply(entries);
    });
}

// --- rename ----------------------------------------------------------------------------------------

SftpRenameOperation::SftpRenameOperation(QByteArray from, QByteArray to, std::function<void(Result<>)> reply)
    : m_from(std::move(from))
    , m_to(std::move(to))
    , m_reply(std::move(reply))
{}

void SftpRenameOperation::start()
{
    sendRename(m_from, m_to, [this](const Reply &reply) {
        finish();
        if (reply.isStatus(Ok))
            m_reply({});
        else
            m_reply(failure(cannotMessage(QStringLiteral("rename"), m_from, statusText(reply))));
    });
}

// --- mkdir -p ------------------------------------------------------------------------------------

SftpMakePathOperation::SftpMakePathOperation(QByteArray path, int mode, std::function<void(Result<>)> reply)
    : m_path(std::move(path))
    , m_mode(mode)
    , m_reply(std::move(reply))
{
    QByteArray prefix = m_path.startsWith('/') ? QByteArray("/") : QByteArray();
    for (const QByteArray &part : m_path.split('/')) {
        if (part.isEmpty())
            continue;
        prefix = prefix.isEmpty() || prefix == "/" ? QByteArray(prefix + part) : QByteArray(prefix + '/' + part);
        m_prefixes.append(prefix);
    }
}

void SftpMakePathOperation::start()
{
    if (m_prefixes.isEmpty()) {
        finish();
        m_reply({});
        return;
    }
    // Usually the folder exists, or only its last part is missing: look at it first.
    sendPath(Stat, m_prefixes.last(), [this](const Reply &reply) {
        if (reply.type == Attrs && reply.reader().attributes().type == SftpEntry::Type::Directory) {
            finish();
            m_reply({});
            return;
        }
        make(0);
    });
}

void SftpMakePathOperation::make(int index)
{
    if (index == m_prefixes.size()) {
        finish();
        m_reply({});
        return;
    }
    const QByteArray path = m_prefixes.at(index);
    sendPath(Stat, path, [this, index, path](const Reply &existing) {
        if (existing.type == Attrs) {
            if (existing.reader().attributes().type != SftpEntry::Type::Directory) {
                finish();
                m_reply(failure(QStringLiteral("Cannot create the folder '%1': '%2' is a file, not a folder.")
                                    .arg(QString::fromUtf8(m_path), QString::fromUtf8(path))));
                return;
            }
            make(index + 1);
            return;
        }
        send(Mkdir, [&](PacketWriter &w) { sftp::Attributes mode;
            mode.permissions = quint32(m_mode);
            w.string(path).attributes(mode); },
             [this, index, path](const Reply &made) {
                 if (made.isStatus(Ok)) {
                     make(index + 1);
                     return;
                 }
                 // Someone else may have made it meanwhile (another file of the same tree).
                 sendPath(Stat, path, [this, index, path, made](const Reply &again) {
                     if (again.type == Attrs && again.reader().attributes().type == SftpEntry::Type::Directory) {
                         make(index + 1);
                         return;
                     }
                     finish();
                     m_reply(failure(cannotMessage(QStringLiteral("create the folder"), path, statusText(made))));
                 });
             });
    });
}

// --- rm -r ---------------------------------------------------------------------------------------

SftpRemoveOperation::SftpRemoveOperation(QByteArray path, bool recursive, std::function<void(Result<>)> reply)
    : m_root(std::move(path))
    , m_recursive(recursive)
    , m_reply(std::move(reply))
{}

void SftpRemoveOperation::start()
{
    sendPath(Lstat, m_root, [this](const Reply &reply) {
        if (reply.type != Attrs) {
            finish();
            m_reply(failure(cannotMessage(QStringLiteral("delete"), m_root, statusText(reply))));
            return;
        }
        if (reply.reader().attributes().type == SftpEntry::Type::Directory) {
            m_dirsByDepth.append(QList<QByteArray>{m_root});
            if (m_recursive)
                m_toList.append(m_root);
        } else {
            m_files.append(m_root);
        }
        listMore();
    });
}

void SftpRemoveOperation::listMore()
{
    while (m_error.isEmpty() && !m_toList.isEmpty() && m_listing < ListingsAtOnce) {
        const QByteArray dir = m_toList.takeFirst();
        const int depth = int(dir.count('/') - m_root.count('/')) + 1;
        ++m_listing;
        listDirectory(dir, [this, dir, depth](const Result<QList<SftpEntry>> &entries) {
            --m_listing;
            if (!entries) {
                stopWith(entries.error());
                return;
            }
            for (const SftpEntry &entry : *entries) {
                const QByteArray path = join(dir, entry.name);
                if (entry.type == SftpEntry::Type::Directory) {
                    while (m_dirsByDepth.size() <= depth)
                        m_dirsByDepth.append(QList<QByteArray>());
                    m_dirsByDepth[depth].append(path);
                    m_toList.append(path);
                } else {
                    m_files.append(path); // files, and symbolic links themselves
                }
            }
            listMore();
        });
    }
    maybeDone();
}

void SftpRemoveOperation::removeMore()
{
    // Files first, many at a time; then folders, deepest level first, a whole level at once (folders
    // of one level do not contain each other), each level once the one below is gone.
    while (m_error.isEmpty() && m_inFlight < RemovalsAtOnce) {
        QByteArray path;
        quint8 type = Remove;
        if (!m_files.isEmpty()) {
            path = m_files.takeLast();
        } else if (m_inFlight > 0 && !m_removingFolders) {
            return; // folders wait for the files in them
        } else if (m_dirsByDepth.isEmpty()) {
            return;
        } else if (m_dirsByDepth.last().isEmpty()) {
            if (m_inFlight > 0)
                return; // this level is still going
            m_dirsByDepth.removeLast();
            continue;
        } else {
            path = m_dirsByDepth.last().takeLast();
            type = Rmdir;
            m_removingFolders = true;
        }
        ++m_inFlight;
        sendPath(type, path, [this, path, type](const Reply &reply) {
            --m_inFlight;
            if (!reply.isStatus(Ok)) {
                stopWith(cannotMessage(type == Rmdir ? QStringLiteral("delete the folder") : QStringLiteral("delete"),
                                       path, statusText(reply)));
                return;
            }
            maybeDone();
        });
    }
}

void SftpRemoveOperation::stopWith(const QString &error)
{
    if (m_error.isEmpty())
        m_error = error;
    maybeDone();
}

void SftpRemoveOperation::maybeDone()
{
    if (finished() || m_listing > 0)
        return;
    if (!m_error.isEmpty()) {
        if (m_inFlight == 0) {
            finish();
            m_reply(failure(m_error));
        }
        return;
    }
    if (!m_toList.isEmpty()) {
        listMore();
        return;
    }
    removeMore();
    if (m_files.isEmpty() && m_dirsByDepth.isEmpty() && m_inFlight == 0) {
        finish();
        m_reply({});
    }
}

// --- streams ---------------------------------------------------------------------------------------

SftpTransferOperation::SftpTransferOperation(Direction direction, QString localPath, QByteArray remotePath,
                                             quint64 offset, qsizetype bufferSize,
                                             std::shared_ptr<std::atomic_bool> stop, sftp::Attributes attributes,
                                             QByteArray placeAs, ResultRelay *progress,
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
        finish();
        m_reply(failure(QStringLiteral("Cannot %1 the local file '%2': %3.")
                            .arg(upload ? QStringLiteral("read") : QStringLiteral("write"), m_localPath,
                                 m_local.errorString())));
        return;
    }
    if (upload) {
        m_total = quint64(m_local.size());
        if (m_offset > 0)
            keepNoMark();
        if (m_offset > *m_total || (m_offset > 0 && !m_local.seek(qint64(m_offset)))) {
            finish();
            m_reply(failure(QStringLiteral("Cannot resume '%1' at byte %2.").arg(m_localPath).arg(m_offset)));
            return;
        }
    } else if (!m_local.resize(qint64(m_offset))) { // what a resumed download keeps, and nothing after it
        finish();
        m_reply(failure(QStringLiteral("Cannot write the local file '%1': %2.").arg(m_localPath, m_local.errorString())));
        return;
    }
    const quint32 flags = upload ? quint32(OpenWrite | OpenCreate) | (m_offset == 0 ? quint32(OpenTruncate) : 0u)
                                : quint32(OpenRead);
    send(Open, [&](PacketWriter &w) { w.string(m_remotePath).u32(flags).attributes({}); },
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
        m_reply(failure(cannotMessage(upload ? QStringLiteral("write") : QStringLiteral("read"), m_remotePath,
                                      statusText(reply))));
        return;
    }
    m_handle = reply.reader().string();
    if (upload) {
        // Only where the round trip is long enough for the window to be what limits one channel (on
        // a fast local link more channels only cost the processor more).
        if (m_total && *m_total - m_offset >= LanesFrom && m_sinceOpen.elapsed() >= LanesFromRoundTripMs)
            borrowLanes();
        fill();
        return;
    }
    send(Fstat, [this](PacketWriter &w) { w.string(m_handle); }, [this](const Reply &attributes) {
        if (attributes.type == Attrs) {
            const SftpEntry entry = attributes.reader().attributes();
            m_total = entry.size;
        }
        fill();
    });
}

void SftpTransferOperation::fill()
{
    if (m_stop && m_stop->load())
        stopWith(QString::fromLatin1(SftpTransferOptions::StoppedMessage));
    if (m_direction == Direction::Upload)
        upload();
    else
        download();
    maybeClose();
}

void SftpTransferOperation::fail(const QString &why)
{
    for (int i = 0; i < int(m_lanes.size()); ++i)
        dropLane(i);
    emitProgress(true); // how far it came, for a resume
    m_reply(failure(why));
}

void SftpTransferOperation::borrowLanes()
{
    for (int i = 0; i < SftpChannels::ExtraChannels; ++i) {
        SftpSession *channel = channels().borrow();
        if (!channel)
            break;
        Lane lane;
        lane.channel = channel;
        m_lanes.push_back(lane);
    }
    if (m_lanes.empty())
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
    bool moved = false;
    for (int i = 0; i < int(m_lanes.size()); ++i) {
        Lane &lane = m_lanes[i];
        if (lane.state != Lane::State::OpeningChannel)
            continue;
        if (!m_error.isEmpty() || m_localEnd) {
            dropLane(i);
            continue;
        }
        switch (lane.channel->open(session, &lane.attempt)) {
        case SftpSession::Status::Blocked:
            continue;
        case SftpSession::Status::Failed: // fewer lanes, not an error (the server may allow no more)
            dropLane(i);
            moved = true;
            continue;
        case SftpSession::Status::Ready:
            break;
        }
        moved = true;
        lane.state = Lane::State::OpeningFile;
        sendOn(*lane.channel, Open, [&](PacketWriter &w) { w.string(m_remotePath).u32(OpenWrite).attributes({}); },
               [this, i](const Reply &reply) {
                   Lane &opened = m_lanes[i];
                   if (reply.type != Handle) {
                       dropLane(i);
                   } else {
                       opened.handle = reply.reader().string();
                       opened.state = Lane::State::Ready;
                   }
                   fill();
               });
    }
    return moved;
}

// Closes each lane whose writes are all answered; the file is complete or has failed.
void SftpTransferOperation::closeLanes()
{
    for (int i = 0; i < int(m_lanes.size()); ++i) {
        Lane &lane = m_lanes[i];
        if (lane.state == Lane::State::OpeningChannel) {
            dropLane(i);
        } else if (lane.state == Lane::State::Ready && lane.inFlight == 0) {
            lane.state = Lane::State::Closing;
            sendOn(*lane.channel, Close, [&](PacketWriter &w) { w.string(lane.handle); }, [this, i](const Reply &) {
                dropLane(i);
                maybeClose();
            });
        }
    }
}

bool SftpTransferOperation::lanesDone() const
{
    return std::ranges::all_of(m_lanes, [](const Lane &lane) { return lane.state == Lane::State::Done; });
}

void SftpTransferOperation::dropLane(int index)
{
    Lane &lane = m_lanes[index];
    if (lane.state == Lane::State::Done)
        return;
    lane.state = Lane::State::Done;
    channels().giveBack(lane.channel);
}

void SftpTransferOperation::upload()
{
    const qsizetype chunk = session().maxWrite();
    // Where the next write goes: the channel (-1 the shared one, else a lane) with the least in flight.
    const auto pickLane = [this]() -> std::optional<int> {
        qsizetype shared = m_inFlight;
        for (const Lane &lane : m_lanes)
            shared -= lane.inFlight;
        std::optional<int> best;
        qsizetype least = shared < m_bufferSize ? shared : m_bufferSize;
        if (shared < m_bufferSize)
            best = -1;
        for (int i = 0; i < int(m_lanes.size()); ++i) {
            const Lane &lane = m_lanes[i];
            if (lane.state == Lane::State::Ready && lane.inFlight < m_bufferSize && (!best || lane.inFlight < least)) {
                best = i;
                least = lane.inFlight;
            }
        }
        return best;
    };
    while (m_error.isEmpty() && !m_localEnd) {
        const std::optional<int> lane = pickLane();
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
            stopWith(QStringLiteral("Cannot read the local file '%1': %2.").arg(m_localPath, m_local.errorString()));
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
            m_lanes[index].inFlight += got;
        SftpSession &channel = index >= 0 ? *m_lanes[index].channel : session();
        const QByteArray &handle = index >= 0 ? m_lanes[index].handle : m_handle;
        sendOn(channel, Write, [&](PacketWriter &w) { w.string(handle).u64(at).string(data.constData(), got); },
             [this, got, index, at](const Reply &reply) {
                 m_inFlight -= got;
                 if (index >= 0)
                     m_lanes[index].inFlight -= got;
                 if (reply.isStatus(Ok)) {
                     m_done += quint64(got);
                     acknowledge(at, quint64(got));
                     emitProgress(false);
                 } else {
                     m_serverFailure = reply.isStatus(Failure);
                     stopWith(cannotMessage(QStringLiteral("write"), m_remotePath, statusText(reply)));
                 }
                 fill();
             });
    }
}

void SftpTransferOperation::download()
{
    const quint32 chunk = session().maxRead();
    while (m_error.isEmpty() && m_inFlight < m_bufferSize) {
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
        send(Read, [&](PacketWriter &w) { w.string(m_handle).u64(at).u32(length); },
             [this, at, length](const Reply &reply) {
                 m_inFlight -= length;
                 if (reply.type == Data) {
                     PacketReader reader = reply.reader();
                     const quint32 size = reader.u32();
                     if (reader.failed() || size > length || reply.payload.size() - reply.offset - 4 < qsizetype(size)) {
                         stopWith(cannotMessage(QStringLiteral("read"), m_remotePath,
                                                QStringLiteral("the server sent a malformed reply")));
                     } else if (m_error.isEmpty()) {
                         const char *bytes = reply.payload.constData() + reply.offset + 4;
                         // Zeros are not written: seeking past them leaves a hole, and the length is set
                         // at the end.
                         if (!allZero(bytes, size)
                             && ((m_local.pos() != qint64(at) && !m_local.seek(qint64(at)))
                                 || m_local.write(bytes, size) != qint64(size))) {
                             stopWith(QStringLiteral("Cannot write the local file '%1': %2.")
                                          .arg(m_localPath, m_local.errorString()));
                         } else {
                             m_done += size;
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
                     stopWith(cannotMessage(QStringLiteral("read"), m_remotePath, statusText(reply)));
                 }
                 fill();
             });
    }
}

void SftpTransferOperation::stopWith(const QString &error)
{
    if (m_error.isEmpty())
        m_error = error;
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
    if (m_error.isEmpty() && !complete)
        return;
    // Writes on other channels may land in any order: the length, time and close (on the shared
    // channel) wait until every lane has had all its writes answered and is closed.
    closeLanes();
    if (!lanesDone())
        return;
    // An upload closes right behind its last write (the server takes requests in order, so the
    // attributes and the close come after the data): a small file costs one round trip less.
    // Otherwise, once nothing is in flight.
    if (m_inFlight > 0 && !(upload && m_error.isEmpty()))
        return;
    if (m_error.isEmpty() && !upload && m_total && m_local.size() < qint64(std::min(*m_total, m_done))
        && !m_local.resize(qint64(std::min(*m_total, m_done))))
        stopWith(QStringLiteral("Cannot write the local file '%1': %2.").arg(m_localPath, m_local.errorString()));
    m_closing = true;
    if (upload && !m_error.isEmpty() && !m_lanes.empty()) {
        // Stopped with writes missing below the length: cut the file back to what is complete, so
        // that it can be resumed from its length after all.
        sftp::Attributes cut;
        cut.size = m_prefix;
        cut.permissions = 0600; // no longer marked: its length is right again
        send(Fsetstat, [&](PacketWriter &w) { w.string(m_handle).attributes(cut); }, [](const Reply &) {});
    }
    if (upload && m_error.isEmpty()) {
        sftp::Attributes attributes;
        attributes.modified = m_setModified;
        attributes.permissions = m_setPermissions;
        if (m_holeAtEnd) // the file ends in zeros that were not sent: give it its length
            attributes.size = m_next;
        if (attributes.size || attributes.modified || attributes.permissions) {
            m_inFlight += 1;
            const bool sized = attributes.size.has_value();
            send(Fsetstat, [&](PacketWriter &w) { w.string(m_handle).attributes(attributes); },
                 [this, sized](const Reply &reply) {
                     m_inFlight -= 1;
                     // The length matters; times and modes are kept where the server lets us.
                     if (!reply.isStatus(Ok) && sized)
                         stopWith(cannotMessage(QStringLiteral("set the length of"), m_remotePath, statusText(reply)));
                     maybeClose();
                 });
        }
    }
    send(Close, [this](PacketWriter &w) { w.string(m_handle); }, [this](const Reply &reply) {
        m_closed = true;
        // A write the server accepted can still fail on close (a full disk, a quota).
        if (m_error.isEmpty() && !reply.isStatus(Ok) && m_direction == Direction::Upload) {
            m_serverFailure = reply.isStatus(Failure);
            m_error = cannotMessage(QStringLiteral("write"), m_remotePath, statusText(reply));
        }
        maybeClose();
    });
}

// The SFTP protocol version OpenSSH speaks reports a full disk as a bare failure: look at the disk.
void SftpTransferOperation::explainFailure()
{
    const qsizetype slash = m_remotePath.lastIndexOf('/');
    const QByteArray folder = slash > 0 ? m_remotePath.left(slash) : slash == 0 ? QByteArray("/") : QByteArray(".");
    send(Extended, [&](PacketWriter &w) { w.string(QByteArrayLiteral("statvfs@openssh.com")).string(folder); },
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
                     m_error = cannotMessage(QStringLiteral("write"), m_remotePath,
                                             QStringLiteral("no space left on the remote disk (%1 bytes free there, "
                                                            "%2 more needed)")
                                                 .arg(available)
                                                 .arg(needed));
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
        stopWith(QStringLiteral("Cannot set the permissions of the local file '%1': %2.")
                     .arg(m_localPath, QString::fromLocal8Bit(std::strerror(errno))));
        return;
    }
    if (m_setModified
        && !m_local.setFileTime(QDateTime::fromSecsSinceEpoch(*m_setModified, QTimeZone::UTC),
                                QFileDevice::FileModificationTime))
        stopWith(QStringLiteral("Cannot set the time of the local file '%1': %2.").arg(m_localPath, m_local.errorString()));
}

// The complete file renamed into place, if asked; then the report.
void SftpTransferOperation::place()
{
    const bool upload = m_direction == Direction::Upload;
    if (!upload && m_error.isEmpty() && m_local.isOpen())
        finishLocal();
    m_local.close();
    if (!m_error.isEmpty() || m_placeAs.isEmpty()) {
        report();
        return;
    }
    if (!upload) {
        if (::rename(QFile::encodeName(m_localPath).constData(), m_placeAs.constData()) != 0)
            m_error = QStringLiteral("Cannot rename '%1' into place: %2.")
                          .arg(m_localPath, QString::fromLocal8Bit(std::strerror(errno)));
        report();
        return;
    }
    sendRename(m_remotePath, m_placeAs, [this](const Reply &reply) {
        if (!reply.isStatus(Ok))
            m_error = cannotMessage(QStringLiteral("rename"), m_remotePath, statusText(reply));
        report();
    });
}

void SftpTransferOperation::report()
{
    m_local.close();
    finish();
    if (m_error.isEmpty()) {
        m_reply(m_done); // carries the count: no last progress signal
        return;
    }
    emitProgress(true); // how far it came, for a resume
    m_reply(failure(m_error));
}

void SftpTransferOperation::emitProgress(bool force)
{
    if (!m_progress)
        return;
    if (!force && m_sinceProgress.elapsed() < 50)
        return;
    m_sinceProgress.restart();
    Q_EMIT m_progress->progressed(m_direction == Direction::Upload ? m_prefix : m_done, m_total.value_or(0));
}

} // namespace sshcore::detail
