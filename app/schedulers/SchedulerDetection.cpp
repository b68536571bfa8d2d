// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/schedulers/SchedulerDetection.h"

#include <QRegularExpression>

namespace app {

QByteArray SchedulerDetection::probeScript()
{
    // Grid Engine also has qstat: look for its qconf first. Slurm sites sometimes install PBS
    // compatibility wrappers (qstat, qsub), so Slurm wins over PBS.
    return QByteArrayLiteral(
        "if command -v sinfo >/dev/null 2>&1; then printf 'slurm\\t'; sinfo --version 2>&1 | head -n 1\n"
        "elif command -v lsid >/dev/null 2>&1; then printf 'lsf\\t'; lsid 2>&1 | head -n 1\n"
        "elif command -v qconf >/dev/null 2>&1; then printf 'sge\\t'; qstat -help 2>&1 | head -n 1\n"
        "elif command -v qstat >/dev/null 2>&1; then printf 'pbs\\t'; qstat --version 2>&1 | head -n 1\n"
        "else printf 'none\\t\\n'; fi\n");
}

namespace {

// The first thing that looks like a version: 24.11.5, 10.1.0.13, 2011.11p1, 6.2u5.
QString firstVersion(const QString &text)
{
    static const QRegularExpression version(QStringLiteral("\\b(\\d+(?:\\.\\d+)+(?:[a-z]+\\d*)?)"));
    const auto match = version.match(text);
    return match.hasMatch() ? match.captured(1) : QString();
}

} // namespace

SchedulerDetection SchedulerDetection::parse(const QByteArray &output)
{
    SchedulerDetection detection;
    for (const QByteArray &rawLine : output.split('\n')) {
        const int tab = rawLine.indexOf('\t');
        if (tab < 0)
            continue;
        const QByteArray kind = rawLine.left(tab).trimmed();
        const QString said = QString::fromUtf8(rawLine.mid(tab + 1)).trimmed();
        if (kind == "slurm") {
            detection.scheduler = Profile::Scheduler::Slurm;
        } else if (kind == "lsf") {
            detection.scheduler = Profile::Scheduler::Lsf;
            // "IBM Spectrum LSF Standard 10.1.0.13, Feb 24 2022"
            const qsizetype cut = said.indexOf(QRegularExpression(QStringLiteral("\\s\\d")));
            if (cut > 0)
                detection.flavour = said.left(cut).trimmed();
        } else if (kind == "sge") {
            detection.scheduler = Profile::Scheduler::GridEngine;
            // "SGE 8.1.9" (Son of Grid Engine), "OGS/GE 2011.11p1", "UGE 8.6.4", "GE 6.2u5"
            if (said.startsWith(u"SGE "))
                detection.flavour = QStringLiteral("Son of Grid Engine");
            else if (said.startsWith(u"UGE "))
                detection.flavour = QStringLiteral("Univa Grid Engine");
            else if (said.startsWith(u"OGS/GE "))
                detection.flavour = QStringLiteral("Open Grid Scheduler");
        } else if (kind == "pbs") {
            detection.scheduler = Profile::Scheduler::Pbs;
            // PBS Professional and OpenPBS: "pbs_version = 2022.1.1"; Torque: "Version: 6.1.3"
            if (said.startsWith(u"Version:"))
                detection.flavour = QStringLiteral("Torque");
        } else if (kind == "none") {
            detection.scheduler = Profile::Scheduler::None;
        } else {
            continue;
        }
        detection.version = firstVersion(said);
        return detection;
    }
    return detection;
}

QString SchedulerDetection::displayName() const
{
    if (scheduler == Profile::Scheduler::None)
        return QStringLiteral("No batch scheduler found");
    QString name = Profile::schedulerName(scheduler);
    if (!flavour.isEmpty())
        name = scheduler == Profile::Scheduler::Lsf ? flavour : QStringLiteral("%1 (%2)").arg(name, flavour);
    return version.isEmpty() ? name : QStringLiteral("%1 %2").arg(name, version);
}

} // namespace app
