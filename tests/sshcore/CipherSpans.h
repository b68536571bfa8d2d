// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once
/* See CipherSpans.c. Each returns 0 when the property holds, else 1 with the reason in 'why'
   (cipher_spans_check: 2 when OpenSSL cannot set the cipher up at all). */
#include <stddef.h>
#ifdef __cplusplus
extern "C" {
#endif
/* The names of the cipher methods the check applies to, comma-separated. */
int cipher_spans_names(char *names, size_t size);
int cipher_spans_check(const char *name, unsigned seed, int packets, char *why, size_t why_size);
/* AES-GCM: a changed byte is refused on the joined read path too. */
int cipher_spans_tampered_tag_refused(const char *name, char *why, size_t why_size);
/* The client's CPU seconds to encrypt and decrypt 'total' bytes in 32 KiB packets the patched way,
   with the MAC named (or none: NULL), through libssh2's own methods; negative when unavailable. */
double cipher_spans_cost(const char *name, const char *mac_name, size_t total);
#ifdef __cplusplus
}
#endif
