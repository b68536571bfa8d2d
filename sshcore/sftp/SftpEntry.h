// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>

namespace sshcore {

// One remote file as SFTP describes it. Names are bytes: remote names need not be UTF-8.
struct SftpEntry
{
    enum class Type { File, Directory, Symlink, Other };

    QByteArray name;
    Type type = Type::Other;
    quint64 size = 0;
    qint64 modified = 0;     // seconds since the epoch
    quint32 permissions = 0; // the mode bits, e.g. 0644
    quint32 uid = 0;
    quint32 gid = 0;

    bool operator==(const SftpEntry &) const = default;
};

// The last part of a remote path ("/a/b/" gives "b").
inline QByteArray baseName(const QByteArray &path)
{
    QByteArray trimmed = path;
    while (trimmed.size() > 1 && trimmed.endsWith('/'))
        trimmed.chop(1);
    const qsizetype slash = trimmed.lastIndexOf('/');
    return slash < 0 ? trimmed : trimmed.mid(slash + 1);
}

// A remote file system's size and free space (statvfs@openssh.com). Quotas are not included.
struct SftpFileSystem
{
    quint64 totalBytes = 0;
    quint64 freeBytes = 0;      // for the superuser
    quint64 availableBytes = 0; // for everyone else
    quint64 totalFiles = 0;
    quint64 availableFiles = 0;
    bool readOnly = false;

    bool operator==(const SftpFileSystem &) const = default;
};

} // namespace sshcore
