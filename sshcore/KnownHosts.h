// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <libssh2.h>

namespace sshcore {

// OpenSSH known_hosts files (plain, hashed, "[host]:port"), read and appended through libssh2.
// One instance per check; cheap to make.
class KnownHosts
{
public:
    enum class Status { Match, Mismatch, NotFound };

    struct Verdict
    {
        Status status = Status::NotFound;
        QString file; // where the matching or mismatching entry is
    };

    explicit KnownHosts(LIBSSH2_SESSION *session);
    ~KnownHosts();
    KnownHosts(const KnownHosts &) = delete;
    KnownHosts &operator=(const KnownHosts &) = delete;

    // Checks the server's key against each file in order.
    Verdict check(const QStringList &files, const QString &host, quint16 port, const QByteArray &key,
                  int libssh2KeyType) const;

    // The key types recorded for host in these files, as libssh2 host-key method names, so the
    // session can prefer them ("ssh-ed25519", "ecdsa-sha2-nistp256", ...).
    QStringList knownKeyMethods(const QStringList &files, const QString &host, quint16 port) const;

    // Appends "[host]:port type base64" (or "host type base64" on port 22) to file.
    static Result<> append(const QString &file, const QString &host, quint16 port, const QByteArray &key,
                           int libssh2KeyType);

    static QString keyTypeName(int libssh2KeyType);
    static QString fingerprintSha256(LIBSSH2_SESSION *session);

private:
    LIBSSH2_SESSION *m_session;
};

} // namespace sshcore
