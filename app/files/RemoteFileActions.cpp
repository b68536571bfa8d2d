// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/files/RemoteFileActions.h"

#include "sshcore/RemotePath.h"
#include "sshcore/SshConnection.h"
#include "sshcore/sftp/SftpClient.h"

#include <QCoreApplication>

namespace app {

namespace {

QString notConnected()
{
    return QCoreApplication::translate("app::RemoteFileActions", "Not connected to the cluster.");
}

} // namespace

RemoteFileActions::RemoteFileActions(sshcore::SshConnection *connection)
    : m_connection(connection)
{}

void RemoteFileActions::resolveFolder(const QByteArray &typed, const QByteArray &base, QObject *context,
                                      Callback<QByteArray> callback) const
{
    if (!m_connection) {
        callback(sshcore::failure(sshcore::ErrorKind::LinkLost, notConnected()));
        return;
    }
    using sshcore::RemotePath::isAbsolute;
    // "." alone is the home folder, whatever is shown; other relative paths go from the folder
    // shown.
    const QByteArray wanted = isAbsolute(typed) || typed == "." || base.isEmpty()
                                  ? typed
                                  : sshcore::RemotePath::join(base, typed);
    sshcore::SftpClient(m_connection).realPath(wanted, context, std::move(callback));
}

void RemoteFileActions::freeSpace(const QByteArray &folder, QObject *context,
                                  Callback<sshcore::SftpFileSystem> callback) const
{
    if (!m_connection) {
        callback(sshcore::failure(sshcore::ErrorKind::LinkLost, notConnected()));
        return;
    }
    sshcore::SftpClient(m_connection).fileSystem(folder, context, std::move(callback));
}

} // namespace app
