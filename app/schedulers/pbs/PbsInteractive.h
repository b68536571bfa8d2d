// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/schedulers/AllocationProgress.h"
#include "app/schedulers/InteractiveRequest.h"
#include "sshcore/Result.h"

#include <QByteArray>

namespace app::pbs {

// qsub -I -l select=1:ncpus=N:mem=M:ngpus=G -l walltime=T [-q Q] [-A A]: an interactive job whose
// shell PBS starts on the node itself (qsub -I has no command: the person's login shell).
sshcore::Result<QByteArray> interactiveCommand(const InteractiveRequest &request);
// "qsub: waiting for job N.server to start", "qsub: job N.server ready" (started), "qsub: job
// N.server completed" or "... apparently deleted" (ended), "qsub: <anything else>" before a job id
// (refused: "qsub: Unknown queue").
AllocationProgress parseAllocation(QByteArrayView output);

} // namespace app::pbs
