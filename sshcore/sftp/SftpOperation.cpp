// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sshcore/sftp/SftpOperation.h"

#include <QCoreApplication>

namespace sshcore::detail {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(sshcore::SftpOperation)
};

} // namespace

using namespace sftp;

Operation::Step SftpOperation::step(LIBSSH2_SESSION *session)
{
    if (m_finished)
        return Step::Finished;
    switch (m_sftp->open(session, &m_attempt)) {
    case SftpSession::Status::Blocked: return Step::Blocked;
    case SftpSession::Status::Failed:
        m_finished = true;
        fail(m_sftp->error());
        return Step::Finished;
    case SftpSession::Status::Ready: break;
    }
    if (!m_started) {
        m_started = true;
        start();
        return m_finished ? Step::Finished : Step::Progressed;
    }
    const bool moved = advance(session);
    return m_finished ? Step::Finished : moved ? Step::Progressed : Step::Blocked;
}

void SftpOperation::abandon(const Error &why)
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

void SftpOperation::sendOn(SftpSession &channel, quint8 type, const Fill &fill,
                           std::function<void(const Reply &)> handler)
{
    channel.request(type, fill,
                    [alive = std::weak_ptr<int>(m_alive), handler = std::move(handler)](const Reply &reply) {
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
        send(
            Extended,
            [&](PacketWriter &w) { w.string(QByteArrayLiteral("posix-rename@openssh.com")).string(from).string(to); },
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
        std::optional<Error> error;
        std::function<void(Result<QList<SftpEntry>>)> done;
    };
    auto listing = std::make_shared<Listing>(Listing{path, {}, {}, {}, std::move(done)});
    auto closeAndReport = [this, listing] {
        send(
            Close, [listing](PacketWriter &w) { w.string(listing->handle); },
            [listing](const Reply &) {
                if (!listing->error)
                    listing->done(listing->entries);
                else
                    listing->done(failure(*listing->error));
            });
    };
    // Each READDIR reply asks for the next; the reader lives as long as a request of it is in flight.
    auto readMore = std::make_shared<std::function<void()>>();
    *readMore = [this, listing, closeAndReport, weakRead = std::weak_ptr(readMore)] {
        send(
            Readdir, [listing](PacketWriter &w) { w.string(listing->handle); },
            [listing, closeAndReport, self = weakRead.lock()](const Reply &reply) {
                if (reply.type == Name) {
                    PacketReader reader = reply.reader();
                    const quint32 count = reader.u32();
                    for (quint32 i = 0; i < count && !reader.failed(); ++i) {
                        const QByteArray name = reader.string();
                        reader.string(); // the "ls -l" line
                        SftpEntry entry = reader.attributes();
                        entry.name = name;
                        if (!reader.failed() && name != "." && name != "..")
                            listing->entries.append(entry);
                    }
                    if (!reader.failed()) {
                        (*self)();
                        return;
                    }
                    listing->error = Error{ErrorKind::Malformed,
                                           cannotMessage(Tr::tr("Cannot list '%1': %2."), listing->path,
                                                         Tr::tr("the server sent a malformed listing"))};
                } else if (!reply.isStatus(Eof)) {
                    listing->error = cannot(Tr::tr("Cannot list '%1': %2."), listing->path, reply);
                }
                closeAndReport();
            });
    };
    sendPath(Opendir, path, [listing, readMore](const Reply &reply) {
        if (reply.type != Handle) {
            listing->done(failure(cannot(Tr::tr("Cannot list '%1': %2."), listing->path, reply)));
            return;
        }
        listing->handle = reply.reader().string();
        (*readMore)();
    });
}

} // namespace sshcore::detail
