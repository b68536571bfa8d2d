// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/schedulers/AllocationProgress.h"
#include "app/schedulers/InteractiveRequest.h"
#include "sshcore/Result.h"

#include <QByteArray>

namespace app::lsf {

// bsub -Is -J NAME -n N [-q Q] [-W H:MM] [-R "rusage[mem=M]"] [-gpu "num=G"] [-P A] "$SHELL" -l:
// an interactive job with a pseudo-terminal, running the person's login shell on the host.
sshcore::Result<QByteArray> interactiveCommand(const InteractiveRequest &request);
// "Job <N> is submitted to queue <q>.", "<<Waiting for dispatch ...>>", "<<Starting on HOST>>"
// (started), "<<Terminated while pending>>" (ended), "... Job not submitted." (refused).
AllocationProgress parseAllocation(QByteArrayView output);

} // namespace app::lsf
