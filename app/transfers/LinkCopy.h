// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/Result.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>

namespace sshcore {
class SftpClient;
struct SftpEntry;
} // namespace sshcore

namespace app {

// A symbolic link is made again on the other side with the same target (a relative target stays
// relative), never followed; what is in its way (a file or another link, never a folder) is
// replaced.
class LinkCopy
{
public:
    using Done = std::function<void(const sshcore::Result<> &)>;

    // existing: what is at remotePath now (null: nothing). done runs in context's thread.
    static void upload(sshcore::SftpClient *sftp, const QString &localLink, const QByteArray &remotePath,
                       const sshcore::SftpEntry *existing, QObject *context, Done done);
    static void download(sshcore::SftpClient *sftp, const QByteArray &remoteLink, const QString &localPath,
                         QObject *context, Done done);

    // A local link's target as written; empty if it cannot be read.
    static QByteArray localTarget(const QString &path);
};

} // namespace app
