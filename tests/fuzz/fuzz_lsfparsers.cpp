// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Fuzz target for LSF's output parsers (bjobs -json, bqueues, bsub, bhosts -json). Replays the recorded outputs
// of data/schedulers/lsf in CTest.

#include "app/schedulers/lsf/LsfParsers.h"
#include "app/schedulers/lsf/LsfUsageParsers.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    // A fixed "now", so that a crash replays the same way.
    static const QDateTime now = QDateTime::fromSecsSinceEpoch(1767225600);
    (void)app::lsf::parseQueue(input, now);
    if (const auto history = app::lsf::parseHistory(input, now)) {
        for (const app::JobAccounting &job : *history) {
            (void)job.cpuEfficiency();
            (void)job.memoryEfficiency();
            (void)job.timeEfficiency();
        }
    }
    (void)app::lsf::parseJobRecord(input, now);
    (void)app::lsf::parseQueues(input);
    (void)app::lsf::parseSubmitted(input, input);
    (void)app::lsf::parseTime(QString::fromUtf8(input), now);
    (void)app::lsf::parseUsage(input);
    (void)app::lsf::parseHosts(input);
    return 0;
}
