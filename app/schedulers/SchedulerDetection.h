// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/profiles/Profile.h"

#include <QByteArray>
#include <QString>

namespace app {

// Which batch scheduler a cluster runs, found on connect by looking for each one's commands on the
// login node and asking the one found for its version.
struct SchedulerDetection
{
    Profile::Scheduler scheduler = Profile::Scheduler::None;
    QString version; // "24.11.5"; empty if the command did not say
    QString flavour; // "Torque", "OpenPBS", "IBM Spectrum LSF Standard", "Son of Grid Engine", ...

    // "Slurm 24.11.5", "PBS (Torque) 6.1.3", "No batch scheduler found".
    QString displayName() const;

    // A POSIX sh script printing one line, "<kind>\t<first line of the version command>".
    static QByteArray probeScript();
    // Reads what probeScript() printed. Anything else (a login shell's chatter) is skipped.
    static SchedulerDetection parse(const QByteArray &output);
};

} // namespace app
