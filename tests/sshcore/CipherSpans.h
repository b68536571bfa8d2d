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
#ifdef __cplusplus
}
#endif
