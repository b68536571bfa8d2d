// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/Result.h"
#include "sshcore/sftp/SftpEntry.h"

#include <QByteArray>
#include <QPointer>

#include <functional>

class QObject;

namespace sshcore {
class SshConnection;
} // namespace sshcore

namespace app {

// What the Files area asks of the cluster's file system beside listing it (RemoteFileModel lists,
// makes, renames and deletes): where a folder a person typed really is, and how much room its disk
// has. Widget-free, so the answers can be checked (and reused) without a window. Each call answers
// once, on context's thread, and not at all once context is gone; without a connection it answers
// with an error saying so.
class RemoteFileActions
{
public:
    template<typename T>
    using Callback = std::function<void(const sshcore::Result<T> &)>;

    explicit RemoteFileActions(sshcore::SshConnection *connection);

    // The absolute folder for typed: relative to base (empty or "." alone: the home folder), with
    // "..", "." and repeated slashes resolved by the server (which also follows links). Whether the
    // folder exists is for its listing to say: servers differ on what they resolve.
    void resolveFolder(const QByteArray &typed, const QByteArray &base, QObject *context,
                       Callback<QByteArray> callback) const;

    // The size, free space and read-only flag of the file system holding folder.
    void freeSpace(const QByteArray &folder, QObject *context, Callback<sshcore::SftpFileSystem> callback) const;

private:
    QPointer<sshcore::SshConnection> m_connection;
};

} // namespace app
