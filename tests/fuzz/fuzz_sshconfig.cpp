// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Fuzz target for the ~/.ssh/config parser. Built for libFuzzer with -DCLUSTERDESK_FUZZ=ON and clang;
// otherwise linked with FuzzMain.cpp, which replays the files it is given (the seed corpus in CTest).

#include "sshcore/config/SshConfig.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    const sshcore::SshConfig config = sshcore::SshConfig::parse(input, QStringLiteral("fuzz"));
    for (const QString &host : config.concreteHosts())
        (void)config.resolve(host, QStringLiteral("user"));
    (void)config.resolve(QStringLiteral("any.host"), QStringLiteral("user"));
    return 0;
}
