// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/jupyter/JupyterScript.h"

#include "app/jobscripts/JobScript.h"
#include "app/jupyter/JupyterScriptBody.h"
#include "app/schedulers/ResourceUnits.h"
#include "sshcore/RemotePath.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;
using sshcore::ErrorKind;
using sshcore::failure;

namespace app {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::JupyterScript)
};

QString joined(const QString &folder, const QString &name)
{
    return QString::fromUtf8(sshcore::RemotePath::join(folder.toUtf8(), name.toUtf8()));
}

// A line break would end a directive and start a command of its own; a NUL cannot be in a path.
bool isSingleLine(const QString &text)
{
    return !text.contains(u'\n') && !text.contains(u'\r') && !text.contains(QChar(0));
}

sshcore::Result<void> checkInput(const JupyterSettings &settings, const JupyterLayout &layout)
{
    static const QRegularExpression sessionPattern(u"^[A-Za-z0-9-]+$"_s);
    if (!sessionPattern.match(layout.sessionId).hasMatch())
        return failure(ErrorKind::Malformed,
                       Tr::tr("The session id \"%1\" may hold only letters, digits and '-'.").arg(layout.sessionId));
    if (!layout.home.startsWith(u'/') || !isSingleLine(layout.home))
        return failure(ErrorKind::Malformed,
                       Tr::tr("The home folder on the cluster must be an absolute path (it is \"%1\").")
                           .arg(layout.home));
    if (!settings.workDirectory.isEmpty() && !settings.workDirectory.startsWith(u'/'))
        return failure(ErrorKind::Malformed,
                       Tr::tr("The working folder must be an absolute path on the cluster, or empty for your home "
                              "folder (it is \"%1\").")
                           .arg(settings.workDirectory));
    if (settings.cpus < 1)
        return failure(ErrorKind::Malformed, Tr::tr("Ask for at least one CPU."));
    const JupyterEnvironment &env = settings.environment;
    QStringList texts{settings.partition, settings.timeLimit,     settings.memory, settings.gpus, settings.account,
                      settings.qos,       settings.workDirectory, env.conda,       env.venv,      env.container};
    texts += env.modules;
    for (const QString &text : std::as_const(texts)) {
        if (!isSingleLine(text))
            return failure(ErrorKind::Malformed,
                           Tr::tr("A setting holds a line break: \"%1\". Remove it and try again.")
                               .arg(text.simplified()));
    }
    if (env.kind == JupyterEnvironment::Kind::Conda && env.conda.trimmed().isEmpty())
        return failure(ErrorKind::Malformed, Tr::tr("Name the conda environment to start Jupyter in."));
    if (env.kind == JupyterEnvironment::Kind::Venv && env.venv.trimmed().isEmpty())
        return failure(ErrorKind::Malformed,
                       Tr::tr("Name the folder of the Python virtual environment (it holds bin/activate)."));
    if (env.kind == JupyterEnvironment::Kind::Container && env.container.trimmed().isEmpty())
        return failure(ErrorKind::Malformed, Tr::tr("Name the container image to start Jupyter in."));
    for (const QString &module : env.modules) {
        if (module.trimmed().isEmpty())
            return failure(ErrorKind::Malformed, Tr::tr("A module name is empty."));
    }
    return {};
}

// Memory per CPU, for schedulers that reserve memory by slot (LSF's rusage, Grid Engine's h_vmem).
std::optional<QString> memoryPerCpu(const QString &memory, int cpus)
{
    const auto bytes = units::parseMemory(memory, units::MiB);
    if (!bytes || *bytes <= 0)
        return std::nullopt;
    const qint64 perCpu = (*bytes + cpus - 1) / cpus;
    // Whole MiB: schedulers take no fractions of a unit.
    return units::formatMemory((perCpu + units::MiB - 1) / units::MiB * units::MiB);
}

// Hours:minutes:seconds, hours past 24 as they are (Grid Engine's spelling).
// "~/envs/torch" as the job must see it: the home folder written out (a directive expands nothing,
// and a quoted "~" is not the home folder to the shell either).
QString expandedHome(const QString &path, const QString &home)
{
    if (path == u"~")
        return home;
    return path.startsWith(u"~/") ? joined(home, path.mid(2)) : path;
}

QString clock(qint64 seconds)
{
    return u"%1:%2:%3"_s.arg(seconds / 3600)
        .arg(seconds / 60 % 60, 2, 10, QLatin1Char('0'))
        .arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

struct Request
{
    JobField field;
    QString value;
};

// The fields to set, in the order a person reads them, each in Slurm's spelling. One node and one
// task everywhere; where a scheduler counts memory or CPUs by slot, the request is spelled that way.
QList<Request> requests(const JupyterSettings &settings, Profile::Scheduler scheduler, const JupyterLayout &layout)
{
    const QString cpus = QString::number(settings.cpus);
    QList<Request> list{{JobField::Name, u"jupyter"_s},
                        {JobField::Partition, settings.partition},
                        {JobField::TimeLimit, settings.timeLimit}};
    switch (scheduler) {
    case Profile::Scheduler::Lsf:
        // -n counts slots (CPUs); span[hosts=1] keeps them on one node.
        list += {{JobField::Nodes, u"1"_s}, {JobField::Tasks, cpus}};
        if (!settings.memory.isEmpty())
            list.append(
                {JobField::MemoryPerCpu, memoryPerCpu(settings.memory, settings.cpus).value_or(settings.memory)});
        break;
    case Profile::Scheduler::GridEngine:
        // A parallel environment of slots on one host ("-pe smp N"); h_vmem is per slot.
        list.append({JobField::CpusPerTask, settings.cpus > 1 ? cpus : QString()});
        if (!settings.memory.isEmpty())
            list.append(
                {JobField::MemoryPerCpu, memoryPerCpu(settings.memory, settings.cpus).value_or(settings.memory)});
        break;
    default:
        list += {{JobField::Nodes, u"1"_s},
                 {JobField::Tasks, u"1"_s},
                 {JobField::CpusPerTask, cpus},
                 {JobField::Memory, settings.memory}};
        break;
    }
    list += {{JobField::Gpus, settings.gpus == u"0" ? QString() : settings.gpus},
             {JobField::Account, settings.account},
             {JobField::Qos, settings.qos},
             {JobField::Output, layout.outputPath()}};
    // PBS Pro has no -d (only Torque does): there the script's own cd is enough.
    if (scheduler != Profile::Scheduler::Pbs)
        list.append({JobField::WorkDirectory, settings.workDirectory.isEmpty() ? layout.home : settings.workDirectory});
    return list;
}

// Directives JobField has no word for: the warning before the time limit, and stderr joined to stdout.
QStringList extraDirectives(Profile::Scheduler scheduler, std::optional<qint64> limit)
{
    const qint64 warning = jupyterWarningSeconds(limit.value_or(0));
    switch (scheduler) {
    case Profile::Scheduler::Slurm:
        // B: to the batch shell only, which stops the server itself (and sees it stop).
        return {u"#SBATCH --signal=B:USR1@%1"_s.arg(warning)};
    case Profile::Scheduler::Lsf:
        // SIGUSR1 that many minutes before the run limit's action.
        return {u"#BSUB -wa USR1"_s, u"#BSUB -wt %1"_s.arg(qMax<qint64>(1, (warning + 59) / 60))};
    case Profile::Scheduler::GridEngine: {
        // -notify: SIGUSR1/SIGUSR2 before a suspend or kill; s_rt: SIGUSR1 when the soft limit passes.
        QStringList lines{u"#$ -j y"_s, u"#$ -notify"_s};
        if (limit)
            lines.append(u"#$ -l s_rt=%1"_s.arg(clock(*limit - warning)));
        return lines;
    }
    case Profile::Scheduler::Pbs:
        // PBS copies stdout and stderr back as two files: one would replace the other.
        return {u"#PBS -j oe"_s};
    default: return {};
    }
}

} // namespace

QString JupyterLayout::root() const
{
    return joined(home, u".clusterdesk/jupyter/"_s + sessionId);
}

QString JupyterLayout::runtimeDir() const
{
    return joined(root(), u"runtime"_s);
}

QString JupyterLayout::configDir() const
{
    return joined(root(), u"config"_s);
}

QString JupyterLayout::scriptPath() const
{
    return joined(root(), u"job.sh"_s);
}

QString JupyterLayout::outputPath() const
{
    return joined(root(), u"job.out"_s);
}

QString JupyterLayout::sessionFile() const
{
    return joined(root(), u"session.json"_s);
}

QString JupyterLayout::launcherPath() const
{
    return joined(runtimeDir(), u"launcher.py"_s);
}

qint64 jupyterWarningSeconds(qint64 timeLimitSeconds)
{
    if (timeLimitSeconds <= 0)
        return 120;
    return std::clamp<qint64>(timeLimitSeconds / 4, 10, 120);
}

sshcore::Result<QString> jupyterScript(const JupyterSettings &asked, Profile::Scheduler scheduler,
                                       const JupyterLayout &layout)
{
    JupyterSettings settings = asked; // paths as people type them ("~/venvs/torch") made absolute
    settings.workDirectory = expandedHome(settings.workDirectory, layout.home);
    settings.environment.venv = expandedHome(settings.environment.venv, layout.home);
    settings.environment.conda = expandedHome(settings.environment.conda, layout.home);
    settings.environment.container = expandedHome(settings.environment.container, layout.home);
    switch (scheduler) {
    case Profile::Scheduler::Slurm:
    case Profile::Scheduler::Pbs:
    case Profile::Scheduler::Lsf:
    case Profile::Scheduler::GridEngine: break;
    default:
        return failure(ErrorKind::Refused,
                       Tr::tr("Jupyter needs a batch scheduler (Slurm, PBS, LSF or Grid Engine); this cluster's is not "
                              "known yet. Connect once so that clusterdesk can detect it."));
    }
    if (auto checked = checkInput(settings, layout); !checked)
        return failure(checked.error());
    std::optional<qint64> limit;
    if (!settings.timeLimit.isEmpty()) {
        limit = units::parseDurationSeconds(settings.timeLimit);
        if (!limit || *limit <= 0)
            return failure(ErrorKind::Malformed,
                           Tr::tr(
                               "The time limit \"%1\" is not a duration: write hours:minutes:seconds, e.g. 04:00:00.")
                               .arg(settings.timeLimit));
    }

    JobScript script = JobScript::parse(u"#!/bin/bash\n"_s, scheduler);
    for (const Request &request : requests(settings, scheduler, layout)) {
        if (request.value.isEmpty())
            continue;
        if (auto set = script.setValue(request.field, request.value); !set)
            return failure(ErrorKind::Refused, Tr::tr("%1 Clear \"%2\" in the Jupyter settings for this cluster.")
                                                   .arg(set.error().message, jobFieldName(request.field)));
    }
    QString text = script.text();
    for (const QString &line : extraDirectives(scheduler, limit))
        text += line + u'\n';

    JupyterScriptBody body;
    body.settings = settings;
    body.scheduler = scheduler;
    body.layout = layout;
    body.jobIdVariable = script.dialect().variables().value(u"jobId"_s);
    // PBS has no warning signal: the script sets its own alarm (see JupyterScriptBody).
    if (scheduler == Profile::Scheduler::Pbs && limit)
        body.selfWarningAfterSeconds = *limit - jupyterWarningSeconds(*limit);
    return text + body.text();
}

} // namespace app
