// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sshcore/SshServerIdentity.h"

#include <QCoreApplication>

namespace sshcore {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(sshcore::SshServerIdentity)
};

} // namespace

QString SshServerIdentity::displayName() const
{
    return comments.isEmpty() ? softwareVersion : softwareVersion + u' ' + comments;
}

Result<SshServerIdentity> SshServerIdentity::parse(QByteArrayView line)
{
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    if (!line.startsWith("SSH-"))
        return failure(ErrorKind::Malformed, Tr::tr("The server did not identify itself as an SSH server."));
    // RFC 4253 allows 255 characters including CR LF.
    if (line.size() > 253)
        return failure(ErrorKind::Malformed, Tr::tr("The server's SSH identification line is too long."));
    for (const char c : line) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte > 0x7e)
            return failure(ErrorKind::Malformed, Tr::tr("The server's SSH identification line contains control "
                                                        "or non-ASCII characters."));
    }

    const QByteArrayView rest = line.sliced(4);
    const qsizetype dash = rest.indexOf('-');
    if (dash <= 0)
        return failure(ErrorKind::Malformed, Tr::tr("The server's SSH identification line has no software version."));

    SshServerIdentity identity;
    identity.protocolVersion = QString::fromLatin1(rest.first(dash));
    const QByteArrayView software = rest.sliced(dash + 1);
    const qsizetype space = software.indexOf(' ');
    identity.softwareVersion = QString::fromLatin1(space < 0 ? software : software.first(space));
    if (space >= 0)
        identity.comments = QString::fromLatin1(software.sliced(space + 1)).trimmed();
    if (identity.softwareVersion.isEmpty())
        return failure(ErrorKind::Malformed, Tr::tr("The server's SSH identification line has no software version."));
    if (identity.protocolVersion != u"2.0" && identity.protocolVersion != u"1.99")
        return failure(ErrorKind::Malformed, Tr::tr("The server speaks SSH protocol %1 only; clusterdesk needs SSH 2.")
                                                 .arg(identity.protocolVersion));
    return identity;
}

} // namespace sshcore
