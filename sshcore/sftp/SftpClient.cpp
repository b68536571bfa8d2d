// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sshcore/sftp/SftpClient.h"

#include "sshcore/SshConnection.h"
#include "sshcore/session/ResultRelay.h"
#include "sshcore/sftp/SftpListOperation.h"
#include "sshcore/sftp/SftpMakePathOperation.h"
#include "sshcore/sftp/SftpReadOperation.h"
#include "sshcore/sftp/SftpRemoveOperation.h"
#include "sshcore/sftp/SftpRenameOperation.h"
#include "sshcore/sftp/SftpTransferOperation.h"

#include <QCoreApplication>

namespace sshcore {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(sshcore::SftpClient)
};

} // namespace

using namespace detail;

SftpClient::SftpClient(SshConnection *connection)
    : m_connection(connection)
{}

namespace {
template<typename T>
bool refuseWithoutConnection(const QPointer<SshConnection> &connection, QObject *context,
                             const SftpClient::Callback<T> &callback)
{
    if (connection)
        return false;
    QMetaObject::invokeMethod(
        context, [callback] { callback(failure(ErrorKind::LinkLost, Tr::tr("Not connected."))); },
        Qt::QueuedConnection);
    return true;
}
} // namespace

template<typename T, typename Fill, typename Parse>
void SftpClient::request(quint8 type, Fill fill, Parse parse, QObject *context, Callback<T> callback)
{
    if (refuseWithoutConnection(m_connection, context, callback))
        return;
    m_connection->submit(std::make_shared<SftpRequestOperation<T>>(type, std::move(fill), std::move(parse),
                                                                   replyTo<T>(m_connection->workerThread(), context,
                                                                              std::move(callback))));
}

namespace {
// A reply that is only a status: OK, or why not.
auto statusOnly(QString what, QByteArray path)
{
    return [what = std::move(what), path = std::move(path)](const sftp::Reply &reply) -> Result<> {
        if (reply.isStatus(sftp::Ok))
            return {};
        return failure(sftp::cannot(what, path, reply));
    };
}

// A NAME reply with one entry (realpath, readlink): its name.
auto firstName(QString what, QByteArray path)
{
    return [what = std::move(what), path = std::move(path)](const sftp::Reply &reply) -> Result<QByteArray> {
        if (reply.type != sftp::Name)
            return failure(sftp::cannot(what, path, reply));
        sftp::PacketReader reader = reply.reader();
        const quint32 count = reader.u32();
        QByteArray name = reader.string();
        if (reader.failed() || count < 1)
            return failure(ErrorKind::Malformed,
                           sftp::cannotMessage(what, path, Tr::tr("the server sent a malformed reply")));
        return name;
    };
}

auto onePath(QByteArray path)
{
    return [path = std::move(path)](sftp::PacketWriter &w) { w.string(path); };
}
} // namespace

void SftpClient::stat(const QByteArray &path, QObject *context, Callback<SftpEntry> callback)
{
    request<SftpEntry>(
        sftp::Lstat, onePath(path),
        [path](const sftp::Reply &reply) -> Result<SftpEntry> {
            if (reply.type != sftp::Attrs)
                return failure(sftp::cannot(Tr::tr("Cannot read the details of '%1': %2."), path, reply));
            SftpEntry entry = reply.reader().attributes();
            entry.name = baseName(path);
            return entry;
        },
        context, std::move(callback));
}

void SftpClient::list(const QByteArray &directory, QObject *context, Callback<QList<SftpEntry>> callback)
{
    if (refuseWithoutConnection(m_connection, context, callback))
        return;
    m_connection->submit(
        std::make_shared<SftpListOperation>(directory, replyTo<QList<SftpEntry>>(m_connection->workerThread(), context,
                                                                                 std::move(callback))));
}

void SftpClient::readFile(const QByteArray &path, qint64 limit, QObject *context, Callback<QByteArray> callback)
{
    if (refuseWithoutConnection(m_connection, context, callback))
        return;
    m_connection->submit(std::make_shared<SftpReadOperation>(path, limit,
                                                             replyTo<QByteArray>(m_connection->workerThread(), context,
                                                                                 std::move(callback))));
}

void SftpClient::makePath(const QByteArray &path, QObject *context, Callback<void> callback, int mode)
{
    if (refuseWithoutConnection(m_connection, context, callback))
        return;
    m_connection->submit(std::make_shared<SftpMakePathOperation>(path, mode,
                                                                 replyTo<void>(m_connection->workerThread(), context,
                                                                               std::move(callback))));
}

void SftpClient::remove(const QByteArray &path, bool recursive, QObject *context, Callback<void> callback)
{
    if (refuseWithoutConnection(m_connection, context, callback))
        return;
    m_connection->submit(std::make_shared<SftpRemoveOperation>(path, recursive,
                                                               replyTo<void>(m_connection->workerThread(), context,
                                                                             std::move(callback))));
}

void SftpClient::rename(const QByteArray &from, const QByteArray &to, QObject *context, Callback<void> callback)
{
    if (refuseWithoutConnection(m_connection, context, callback))
        return;
    m_connection->submit(std::make_shared<SftpRenameOperation>(from, to,
                                                               replyTo<void>(m_connection->workerThread(), context,
                                                                             std::move(callback))));
}

void SftpClient::setAttributes(const QByteArray &path, std::optional<qint64> modified,
                               std::optional<quint32> permissions, QObject *context, Callback<void> callback)
{
    sftp::Attributes attributes;
    attributes.modified = modified;
    attributes.permissions = permissions;
    request<void>(
        sftp::Setstat, [path, attributes](sftp::PacketWriter &w) { w.string(path).attributes(attributes); },
        statusOnly(Tr::tr("Cannot set the time and permissions of '%1': %2."), path), context, std::move(callback));
}

void SftpClient::realPath(const QByteArray &path, QObject *context, Callback<QByteArray> callback)
{
    request<QByteArray>(sftp::Realpath, onePath(path), firstName(Tr::tr("Cannot resolve '%1': %2."), path), context,
                        std::move(callback));
}

void SftpClient::readLink(const QByteArray &link, QObject *context, Callback<QByteArray> callback)
{
    request<QByteArray>(sftp::Readlink, onePath(link), firstName(Tr::tr("Cannot read the link '%1': %2."), link),
                        context, std::move(callback));
}

void SftpClient::makeLink(const QByteArray &target, const QByteArray &link, QObject *context, Callback<void> callback)
{
    // OpenSSH's server (and every server built on it) takes the target first, the reverse of the
    // protocol draft; clients have followed it since.
    request<void>(
        sftp::Symlink, [target, link](sftp::PacketWriter &w) { w.string(target).string(link); },
        statusOnly(Tr::tr("Cannot create the link '%1': %2."), link), context, std::move(callback));
}

void SftpClient::fileSystem(const QByteArray &path, QObject *context, Callback<SftpFileSystem> callback)
{
    request<SftpFileSystem>(
        sftp::Extended,
        [path](sftp::PacketWriter &w) { w.string(QByteArrayLiteral("statvfs@openssh.com")).string(path); },
        [path](const sftp::Reply &reply) -> Result<SftpFileSystem> {
            if (reply.type != sftp::ExtendedReply)
                return failure(sftp::cannot(Tr::tr("Cannot read the free space of '%1': %2."), path, reply));
            sftp::PacketReader r = reply.reader();
            r.u64(); // block size
            const quint64 fragment = r.u64();
            const quint64 blocks = r.u64();
            const quint64 free = r.u64();
            const quint64 available = r.u64();
            const quint64 files = r.u64();
            r.u64(); // free inodes
            const quint64 availableFiles = r.u64();
            r.u64(); // file system id
            const quint64 flags = r.u64();
            if (r.failed())
                return failure(ErrorKind::Malformed,
                               sftp::cannotMessage(Tr::tr("Cannot read the free space of '%1': %2."), path,
                                                   Tr::tr("the server sent a malformed reply")));
            SftpFileSystem fs;
            fs.totalBytes = blocks * fragment;
            fs.freeBytes = free * fragment;
            fs.availableBytes = available * fragment;
            fs.totalFiles = files;
            fs.availableFiles = availableFiles;
            fs.readOnly = flags & 0x1;
            return fs;
        },
        context, std::move(callback));
}

void SftpClient::upload(const QString &localFile, const QByteArray &remoteFile, const SftpTransferOptions &options,
                        QObject *context, Callback<quint64> callback, Progress progress)
{
    transfer(true, localFile, remoteFile, options, context, std::move(callback), std::move(progress));
}

void SftpClient::download(const QByteArray &remoteFile, const QString &localFile, const SftpTransferOptions &options,
                          QObject *context, Callback<quint64> callback, Progress progress)
{
    transfer(false, localFile, remoteFile, options, context, std::move(callback), std::move(progress));
}

void SftpClient::transfer(bool upload, const QString &localFile, const QByteArray &remoteFile,
                          const SftpTransferOptions &options, QObject *context, Callback<quint64> callback,
                          Progress progress)
{
    if (refuseWithoutConnection(m_connection, context, callback))
        return;
    ResultRelay *relay = nullptr;
    auto reply = replyTo<quint64>(m_connection->workerThread(), context, std::move(callback), std::move(progress),
                                  &relay);
    m_connection->submit(std::make_shared<SftpTransferOperation>(
        upload ? SftpTransferOperation::Direction::Upload : SftpTransferOperation::Direction::Download, localFile,
        remoteFile, options.offset, options.bufferSize, options.stop,
        sftp::Attributes{.size = std::nullopt, .permissions = options.permissions, .modified = options.modified},
        options.placeAs, options.rangeEnd, relay, std::move(reply)));
}

} // namespace sshcore
