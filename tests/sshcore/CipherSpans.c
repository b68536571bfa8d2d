// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

/* The property behind packaging/libssh2/whole-packet-crypt.patch, checked on libssh2's own cipher
 * methods: a packet encrypted and decrypted with runs of MIDDLE_BLOCK calls joined into one call
 * (what the patched transport.c does) gives exactly the bytes, tags and verdicts of one call per
 * cipher block (what libssh2 did before), for every cipher method the library has and random
 * packet lengths, split the way the send path splits a packet and, on the read path, at random
 * block boundaries as data arrives. Written in C because it includes libssh2's private headers;
 * tst_cipherspans runs it. */

#include "CipherSpans.h"

#include "libssh2_priv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct call {
    size_t offset;
    size_t len;
    int firstlast;
};

/* Packets up to MAX_LENGTH bytes, cut into blocks of 8 bytes at least, plus the tag. */
#define MAX_LENGTH 70000
#define MAX_CALLS (MAX_LENGTH / 8 + 64)

struct plan {
    struct call calls[MAX_CALLS];
    int count;
};

static void add(struct plan *plan, size_t offset, size_t len, int firstlast)
{
    struct call *c = &plan->calls[plan->count++];
    c->offset = offset;
    c->len = len;
    c->firstlast = firstlast;
}

/* The joining rule of the patch (crypt_span_add): a MIDDLE_BLOCK part directly after a FIRST or
 * MIDDLE part joins it. */
static void join(const struct plan *in, struct plan *out)
{
    int i;
    out->count = 0;
    for(i = 0; i < in->count; i++) {
        const struct call *c = &in->calls[i];
        struct call *last = out->count ? &out->calls[out->count - 1] : NULL;
        if(last && c->firstlast == MIDDLE_BLOCK && !IS_LAST(last->firstlast) &&
           last->offset + last->len == c->offset)
            last->len += c->len;
        else
            add(out, c->offset, c->len, c->firstlast);
    }
}

static unsigned next(unsigned *state)
{
    *state = *state * 1103515245u + 12345u;
    return (*state >> 8) & 0xffffff;
}

/* The send path's parts of a packet of 'length' bytes (length field included), as
 * _libssh2_transport_send makes them for a method that is not REQUIRES_FULL_PACKET. */
static void send_plan(const LIBSSH2_CRYPT_METHOD *m, size_t length, struct plan *plan)
{
    const size_t bs = (size_t)m->blocksize;
    const int integrated = (m->flags & LIBSSH2_CRYPT_FLAG_INTEGRATED_MAC) != 0;
    size_t i;
    plan->count = 0;
    for(i = 0; i < length; i += bs) {
        const size_t at = i;
        size_t bsize = length - i < bs ? length - i : bs;
        int firstlast = i == 0 ? FIRST_BLOCK :
            (!integrated && i == length - bs ? LAST_BLOCK : MIDDLE_BLOCK);
        /* (unsigned, as in transport.c: no combining for a packet of one block) */
        if(!integrated && i > length - 2 * bsize) {
            bsize = length - i;
            i += bsize - bs;
        }
        add(plan, at, bsize, firstlast);
    }
    if(integrated)
        add(plan, length, (size_t)m->auth_len, LAST_BLOCK);
}

/* The read path's parts: the first block alone (to learn the length), then the rest in aligned
 * pieces of random size as they arrive (decrypt() splitting each piece per block), the last one
 * holding the tag for AES-GCM. */
static void read_plan(const LIBSSH2_CRYPT_METHOD *m, size_t total, unsigned *seed,
                      struct plan *plan)
{
    const size_t bs = (size_t)m->blocksize;
    const int aad = (m->flags & LIBSSH2_CRYPT_FLAG_PKTLEN_AAD) != 0;
    size_t at = bs;
    plan->count = 0;
    add(plan, 0, bs, FIRST_BLOCK);
    while(at < total) {
        size_t left = total - at;
        size_t piece = (1 + next(seed) % 64) * bs;
        int last = piece >= left;
        if(aad && !last && left - piece < 2 * bs)
            last = 1; /* what is left must stay together with the tag */
        if(last)
            piece = left;
        while(piece > 0) {
            size_t len = piece < bs ? piece : bs;
            int firstlast = (last && piece <= bs) ? LAST_BLOCK : MIDDLE_BLOCK;
            if(aad && last && piece < 2 * bs) {
                len = piece;
                firstlast = LAST_BLOCK;
            }
            add(plan, at, len, firstlast);
            at += len;
            piece -= len;
        }
    }
}

static int run(LIBSSH2_SESSION *session, const LIBSSH2_CRYPT_METHOD *m, void **ctx,
               unsigned char *data, const struct plan *plan)
{
    int i;
    for(i = 0; i < plan->count; i++) {
        const struct call *c = &plan->calls[i];
        if(m->crypt(session, 0, data + c->offset, c->len, ctx, c->firstlast))
            return 1;
    }
    return 0;
}

static int make(LIBSSH2_SESSION *session, const LIBSSH2_CRYPT_METHOD *m, int encrypt, void **ctx)
{
    unsigned char iv[64], secret[64];
    int free_iv = 0, free_secret = 0, i;
    for(i = 0; i < 64; i++) {
        iv[i] = (unsigned char)(i * 7 + 1);
        secret[i] = (unsigned char)(i * 13 + 5);
    }
    return m->init(session, m, iv, &free_iv, secret, &free_secret, encrypt, ctx);
}

int cipher_spans_names(char *names, size_t size)
{
    const LIBSSH2_CRYPT_METHOD **m = libssh2_crypt_methods();
    size_t used = 0;
    names[0] = 0;
    for(; *m; m++) {
        int written;
        if((*m)->flags & LIBSSH2_CRYPT_FLAG_REQUIRES_FULL_PACKET)
            continue; /* chacha20-poly1305: whole packets already, untouched by the patch */
        written = snprintf(names + used, size - used, "%s%s", used ? "," : "", (*m)->name);
        if(written < 0 || (size_t)written >= size - used)
            return -1;
        used += (size_t)written;
    }
    return 0;
}

int cipher_spans_check(const char *name, unsigned seed, int packets, char *why, size_t why_size)
{
    const LIBSSH2_CRYPT_METHOD **all = libssh2_crypt_methods(), *m = NULL;
    LIBSSH2_SESSION *session = libssh2_session_init();
    void *enc_block = NULL, *enc_span = NULL, *dec_block = NULL, *dec_span = NULL;
    static struct plan blocks, spans;
    unsigned char *plain = NULL, *by_block = NULL, *by_span = NULL;
    int result = 1, p;
    const size_t max_length = MAX_LENGTH;

    why[0] = 0;
    for(; *all; all++)
        if(!strcmp((*all)->name, name))
            m = *all;
    if(!m || !session) {
        snprintf(why, why_size, "no cipher method %s (or no session)", name);
        goto done;
    }
    plain = malloc(max_length + 64);
    by_block = malloc(max_length + 64);
    by_span = malloc(max_length + 64);
    if(!plain || !by_block || !by_span) {
        snprintf(why, why_size, "out of memory");
        goto done;
    }
    if(make(session, m, 1, &enc_block) || make(session, m, 1, &enc_span) ||
       make(session, m, 0, &dec_block) || make(session, m, 0, &dec_span)) {
        /* Listed but not usable: OpenSSL 3 keeps Blowfish, CAST and RC4 in its legacy provider,
           which libssh2 does not load, so a session could not use them either. */
        snprintf(why, why_size, "%s: OpenSSL cannot set this cipher up here", name);
        result = 2;
        goto done;
    }
    for(p = 0; p < packets; p++) {
        const size_t bs = (size_t)m->blocksize;
        const int aad = (m->flags & LIBSSH2_CRYPT_FLAG_PKTLEN_AAD) != 0;
        /* From one block to about 64 KiB, small ones often: tiny commands and window-sized writes. */
        const size_t blocks_in = p % 3 == 0 ? 1 + next(&seed) % 4 : 1 + next(&seed) % (max_length / bs - 2);
        const size_t length = blocks_in * bs + (aad ? 4 : 0);
        const size_t tag = aad ? (size_t)m->auth_len : 0;
        size_t i;
        for(i = 0; i < length; i++)
            plain[i] = (unsigned char)next(&seed);
        memcpy(by_block, plain, length);
        memcpy(by_span, plain, length);

        send_plan(m, length, &blocks);
        join(&blocks, &spans);
        if(run(session, m, &enc_block, by_block, &blocks) || run(session, m, &enc_span, by_span, &spans)) {
            snprintf(why, why_size, "%s: encrypting packet %d (%zu bytes) failed", name, p, length);
            goto done;
        }
        if(memcmp(by_block, by_span, length + tag)) {
            snprintf(why, why_size, "%s: packet %d (%zu bytes, %d calls joined into %d) encrypts differently",
                     name, p, length, blocks.count, spans.count);
            goto done;
        }
        if(length > 2 * bs && !memcmp(by_block + bs, plain + bs, length - bs)) {
            snprintf(why, why_size, "%s: packet %d was not encrypted at all", name, p);
            goto done;
        }

        read_plan(m, length + tag, &seed, &blocks);
        join(&blocks, &spans);
        if(run(session, m, &dec_block, by_block, &blocks) || run(session, m, &dec_span, by_span, &spans)) {
            snprintf(why, why_size, "%s: decrypting packet %d (%zu bytes) failed (tag refused?)", name, p, length);
            goto done;
        }
        if(memcmp(by_block, plain, length) || memcmp(by_span, plain, length)) {
            snprintf(why, why_size, "%s: packet %d (%zu bytes, read in %d calls joined into %d) decrypts wrongly",
                     name, p, length, blocks.count, spans.count);
            goto done;
        }
    }
    result = 0;
done:
    if(m && session) {
        if(enc_block) m->dtor(session, &enc_block);
        if(enc_span) m->dtor(session, &enc_span);
        if(dec_block) m->dtor(session, &dec_block);
        if(dec_span) m->dtor(session, &dec_span);
    }
    free(plain);
    free(by_block);
    free(by_span);
    if(session)
        libssh2_session_free(session);
    return result;
}

int cipher_spans_tampered_tag_refused(const char *name, char *why, size_t why_size)
{
    const LIBSSH2_CRYPT_METHOD **all = libssh2_crypt_methods(), *m = NULL;
    LIBSSH2_SESSION *session = libssh2_session_init();
    void *enc = NULL, *dec = NULL;
    static struct plan blocks, spans;
    unsigned char packet[4 + 64 * 16 + 16];
    unsigned seed = 7;
    int result = 1;
    size_t i;
    why[0] = 0;
    for(; *all; all++)
        if(!strcmp((*all)->name, name))
            m = *all;
    if(!m || !session || !(m->flags & LIBSSH2_CRYPT_FLAG_PKTLEN_AAD) || make(session, m, 1, &enc) ||
       make(session, m, 0, &dec)) {
        snprintf(why, why_size, "%s: not an AES-GCM method, or could not set up", name);
        goto done;
    }
    for(i = 0; i < sizeof packet; i++)
        packet[i] = (unsigned char)i;
    send_plan(m, sizeof packet - 16, &blocks);
    join(&blocks, &spans);
    if(run(session, m, &enc, packet, &spans)) {
        snprintf(why, why_size, "%s: encrypting failed", name);
        goto done;
    }
    packet[100] ^= 1;
    read_plan(m, sizeof packet, &seed, &blocks);
    join(&blocks, &spans);
    if(!run(session, m, &dec, packet, &spans)) {
        snprintf(why, why_size, "%s: a packet with a changed byte was accepted", name);
        goto done;
    }
    result = 0;
done:
    if(m && session) {
        if(enc) m->dtor(session, &enc);
        if(dec) m->dtor(session, &dec);
    }
    if(session)
        libssh2_session_free(session);
    return result;
}

#include "mac.h"

#include <time.h>

static double cpu_seconds(void)
{
    struct timespec now;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}

double cipher_spans_cost(const char *name, const char *mac_name, size_t total)
{
    const LIBSSH2_CRYPT_METHOD **all = libssh2_crypt_methods(), *m = NULL;
    const LIBSSH2_MAC_METHOD **macs = _libssh2_mac_methods(), *mac = NULL;
    LIBSSH2_SESSION *session = libssh2_session_init();
    void *enc = NULL, *dec = NULL, *mac_ctx = NULL;
    static struct plan blocks, spans;
    static unsigned char packet[32768 + 4 + 64], digest[64];
    unsigned char *mac_key = NULL; /* the MAC keeps it and frees it with the session's allocator */
    const size_t length = 32768 + 4; /* an SFTP write's packet: length field, then whole blocks */
    double started, seconds = -1;
    size_t done;
    int free_key = 0;
    for(; *all; all++)
        if(!strcmp((*all)->name, name))
            m = *all;
    for(; mac_name && *macs; macs++)
        if(!strcmp((*macs)->name, mac_name))
            mac = *macs;
    if(!m || !session || (mac_name && !mac) || make(session, m, 1, &enc) || make(session, m, 0, &dec))
        goto done;
    if(mac) {
        mac_key = LIBSSH2_ALLOC(session, 64);
        if(!mac_key)
            goto done;
        memset(mac_key, 3, 64);
        if(mac->init(session, mac_key, &free_key, &mac_ctx)) {
            LIBSSH2_FREE(session, mac_key);
            goto done;
        }
        if(free_key)
            LIBSSH2_FREE(session, mac_key);
    }
    memset(packet, 7, sizeof packet);
    send_plan(m, (m->flags & LIBSSH2_CRYPT_FLAG_PKTLEN_AAD) ? length : length - 4, &blocks);
    join(&blocks, &spans);
    started = cpu_seconds();
    for(done = 0; done < total; done += length) {
        /* encrypt as the send path does, then decrypt it again as the read path would */
        if(run(session, m, &enc, packet, &spans) ||
           (mac && mac->hash(session, digest, (uint32_t)done, packet, length, NULL, 0, &mac_ctx)))
            goto done;
        if(run(session, m, &dec, packet, &spans) ||
           (mac && mac->hash(session, digest, (uint32_t)done, packet, length, NULL, 0, &mac_ctx)))
            goto done;
    }
    seconds = cpu_seconds() - started;
done:
    if(m && session) {
        if(enc) m->dtor(session, &enc);
        if(dec) m->dtor(session, &dec);
    }
    if(mac && mac_ctx)
        mac->dtor(session, &mac_ctx);
    if(session)
        libssh2_session_free(session);
    return seconds;
}
