// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/Result.h"
#include "sshcore/sftp/SftpEntry.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace sshcore {

class SshConnection;

struct SftpTransferOptions
{
    quint64 offset = 0;             // resume from here (the remote or local file keeps what it has)
    qsizetype bufferSize = 4 << 20; // bytes in flight: the pipeline depth
    // Set (from any thread) to stop soon: no new requests, the file closed with what arrived, and
    // the result the error StoppedMessage.
    std::shared_ptr<std::atomic_bool> stop;
    static constexpr auto StoppedMessage = "Stopped.";
    // The modification time and mode the destination gets before it is closed: for uploads kept where
    // the server allows (a refusal does not fail the transfer); for downloads the owner can always
    // read and write the local file.
    std::optional<qint64> modified;
    std::optional<quint32> permissions;
    // An upload that spreads its writes over several channels (large files) marks its temporary file
    // with this mode until it is complete: the writes land in any order, so such a file's length is
    // not how much of it is there, and it must not be resumed from its length. Progress (and the
    // count of a failed transfer) is always the length known complete from the start.
    static constexpr quint32 UnorderedPartialMode = 0200;
    // If set, the complete file is renamed to this name as the transfer's last step (an upload's
    // remote path; a download's local path as QFile::encodeName gives it), replacing what is there;
    // a failed or stopped transfer leaves the file under its own name.
    QByteArray placeAs;
    // If set, only the part [offset, rangeEnd) is sent, beside other parts on other connections: the
    // destination is created if missing and never truncated, an upload borrows no lanes, and the
    // progress is the part's length known complete from offset. An empty part (rangeEnd == offset)
    // sends nothing and sets the destination's length to offset, with modified and permissions if
    // given, then places it if placeAs is set: how a split transfer prepares, cuts back and ends.
    std::optional<quint64> rangeEnd;
    // The mode a local file written in parts carries until it is complete (UnorderedPartialMode's
    // counterpart; the owner keeps reading and writing it, and no finished download has it).
    static constexpr quint32 UnorderedLocalMode = 01600;
};

// File operations over the connection's SFTP channel. Paths are bytes (remote names need not be
// UTF-8); every result comes back as a value to a callback tied to a context object.
class SftpClient
{
public:
    explicit SftpClient(SshConnection *connection);

    template<typename T>
    using Callback = std::function<void(const Result<T> &)>;
    using Progress = std::function<void(quint64 done, quint64 total)>;

    void stat(const QByteArray &path, QObject *context, Callback<SftpEntry> callback);
    void list(const QByteArray &directory, QObject *context, Callback<QList<SftpEntry>> callback);
    void makePath(const QByteArray &path, QObject *context, Callback<void> callback, int mode = 0755);
    void remove(const QByteArray &path, bool recursive, QObject *context, Callback<void> callback);
    void rename(const QByteArray &from, const QByteArray &to, QObject *context, Callback<void> callback);
    // Sets what is given: the modification time (seconds since the epoch) and the mode bits.
    void setAttributes(const QByteArray &path, std::optional<qint64> modified, std::optional<quint32> permissions,
                       QObject *context, Callback<void> callback);

    // The absolute form of a path ("." is the home folder).
    void realPath(const QByteArray &path, QObject *context, Callback<QByteArray> callback);
    // A symbolic link's target, and making one (link -> target).
    void readLink(const QByteArray &link, QObject *context, Callback<QByteArray> callback);
    void makeLink(const QByteArray &target, const QByteArray &link, QObject *context, Callback<void> callback);
    // The size and free space of the file system holding path, where the server tells (OpenSSH does).
    void fileSystem(const QByteArray &path, QObject *context, Callback<SftpFileSystem> callback);

    // A small file's whole contents, read into memory (never written to a local file); refused when
    // it is longer than limit bytes.
    void readFile(const QByteArray &path, qint64 limit, QObject *context, Callback<QByteArray> callback);

    void upload(const QString &localFile, const QByteArray &remoteFile, const SftpTransferOptions &options,
                QObject *context, Callback<quint64> callback, Progress progress = {});
    void download(const QByteArray &remoteFile, const QString &localFile, const SftpTransferOptions &options,
                  QObject *context, Callback<quint64> callback, Progress progress = {});

private:
    template<typename T, typename Fill, typename Parse>
    void request(quint8 type, Fill fill, Parse parse, QObject *context, Callback<T> callback);
    void transfer(bool upload, const QString &localFile, const QByteArray &remoteFile,
                  const SftpTransferOptions &options, QObject *context, Callback<quint64> callback, Progress progress);

    QPointer<SshConnection> m_connection;
};

} // namespace sshcore

Q_DECLARE_METATYPE(sshcore::Result<sshcore::SftpEntry>)
Q_DECLARE_METATYPE(sshcore::Result<QList<sshcore::SftpEntry>>)
Q_DECLARE_METATYPE(sshcore::Result<void>)
Q_DECLARE_METATYPE(sshcore::Result<quint64>)
Q_DECLARE_METATYPE(sshcore::Result<QByteArray>)
Q_DECLARE_METATYPE(sshcore::Result<sshcore::SftpFileSystem>)
