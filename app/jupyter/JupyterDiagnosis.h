// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/schedulers/JobAccounting.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace app {

// Why a Jupyter job ended (or never got its server up), for a person.
struct JupyterDiagnosis
{
    enum class Cause {
        None,
        JupyterMissing,
        LabMissing,
        ModuleUnknown,
        OutOfMemory,
        PortInUse,
        TimeLimit,
        Cancelled,
        Other
    };
    Cause cause = Cause::None;
    QString message; // one or two sentences for a person: what happened and what to do

    bool operator==(const JupyterDiagnosis &) const = default;
};

// From the tail of the job's output file and (when known) how the scheduler says the job ended. The
// job's own marker lines (JupyterLauncher.h) are read first, then the messages of the tools it ran
// (Python, Lmod and Tcl modules, bash, Slurm's stepd), then the scheduler's end state.
JupyterDiagnosis diagnoseJupyterEnd(const QByteArray &outputTail, const std::optional<JobAccounting> &end);

} // namespace app
