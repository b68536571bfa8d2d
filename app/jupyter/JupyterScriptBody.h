// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/jupyter/JupyterScript.h"

#include <QString>

#include <optional>

namespace app {

// The commands of the Jupyter job, after its directives: the private folders, the environment, the
// launcher, the server in the background, and stopping it cleanly on the scheduler's warning or on
// cancellation. Every value from the settings reaches the shell through ShellQuote. Each step prints
// a line starting with jupyterMarker, which JupyterDiagnosis reads.
struct JupyterScriptBody
{
    JupyterSettings settings;
    Profile::Scheduler scheduler = Profile::Scheduler::Slurm;
    JupyterLayout layout;
    QString jobIdVariable;                         // "SLURM_JOB_ID"; empty if unknown
    std::optional<qint64> selfWarningAfterSeconds; // PBS: when the script warns itself

    QString text() const;
};

} // namespace app
