// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Fuzz target for Slurm's output parsers (squeue, sacct, sinfo, scontrol, sbatch, sstat, scontrol
// show node) and for CompoundCommand's split. Replays the recorded outputs of data/schedulers/slurm
// in CTest.

#include "app/schedulers/CompoundCommand.h"
#include "app/schedulers/Scheduler.h"
#include "app/schedulers/slurm/SlurmParsers.h"
#include "app/schedulers/slurm/SlurmUsageParsers.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)app::slurm::parseQueue(input);
    if (const auto history = app::slurm::parseHistory(input)) {
        for (const app::JobAccounting &job : *history) {
            (void)job.cpuEfficiency();
            (void)job.memoryEfficiency();
            (void)job.gpuUtilisationPercent;
        }
    }
    (void)app::slurm::parsePartitions(input);
    (void)app::slurm::parseAssociations(input);
    (void)app::slurm::parseJobRecord(input);
    (void)app::slurm::parseSubmitted(input, input);
    (void)app::slurm::parseTestOnly(input);
    sshcore::CommandResult result;
    result.standardOutput = input.toByteArray();
    (void)app::Scheduler::parseModules(result);
    (void)app::slurm::parseUsage(input);
    (void)app::slurm::parseNodes(input);
    (void)app::slurm::gpuUtilisationOf(input);
    (void)app::slurm::gpuMemoryOf(input);
    // The input after a first header of a two-part command.
    static const app::CompoundCommand compound({"true", "true"});
    result.standardOutput = compound.marker() + " 0 " + input.toByteArray();
    (void)compound.split(result);
    return 0;
}
