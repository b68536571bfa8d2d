// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Fuzz target for Grid Engine's output parsers (qstat -xml, qstat -j -xml, qacct, qsub). Replays
// the recorded outputs of data/schedulers/sge in CTest.

#include "app/schedulers/gridengine/GridEngineParsers.h"
#include "app/schedulers/gridengine/GridEngineUsageParsers.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)app::gridengine::parseQueue(input);
    (void)app::gridengine::parseJobRecord(input);
    if (const auto history = app::gridengine::parseHistory(input)) {
        for (const app::JobAccounting &job : *history) {
            (void)job.cpuEfficiency();
            (void)job.memoryEfficiency();
            (void)job.timeEfficiency();
        }
    }
    (void)app::gridengine::parseQueues(input);
    (void)app::gridengine::parseSubmitted(input, input);
    (void)app::gridengine::parseUsage(input);
    (void)app::gridengine::parseQueueUse(input);
    (void)app::gridengine::stateFromGridEngine(QString::fromUtf8(input));
    return 0;
}
