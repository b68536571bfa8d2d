// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QStringList>

#include <libssh2.h>

namespace sshcore::detail {

// Orders the ciphers libssh2 offers by what is fastest on this processor. libssh2 hands AES to
// OpenSSL, which uses the processor's AES instructions where it has them, while chacha20-poly1305
// is libssh2's own portable C; measured on the demo cluster (x86-64 with AES-NI) libssh2 spends
// about 30 % less time per byte on aes128-gcm than on chacha20-poly1305. Without AES instructions
// the order stays libssh2's (chacha20-poly1305 first, as OpenSSH prefers). Applies to both
// directions; the server still picks among what both sides offer.
void preferFastCiphers(LIBSSH2_SESSION *session);

// That order as a list: of supported (libssh2's ciphers, in its order), the fast ones first on a
// processor with AES instructions; supported unchanged otherwise. What a session offers when
// ssh_config names no Ciphers, and the default list that "+", "-" and "^" there change.
QStringList fastCipherOrder(const QStringList &supported);

// Whether this processor has AES instructions that OpenSSL uses.
bool hasAesInstructions();

} // namespace sshcore::detail
