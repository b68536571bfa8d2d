// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/schedulers/AllocationProgress.h"
#include "app/schedulers/InteractiveRequest.h"
#include "sshcore/Result.h"

#include <QByteArray>

namespace app::gridengine {

// qrsh -now no -N NAME [-pe smp N] [-l h_rt=T] [-l h_vmem=M] [-l gpu=G] [-q Q] [-A A]: waits in the
// queue (-now no) and then gives a login shell on the node (qrsh without a command is qlogin).
// The parallel environment's name "smp" is the usual one; sites that call it otherwise need their own.
sshcore::Result<QByteArray> interactiveCommand(const InteractiveRequest &request);
// "Your job N ("NAME") has been submitted", "waiting for interactive job to be scheduled ...",
// "Your interactive job N has been successfully scheduled." (started), "Establishing ... session to
// host NODE ...", "Unable to run job: ..." (refused), "Your "qrsh" request could not be scheduled".
AllocationProgress parseAllocation(QByteArrayView output);

} // namespace app::gridengine
