// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace sshcore {

// The four kinds of algorithm an SSH client chooses in the handshake.
enum class SshAlgorithmType { Cipher, Mac, KeyExchange, HostKey };

// The algorithm choices ssh_config(5) allows (Ciphers, MACs, KexAlgorithms, HostKeyAlgorithms), each
// as written there: "a,b" replaces the default list, "+a,b" appends to it, "-a*,b" removes from it
// and "^a,b" puts them first; names may be patterns with * and ?. Empty: clusterdesk's default.
struct SshAlgorithmChoices
{
    QString ciphers;
    QString macs;
    QString kexAlgorithms;
    QString hostKeyAlgorithms;

    const QString &of(SshAlgorithmType type) const;
    QString &of(SshAlgorithmType type);
    bool operator==(const SshAlgorithmChoices &) const = default;
};

// What the handshake settled on, as libssh2 reports it (libssh2_session_methods).
struct SshNegotiatedMethods
{
    QString keyExchange;
    QString hostKey;
    QString cipherClientToServer;
    QString cipherServerToClient;
    QString macClientToServer;
    QString macServerToClient;
    QString compressionClientToServer;
    QString compressionServerToClient;

    bool isEmpty() const { return keyExchange.isEmpty(); }
    bool operator==(const SshNegotiatedMethods &) const = default;
};

// ssh_config's keyword for type ("Ciphers", "MACs", "KexAlgorithms", "HostKeyAlgorithms").
QString sshAlgorithmKeyword(SshAlgorithmType type);

// What spec makes of defaults, the way OpenSSH assembles its lists: every name or pattern is matched
// against supported (what this client can do), so names it does not know are left out and patterns
// expand in supported's order; each algorithm appears once. An empty spec gives defaults (filtered
// to supported). Pure.
QStringList resolveSshAlgorithms(QStringView spec, const QStringList &defaults, const QStringList &supported);

// Does name match one pattern ("aes*-ctr", "hmac-sha?-*")? Case-sensitive, as OpenSSH's lists are.
bool sshAlgorithmMatches(QStringView pattern, QStringView name);

// Key exchange "algorithms" that only announce an extension (ext-info-c, kex-strict-c-v00@openssh.com):
// always offered, never chosen, never subject to KexAlgorithms.
bool isSshKexExtensionMarker(QStringView name);

// What the linked libssh2 can negotiate, in its own order of preference; key exchange without the
// extension markers.
QStringList supportedSshAlgorithms(SshAlgorithmType type);

} // namespace sshcore

Q_DECLARE_METATYPE(sshcore::SshNegotiatedMethods)
