// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// bench_ciphers: the client's CPU seconds per GiB for each cipher libssh2 offers (with a MAC where the
// cipher has none of its own), encrypting and decrypting 32 KiB packets the way the patched libssh2
// does (whole spans per call), through libssh2's own cipher and MAC methods. No server: this is what
// the client pays per byte, which decides the cipher clusterdesk prefers (sshcore/session/
// CipherPreference.cpp). chacha20-poly1305 is libssh2's own code on whole packets, which the patch does
// not touch, and is not measured here. Prints figures; asserts nothing.

#include "CipherSpans.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>

#include <algorithm>
#include <array>
#include <cstdio>
#include <vector>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"The client's CPU cost per GiB of each cipher (patched libssh2)."_s);
    parser.addHelpOption();
    const QCommandLineOption mibOption(u"mib"_s, u"Bytes through each cipher, each way (default 1024)."_s, u"MiB"_s,
                                       u"1024"_s);
    const QCommandLineOption roundsOption(u"rounds"_s, u"Runs of each (median; default 3)."_s, u"N"_s, u"3"_s);
    parser.addOptions({mibOption, roundsOption});
    parser.process(application);
    const size_t bytes = size_t(std::max(1, parser.value(mibOption).toInt())) << 20;
    const int rounds = std::max(1, parser.value(roundsOption).toInt());

    std::array<char, 2048> names{};
    cipher_spans_names(names.data(), names.size());
    std::printf("%-34s %-30s %14s\n", "cipher", "MAC", "CPU s per GiB");
    const double gib = double(bytes) / double(1 << 30);
    for (const QString &name : QString::fromLatin1(names.data()).split(u',', Qt::SkipEmptyParts)) {
        const bool aead = name.contains(u"gcm"_s);
        for (const char *mac : aead ? std::vector<const char *>{nullptr}
                                    : std::vector<const char *>{"hmac-sha2-256-etm@openssh.com", "hmac-sha1"}) {
            std::vector<double> samples;
            for (int round = 0; round < rounds; ++round)
                samples.push_back(cipher_spans_cost(name.toLatin1().constData(), mac, bytes));
            std::ranges::sort(samples);
            const double median = samples[samples.size() / 2];
            // Each byte was encrypted and decrypted: half of it is what one direction costs.
            const QString figure = median < 0 ? u"not available"_s : u"%1 s"_s.arg(median / 2 / gib, 0, 'f', 2);
            std::printf("%-34s %-30s %14s\n", qPrintable(name), mac ? mac : "(its own)", qPrintable(figure));
        }
    }
    std::printf("\n%zu MiB each way through each, 32 KiB packets, median of %d; one direction's share shown\n",
                bytes >> 20, rounds);
    return 0;
}
