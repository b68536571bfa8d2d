// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/transfers/LocalTreeScan.h"

#include "sshcore/RemotePath.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTimeZone>
#include <QtConcurrent/QtConcurrentRun>

namespace app {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::TransferQueue)
};

quint32 modeFromPermissions(QFile::Permissions permissions)
{
    quint32 mode = 0;
    const std::pair<QFile::Permission, quint32> bits[] = {{QFile::ReadOwner, 0400},  {QFile::WriteOwner, 0200},
                                                          {QFile::ExeOwner, 0100},   {QFile::ReadGroup, 0040},
                                                          {QFile::WriteGroup, 0020}, {QFile::ExeGroup, 0010},
                                                          {QFile::ReadOther, 0004},  {QFile::WriteOther, 0002},
                                                          {QFile::ExeOther, 0001}};
    for (const auto &[permission, bit] : bits) {
        if (permissions & permission)
            mode |= bit;
    }
    return mode;
}

TransferFile fileFor(const QFileInfo &info, const QByteArray &remote)
{
    TransferFile file;
    file.local = info.absoluteFilePath();
    file.remote = remote;
    file.symlink = info.isSymLink();
    if (!file.symlink) {
        file.size = quint64(info.size());
        file.permissions = modeFromPermissions(info.permissions());
    }
    file.modified = info.lastModified(QTimeZone::UTC).toSecsSinceEpoch();
    return file;
}

} // namespace

QFuture<LocalTreeScan::Result> LocalTreeScan::start(QThreadPool *pool, const QString &localPath,
                                                    const QByteArray &remoteDirectory,
                                                    std::shared_ptr<std::atomic_bool> stop)
{
    return QtConcurrent::run(pool, [localPath, remoteDirectory, stop = std::move(stop)] {
        return walk(localPath, remoteDirectory, *stop);
    });
}

LocalTreeScan::Result LocalTreeScan::walk(const QString &localPath, const QByteArray &remoteDirectory,
                                          const std::atomic_bool &stop)
{
    Result result;
    const auto append = [&result](TransferFile file) {
        result.totals.add(int(result.files.size()), file);
        result.files.append(std::move(file));
    };
    const QFileInfo root(localPath);
    if (!root.exists() && !root.isSymLink()) {
        result.error = Tr::tr("'%1' does not exist (any more).").arg(localPath);
        return result;
    }
    const QByteArray top = sshcore::RemotePath::join(remoteDirectory, QFile::encodeName(root.fileName()));
    if (root.isSymLink() || !root.isDir()) {
        append(fileFor(root, top));
        return result;
    }
    result.remoteDirectories.append(top);
    const QDir base(localPath);
    // Links to folders are not followed: a tree with a loop cannot make this run forever.
    QDirIterator it(localPath, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        if (stop.load(std::memory_order_relaxed)) {
            result.stopped = true;
            return result;
        }
        const QFileInfo info = it.nextFileInfo();
        const QByteArray remote = sshcore::RemotePath::join(top,
                                                            QFile::encodeName(base.relativeFilePath(info.filePath())));
        if (info.isSymLink() || info.isFile()) {
            append(fileFor(info, remote));
        } else if (info.isDir()) {
            result.remoteDirectories.append(remote);
        } else {
            TransferFile special = fileFor(info, remote);
            special.state = TransferFileState::Skipped;
            special.error = Tr::tr("Not a regular file (a device, socket or pipe): skipped.");
            append(std::move(special));
        }
    }
    return result;
}

} // namespace app
