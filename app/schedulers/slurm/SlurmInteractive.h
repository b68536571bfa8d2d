// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/schedulers/AllocationProgress.h"
#include "app/schedulers/InteractiveRequest.h"
#include "sshcore/Result.h"

#include <QByteArray>

namespace app::slurm {

// salloc OPTIONS srun --pty "$SHELL" -l: waits for the allocation, then a login shell on its first
// node inside it (the job's CPUs, memory and GPUs). Fails on a value salloc would not take.
sshcore::Result<QByteArray> interactiveCommand(const InteractiveRequest &request);
// What salloc printed so far (recorded on Slurm 24.11: tests/app/data/schedulers/slurm/24.11-demo):
// "salloc: Pending job allocation N", "salloc: job N queued and waiting for resources",
// "salloc: Granted job allocation N", "salloc: Nodes node01 are ready for job",
// "salloc: error: ..." (refused), "salloc: Job allocation N has been revoked." (ended).
AllocationProgress parseAllocation(QByteArrayView output);

} // namespace app::slurm
