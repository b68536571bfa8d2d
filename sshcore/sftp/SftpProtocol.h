// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/Result.h"
#include "sshcore/sftp/SftpEntry.h"

#include <QByteArray>
#include <QString>

#include <optional>

// SFTP version 3 (draft-ietf-secsh-filexfer-02, what OpenSSH speaks) and the OpenSSH extensions used
// here, encoded and decoded.
namespace sshcore::detail::sftp {

enum Type : quint8 {
    Init = 1,
    Version = 2,
    Open = 3,
    Close = 4,
    Read = 5,
    Write = 6,
    Lstat = 7,
    Fstat = 8,
    Setstat = 9,
    Fsetstat = 10,
    Opendir = 11,
    Readdir = 12,
    Remove = 13,
    Mkdir = 14,
    Rmdir = 15,
    Realpath = 16,
    Stat = 17,
    Rename = 18,
    Readlink = 19,
    Symlink = 20,
    Status = 101,
    Handle = 102,
    Data = 103,
    Name = 104,
    Attrs = 105,
    Extended = 200,
    ExtendedReply = 201,
};

enum StatusCode : quint32 {
    Ok = 0,
    Eof = 1,
    NoSuchFile = 2,
    PermissionDenied = 3,
    Failure = 4,
    BadMessage = 5,
    NoConnection = 6,
    ConnectionLost = 7,
    OpUnsupported = 8,
    // Later protocol versions; some servers send them anyway.
    FileAlreadyExists = 11,
    WriteProtect = 12,
    NoSpaceOnFilesystem = 14,
    QuotaExceeded = 15,
    DirNotEmpty = 18,
    NotADirectory = 19,
    InvalidFilename = 20,
};

enum OpenFlag : quint32 {
    OpenRead = 0x01,
    OpenWrite = 0x02,
    OpenAppend = 0x04,
    OpenCreate = 0x08,
    OpenTruncate = 0x10,
    OpenExclusive = 0x20,
};

// The attributes a request sets; unset members are not sent.
struct Attributes
{
    std::optional<quint64> size;
    std::optional<quint32> permissions;
    std::optional<qint64> modified; // also sent as the access time
};

// Builds one packet: length, type, request id, then the fields appended.
class PacketWriter
{
public:
    PacketWriter(quint8 type, quint32 id);
    PacketWriter &u8(quint8 value);
    PacketWriter &u32(quint32 value);
    PacketWriter &u64(quint64 value);
    PacketWriter &string(const QByteArray &value);
    PacketWriter &string(const char *data, qsizetype size);
    PacketWriter &attributes(const Attributes &attributes);
    QByteArray take(); // fills in the length

private:
    QByteArray m_data;
};

// Reads the fields of a reply; any read past the end sets failed() and returns zeros.
class PacketReader
{
public:
    explicit PacketReader(const QByteArray &payload, qsizetype offset = 0);
    quint8 u8();
    quint32 u32();
    quint64 u64();
    QByteArray string();
    SftpEntry attributes(); // the type, size, times, mode and owner it carries
    bool failed() const { return m_failed; }
    bool atEnd() const { return m_offset >= m_payload.size(); }

private:
    bool need(qsizetype bytes);
    const QByteArray &m_payload;
    qsizetype m_offset;
    bool m_failed = false;
};

// A reply as the session hands it to whoever sent the request. A request that will never be answered
// (the channel closed, the link dropped) gets type 0 with status ConnectionLost and why in message.
struct Reply
{
    quint8 type = 0;
    quint32 status = Ok;  // for Status replies
    QString message;      // the server's words, or why there is no answer
    QByteArray payload;   // the fields after the request id
    qsizetype offset = 0; // where they start in payload

    bool isStatus(quint32 code) const { return type == Status && status == code; }
    PacketReader reader() const { return PacketReader(payload, offset); }
};

// What a status means to a person, e.g. "permission denied". The SFTP channel gives no reason for a
// generic failure; callers add what they know (see SftpTransferOperation).
QString statusText(const Reply &reply);

// sentence (translated, whole: "Cannot read '%1': %2.") with the path and why.
QString cannotMessage(const QString &sentence, const QByteArray &path, const QString &why);

// The kind a reply's status means to a program (no such file: NotFound; a full disk or quota: NoSpace;
// no answer because the channel or link went: LinkLost...).
ErrorKind statusKind(const Reply &reply);

// sentence ("Cannot read '%1': %2.") with the path and the reply's status, of the status's kind.
Error cannot(const QString &sentence, const QByteArray &path, const Reply &reply);

} // namespace sshcore::detail::sftp
