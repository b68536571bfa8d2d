// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sshcore/sftp/SftpProtocol.h"

#include <QCoreApplication>
#include <QtEndian>

namespace sshcore::detail::sftp {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(sshcore::SftpProtocol)
};

} // namespace

namespace {
constexpr quint32 AttrSize = 0x1;
constexpr quint32 AttrOwner = 0x2;
constexpr quint32 AttrPermissions = 0x4;
constexpr quint32 AttrTimes = 0x8;
constexpr quint32 AttrExtended = 0x80000000;
constexpr quint32 TypeMask = 0170000;
constexpr quint32 TypeDirectory = 0040000;
constexpr quint32 TypeFile = 0100000;
constexpr quint32 TypeLink = 0120000;
} // namespace

PacketWriter::PacketWriter(quint8 type, quint32 id)
{
    m_data.reserve(64);
    u32(0); // the length, filled in by take()
    u8(type);
    if (type != Init)
        u32(id);
}

PacketWriter &PacketWriter::u8(quint8 value)
{
    m_data.append(char(value));
    return *this;
}

PacketWriter &PacketWriter::u32(quint32 value)
{
    char bytes[4];
    qToBigEndian(value, bytes);
    m_data.append(bytes, 4);
    return *this;
}

PacketWriter &PacketWriter::u64(quint64 value)
{
    char bytes[8];
    qToBigEndian(value, bytes);
    m_data.append(bytes, 8);
    return *this;
}

PacketWriter &PacketWriter::string(const char *data, qsizetype size)
{
    u32(quint32(size));
    m_data.append(data, size);
    return *this;
}

PacketWriter &PacketWriter::string(const QByteArray &value)
{
    return string(value.constData(), value.size());
}

PacketWriter &PacketWriter::attributes(const Attributes &attributes)
{
    const quint32 flags = (attributes.size ? AttrSize : 0) | (attributes.permissions ? AttrPermissions : 0)
                          | (attributes.modified ? AttrTimes : 0);
    u32(flags);
    if (attributes.size)
        u64(*attributes.size);
    if (attributes.permissions)
        u32(*attributes.permissions & 07777);
    if (attributes.modified) {
        u32(quint32(*attributes.modified)); // access time
        u32(quint32(*attributes.modified));
    }
    return *this;
}

QByteArray PacketWriter::take()
{
    qToBigEndian(quint32(m_data.size() - 4), m_data.data());
    return std::move(m_data);
}

PacketReader::PacketReader(const QByteArray &payload, qsizetype offset)
    : m_payload(payload)
    , m_offset(offset)
{}

bool PacketReader::need(qsizetype bytes)
{
    if (m_failed || m_payload.size() - m_offset < bytes) {
        m_failed = true;
        return false;
    }
    return true;
}

quint8 PacketReader::u8()
{
    if (!need(1))
        return 0;
    return quint8(m_payload.at(m_offset++));
}

quint32 PacketReader::u32()
{
    if (!need(4))
        return 0;
    const auto value = qFromBigEndian<quint32>(m_payload.constData() + m_offset);
    m_offset += 4;
    return value;
}

quint64 PacketReader::u64()
{
    if (!need(8))
        return 0;
    const auto value = qFromBigEndian<quint64>(m_payload.constData() + m_offset);
    m_offset += 8;
    return value;
}

QByteArray PacketReader::string()
{
    const quint32 size = u32();
    if (!need(qsizetype(size)))
        return {};
    QByteArray value(m_payload.constData() + m_offset, qsizetype(size));
    m_offset += qsizetype(size);
    return value;
}

SftpEntry PacketReader::attributes()
{
    SftpEntry entry;
    const quint32 flags = u32();
    if (flags & AttrSize)
        entry.size = u64();
    if (flags & AttrOwner) {
        entry.uid = u32();
        entry.gid = u32();
    }
    if (flags & AttrPermissions) {
        const quint32 mode = u32();
        entry.permissions = mode & 07777;
        const quint32 type = mode & TypeMask;
        entry.type = type == TypeDirectory ? SftpEntry::Type::Directory
                     : type == TypeFile    ? SftpEntry::Type::File
                     : type == TypeLink    ? SftpEntry::Type::Symlink
                                           : SftpEntry::Type::Other;
    }
    if (flags & AttrTimes) {
        u32(); // access time
        entry.modified = qint64(u32());
    }
    if (flags & AttrExtended) {
        const quint32 count = u32();
        for (quint32 i = 0; i < count && !m_failed; ++i) {
            string();
            string();
        }
    }
    return entry;
}

QString statusText(const Reply &reply)
{
    if (reply.type == 0)
        return reply.message;
    if (reply.type != Status)
        return Tr::tr("the server sent an unexpected reply (type %1)").arg(reply.type);
    switch (reply.status) {
    case NoSuchFile: return Tr::tr("no such file or folder");
    case PermissionDenied: return Tr::tr("permission denied");
    case BadMessage: return Tr::tr("the name is too long or not valid there");
    case OpUnsupported: return Tr::tr("the server does not support this");
    case NoConnection:
    case ConnectionLost: return Tr::tr("the connection was lost");
    case FileAlreadyExists: return Tr::tr("it already exists");
    case WriteProtect: return Tr::tr("the file system is read-only");
    case NoSpaceOnFilesystem: return Tr::tr("no space left on the remote disk");
    case QuotaExceeded: return Tr::tr("your disk quota is exceeded");
    case DirNotEmpty: return Tr::tr("the folder is not empty");
    case NotADirectory: return Tr::tr("it is not a folder");
    case InvalidFilename: return Tr::tr("the name is not valid there");
    case Failure:
        return Tr::tr("the server reported a failure (for example a full disk, a name that is too long, or "
                      "a folder that is not empty)");
    default:
        return reply.message.isEmpty() ? Tr::tr("SFTP status %1").arg(reply.status)
                                       : Tr::tr("%1 (SFTP status %2)").arg(reply.message).arg(reply.status);
    }
}

QString cannotMessage(const QString &sentence, const QByteArray &path, const QString &why)
{
    return QString(sentence).arg(QString::fromUtf8(path), why);
}

ErrorKind statusKind(const Reply &reply)
{
    if (reply.type == 0)
        return ErrorKind::LinkLost; // never answered: the channel or the link went
    if (reply.type != Status)
        return ErrorKind::Malformed;
    switch (reply.status) {
    case NoSuchFile:
    case NotADirectory: return ErrorKind::NotFound;
    case PermissionDenied:
    case WriteProtect: return ErrorKind::PermissionDenied;
    case NoSpaceOnFilesystem:
    case QuotaExceeded: return ErrorKind::NoSpace;
    case NoConnection:
    case ConnectionLost: return ErrorKind::LinkLost;
    case BadMessage: return ErrorKind::Malformed;
    case OpUnsupported:
    case FileAlreadyExists:
    case DirNotEmpty:
    case InvalidFilename: return ErrorKind::Refused;
    default: return ErrorKind::Other;
    }
}

Error cannot(const QString &what, const QByteArray &path, const Reply &reply)
{
    return {statusKind(reply), cannotMessage(what, path, statusText(reply))};
}

} // namespace sshcore::detail::sftp
