// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/jupyter/JupyterSettings.h"
#include "app/profiles/Profile.h"
#include "sshcore/Result.h"

#include <QString>

namespace app {

// Where one server's files live on the cluster: root = <home>/.clusterdesk/jupyter/<sessionId>
struct JupyterLayout
{
    QString home;      // absolute home folder on the cluster (the app learns it over SFTP)
    QString sessionId; // [A-Za-z0-9-]+, made by the app (a UUID without braces)

    QString root() const;         // absolute
    QString runtimeDir() const;   // root()/runtime: JUPYTER_RUNTIME_DIR, where the server writes its info file
    QString configDir() const;    // root()/config
    QString scriptPath() const;   // root()/job.sh
    QString outputPath() const;   // root()/job.out (stdout and stderr of the job)
    QString sessionFile() const;  // root()/session.json (written by the app)
    QString launcherPath() const; // runtimeDir()/launcher.py (written by the job)
};

// The whole batch script for settings on that scheduler (Slurm, Pbs, Lsf, GridEngine), or an error a
// person can act on (e.g. the scheduler cannot express a field). The script holds no secret: the
// server's token is made on the node when the job runs.
sshcore::Result<QString> jupyterScript(const JupyterSettings &settings, Profile::Scheduler scheduler,
                                       const JupyterLayout &layout);

// How long before the time limit the job is warned (and stops its server): two minutes, less for
// very short jobs.
qint64 jupyterWarningSeconds(qint64 timeLimitSeconds);

} // namespace app
