// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <chrono>

namespace bench {

// What libssh2 (and so clusterdesk, which sets no preference but the host key's) agrees on with a
// server, seen by a handshake of its own.
struct Methods
{
    QString kex, cipher, mac, serverBanner;
    bool aead() const { return cipher.contains(u"gcm") || cipher.contains(u"poly1305"); } // no separate MAC
};

sshcore::Result<Methods> negotiatedMethods(const QString &host, quint16 port);

// Where a client connects: the login node itself, or the delay proxy in front of it, with a
// known_hosts file naming the login node's keys under that address.
struct Endpoint
{
    quint16 port = 0;
    QString knownHosts;
};

// OpenSSH's sftp and scp as the oracle: the same user, key, host key check, key exchange, cipher and
// MAC as clusterdesk, no configuration file, no compression. Each call is one process, timed whole.
class OpenSsh
{
public:
    OpenSsh(QString host, QString user, const QString &key, const Methods &methods, std::chrono::seconds timeout);

    QString target() const { return m_user + u'@' + m_host; }

    // sftp in batch mode, the commands on its standard input; the seconds it took.
    sshcore::Result<double> sftp(const Endpoint &at, const QByteArray &commands) const;
    sshcore::Result<double> scp(const Endpoint &at, const QStringList &sourceAndTarget, bool recursive) const;
    // Connecting, logging in, starting the SFTP server and leaving with nothing to transfer: the
    // median of three runs.
    sshcore::Result<double> login(const Endpoint &at) const;

    static QString version(); // "OpenSSH_10.0p2 ..., OpenSSL ..."

private:
    QStringList arguments(const Endpoint &at) const;
    sshcore::Result<double> run(const QString &program, const QStringList &arguments, const QByteArray &input) const;

    QString m_host;
    QString m_user;
    QStringList m_options;
    std::chrono::seconds m_timeout;
};

} // namespace bench
