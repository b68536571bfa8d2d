// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/transfers/RemoteTreeScan.h"

#include "sshcore/RemotePath.h"
#include "sshcore/sftp/SftpClient.h"

#include <QDir>
#include <QFile>

using sshcore::Result;
using sshcore::SftpEntry;

namespace app {

namespace {

TransferFile fileFor(const SftpEntry &entry, const QByteArray &remote, const QString &local)
{
    TransferFile file;
    file.remote = remote;
    file.local = local;
    file.size = entry.size;
    file.modified = entry.modified;
    file.permissions = entry.permissions & 07777;
    file.symlink = entry.type == SftpEntry::Type::Symlink;
    // A link itself is made, with its target's name; nothing is read through it.
    if (file.symlink)
        file.size = 0;
    return file;
}

} // namespace

RemoteTreeScan::RemoteTreeScan(sshcore::SftpClient *sftp, Done done, QObject *parent)
    : QObject(parent)
    , m_sftp(sftp)
    , m_done(std::move(done))
{}

void RemoteTreeScan::start(const QByteArray &remotePath, const QString &localDirectory)
{
    m_sftp->stat(remotePath, this, [this, remotePath, localDirectory](const Result<SftpEntry> &root) {
        if (!root) {
            m_done(sshcore::failure(root.error()));
            return;
        }
        const QString local = QDir(localDirectory)
                                  .filePath(QFile::decodeName(sshcore::RemotePath::baseName(remotePath)));
        if (root->type == SftpEntry::Type::Directory) {
            m_tree.localDirectories.append(local);
            list(remotePath, local);
            return;
        }
        append(fileFor(*root, remotePath, local));
        m_done(std::move(m_tree));
    });
}

void RemoteTreeScan::list(const QByteArray &remoteDirectory, const QString &localDirectory)
{
    ++m_pending;
    m_sftp->list(remoteDirectory, this,
                 [this, remoteDirectory, localDirectory](const Result<QList<SftpEntry>> &entries) {
                     listed(remoteDirectory, localDirectory, entries);
                 });
}

void RemoteTreeScan::listed(const QByteArray &remoteDirectory, const QString &localDirectory,
                            const Result<QList<SftpEntry>> &entries)
{
    if (!entries) {
        TransferFile failed;
        failed.remote = remoteDirectory;
        failed.local = localDirectory;
        failed.state = TransferFileState::Failed;
        failed.error = entries.error().message;
        append(std::move(failed));
        oneDone();
        return;
    }
    const QDir local(localDirectory);
    for (const SftpEntry &entry : *entries) {
        const QByteArray remote = sshcore::RemotePath::join(remoteDirectory, entry.name);
        const QString localPath = local.filePath(QFile::decodeName(entry.name));
        if (entry.type == SftpEntry::Type::Directory) {
            m_tree.localDirectories.append(localPath);
            list(remote, localPath);
        } else if (entry.type == SftpEntry::Type::File || entry.type == SftpEntry::Type::Symlink) {
            append(fileFor(entry, remote, localPath));
        } else {
            TransferFile special = fileFor(entry, remote, localPath);
            special.state = TransferFileState::Skipped;
            special.error = tr("Not a regular file (a device, socket or pipe): skipped.");
            append(std::move(special));
        }
    }
    oneDone();
}

void RemoteTreeScan::append(TransferFile file)
{
    m_tree.totals.add(int(m_tree.files.size()), file);
    m_tree.files.append(std::move(file));
}

void RemoteTreeScan::oneDone()
{
    if (--m_pending == 0)
        m_done(std::move(m_tree));
}

} // namespace app
