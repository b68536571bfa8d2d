// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/Result.h"

#include <QByteArrayView>
#include <QString>

namespace sshcore {

// What an SSH server says about itself before the key exchange (RFC 4253, section 4.2):
// "SSH-protoversion-softwareversion SP comments CR LF".
struct SshServerIdentity
{
    QString protocolVersion; // "2.0" (or "1.99", which also speaks 2.0)
    QString softwareVersion; // "OpenSSH_10.0p2"
    QString comments;        // "Debian-5"

    // "OpenSSH_10.0p2 Debian-5"
    QString displayName() const;

    // Parses one identification line (with or without its CR LF). Pure; no I/O.
    static Result<SshServerIdentity> parse(QByteArrayView line);
};

} // namespace sshcore
