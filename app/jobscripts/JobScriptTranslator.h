// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/jobscripts/JobScript.h"

#include <QStringList>

namespace app {

// A script moved to another scheduler, and what did not make the journey.
struct Translation
{
    JobScript script;
    QStringList notes; // "QoS \"high\": LSF has no equivalent; left out."
};

// Rewrites a script's directives for another scheduler (Slurm, PBS, LSF, Grid Engine): every field
// the target can express, in its spelling and units; the scheduler's environment variables in the
// body ($SLURM_JOB_ID → $LSB_JOBID). What has no equivalent is listed, and directives the
// translator does not understand are kept as comments for the user to redo by hand.
class JobScriptTranslator
{
public:
    static Translation translate(const JobScript &source, Profile::Scheduler target);
};

} // namespace app
