// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/Result.h"
#include "sshcore/SshAlgorithms.h"

#include <QStringList>

#include <libssh2.h>

namespace sshcore::detail {

// What one session offers the server, per algorithm type, after the settings, known_hosts and the
// fast-cipher order: kept to explain a handshake that found nothing in common.
struct OfferedAlgorithms
{
    QStringList keyExchange;
    QStringList hostKeys;
    QStringList ciphers;
    QStringList macs;

    // "key exchange: a, b; host keys: ...; ciphers: ...; MACs: ..."
    QString describe() const;
};

// Sets the session's algorithm preferences (libssh2_session_method_pref) before the handshake:
// ssh_config's Ciphers, MACs, KexAlgorithms and HostKeyAlgorithms as choices gives them, each
// reduced to what this libssh2 supports (an unknown name would make it refuse the whole list).
// Without Ciphers, the fastest ciphers for this processor come first (CipherPreference). The host
// key types known_hosts holds for this host (knownHostKeyMethods, libssh2's method names) are asked
// for alone when the choices allow them, so that a server with several keys does not look like one
// whose key changed; otherwise OpenSSH's order. Fails, with the lists asked for and what libssh2
// offers, when a choice leaves nothing this libssh2 can do.
Result<OfferedAlgorithms> applyAlgorithmPreferences(LIBSSH2_SESSION *session, const SshAlgorithmChoices &choices,
                                                    const QStringList &knownHostKeyMethods);

// What the handshake settled on (after libssh2_session_handshake succeeded).
SshNegotiatedMethods negotiatedMethods(LIBSSH2_SESSION *session);

} // namespace sshcore::detail
