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
    qint64 modified = 0; // seconds since the epoch
    quint32 permissions = 0; // the mode bits, e.g. 0644
    quint32 uid = 0;
    quint32 gid = 0;

    bool operator==(const SftpEntry &) const = default;
};

} // namespace sshcore
