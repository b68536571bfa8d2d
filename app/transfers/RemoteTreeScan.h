// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/transfers/TransferFile.h"
#include "app/transfers/TransferTotals.h"
#include "sshcore/Result.h"

#include <QObject>
#include <QStringList>

#include <functional>

namespace sshcore {
class SftpClient;
struct SftpEntry;
} // namespace sshcore

namespace app {

// What a download fetches: a remote file, link or folder listed over SFTP, breadth first, all the
// listings of a level in flight at once. A folder that cannot be listed becomes a failed entry of
// its own; the rest goes on. Deleting the scan drops what is still on its way.
class RemoteTreeScan : public QObject
{
    Q_OBJECT

public:
    struct Tree
    {
        QList<TransferFile> files;
        QStringList localDirectories; // to make, a parent before its children
        TransferTotals totals;        // of files
    };
    // The tree, or why the source itself could not be looked at.
    using Done = std::function<void(sshcore::Result<Tree>)>;

    RemoteTreeScan(sshcore::SftpClient *sftp, Done done, QObject *parent = nullptr);

    // done is called once, later, unless the scan is deleted first.
    void start(const QByteArray &remotePath, const QString &localDirectory);

private:
    void list(const QByteArray &remoteDirectory, const QString &localDirectory);
    void listed(const QByteArray &remoteDirectory, const QString &localDirectory,
                const sshcore::Result<QList<sshcore::SftpEntry>> &entries);
    void append(TransferFile file);
    void oneDone();

    sshcore::SftpClient *m_sftp;
    Done m_done;
    Tree m_tree;
    int m_pending = 0; // listings still on their way
};

} // namespace app
