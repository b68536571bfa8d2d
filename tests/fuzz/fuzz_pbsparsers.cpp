// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Fuzz target for PBS's output parsers (qstat -f as JSON and as Torque's text, qstat -Q, qsub,
// pbsnodes -F json).
// Replays the recorded outputs of data/schedulers/pbspro and data/schedulers/torque in CTest.

#include "app/schedulers/pbs/PbsParsers.h"
#include "app/schedulers/pbs/PbsUsageParsers.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)app::pbs::parseQueue(input);
    if (const auto history = app::pbs::parseHistory(input)) {
        for (const app::JobAccounting &job : *history) {
            (void)job.cpuEfficiency();
            (void)job.memoryEfficiency();
            (void)job.timeEfficiency();
        }
    }
    (void)app::pbs::parseJobRecord(input);
    (void)app::pbs::parseQueues(input);
    (void)app::pbs::parseSubmitted(input, input);
    (void)app::pbs::parseUsage(input);
    (void)app::pbs::parseNodes(input);
    return 0;
}
