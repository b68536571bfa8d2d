// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/schedulers/Scheduler.h"

#include "app/schedulers/gridengine/GridEngineScheduler.h"
#include "app/schedulers/lsf/LsfScheduler.h"
#include "app/schedulers/pbs/PbsScheduler.h"
#include "app/schedulers/slurm/SlurmScheduler.h"
#include "sshcore/ShellQuote.h"

#include <QCoreApplication>

using sshcore::CommandResult;
using sshcore::failure;
using sshcore::Result;

namespace app {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::Scheduler)
};

} // namespace

QString valueOf(const QList<std::pair<QString, QString>> &pairs, QStringView name)
{
    for (const auto &[key, value] : pairs) {
        if (key == name)
            return value;
    }
    return {};
}

QByteArray Scheduler::testCommand(const QString &, const QString &) const
{
    return {};
}

Result<StartEstimate> Scheduler::parseTest(const CommandResult &) const
{
    return failure(sshcore::ErrorKind::Refused,
                   Tr::tr("%1 cannot say when a job would start without submitting it.").arg(name()));
}

Result<void> Scheduler::parseControl(const CommandResult &result) const
{
    if (result.exitStatus == 0)
        return {};
    return failure(sshcore::ErrorKind::Refused, commandFailure(result, name()));
}

QByteArray Scheduler::associationsCommand() const
{
    return {};
}

Result<QList<Association>> Scheduler::parseAssociations(const CommandResult &) const
{
    return QList<Association>();
}

QByteArray Scheduler::usageCommand(const QStringList &) const
{
    return {};
}

Result<QList<JobUsage>> Scheduler::parseUsage(const CommandResult &) const
{
    return failure(sshcore::ErrorKind::NotFound,
                   Tr::tr("%1 does not report what a running job uses, as far as clusterdesk knows.").arg(name()));
}

QByteArray Scheduler::clusterUseCommand() const
{
    return {};
}

Result<QList<PartitionUse>> Scheduler::parseClusterUse(const CommandResult &) const
{
    return failure(sshcore::ErrorKind::NotFound,
                   Tr::tr("%1 does not report how much of each partition is in use, as far as clusterdesk knows.")
                       .arg(name()));
}

QByteArray Scheduler::gpuSamplingCommand(const QString &, const QByteArray &) const
{
    return {};
}

QByteArray Scheduler::modulesCommand()
{
    // module is a shell function that login shells define; Lmod writes its listing to stderr.
    return QByteArrayLiteral("bash -l -c 'module -t avail' 2>&1");
}

Result<QStringList> Scheduler::parseModules(const CommandResult &result)
{
    const QString text = QString::fromUtf8(result.standardOutput);
    if (result.exitStatus != 0 || text.contains(u"module: command not found"))
        return failure(sshcore::ErrorKind::NotFound,
                       Tr::tr("This cluster has no environment modules (\"module\" is not available)."));
    QStringList modules;
    for (QString line : text.split(u'\n')) {
        line = line.trimmed();
        // Folder headings ("/opt/modulefiles:"), bare module names with versions below ("gcc/").
        if (line.isEmpty() || line.endsWith(u':') || line.endsWith(u'/'))
            continue;
        line.remove(QStringLiteral("(default)"));
        line.remove(QStringLiteral("(D)"));
        line = line.trimmed();
        if (!line.isEmpty() && !line.contains(u' ') && !modules.contains(line))
            modules.append(line);
    }
    return modules;
}

std::unique_ptr<Scheduler> Scheduler::create(Profile::Scheduler kind)
{
    switch (kind) {
    case Profile::Scheduler::Slurm: return std::make_unique<SlurmScheduler>();
    case Profile::Scheduler::Pbs: return std::make_unique<PbsScheduler>();
    case Profile::Scheduler::Lsf: return std::make_unique<LsfScheduler>();
    case Profile::Scheduler::GridEngine: return std::make_unique<GridEngineScheduler>();
    case Profile::Scheduler::Unknown:
    case Profile::Scheduler::None: return nullptr;
    }
    return nullptr;
}

QString Scheduler::commandFailure(const CommandResult &result, const QString &what)
{
    QString said = QString::fromUtf8(result.standardError).trimmed();
    if (said.isEmpty())
        said = QString::fromUtf8(result.standardOutput).trimmed();
    // "scancel: error: Kill job error on job id 12: Job/step already completing or completed"
    const qsizetype error = said.lastIndexOf(QLatin1StringView("error: "));
    if (error >= 0)
        said = said.mid(error + 7);
    if (said.isEmpty())
        return Tr::tr("%1 refused (exit status %2).").arg(what).arg(result.exitStatus);
    return said.left(400);
}

QString Scheduler::queryFailure(const CommandResult &result, const QString &what) const
{
    const QString said = QString::fromUtf8(result.standardError).trimmed();
    // Slurm: "Socket timed out", "Unable to contact slurm controller"; PBS: "cannot connect to
    // server"; LSF: "LSF is down", "not responding"; Grid Engine: "unable to contact qmaster",
    // "commlib error".
    static const char *const unreachable[] = {"timed out",   "Unable to contact",  "cannot connect", "not responding",
                                              "LSF is down", "Connection refused", "commlib error"};
    for (const char *words : unreachable) {
        if (said.contains(QLatin1StringView(words), Qt::CaseInsensitive))
            return Tr::tr("%1 did not answer (%2). Job states are unknown until it does.").arg(name(), said.left(300));
    }
    if (result.exitStatus == 127)
        return Tr::tr("%1 is not installed on this cluster's login node.").arg(what);
    return said.isEmpty() ? Tr::tr("%1 failed (exit status %2).").arg(what).arg(result.exitStatus)
                          : Tr::tr("%1 failed: %2").arg(what, said.left(400));
}

QByteArray Scheduler::quoted(const QString &text)
{
    return sshcore::ShellQuote::quote(text.toUtf8());
}

sshcore::Result<QByteArray> Scheduler::interactiveCommand(const InteractiveRequest &) const
{
    return sshcore::failure(sshcore::ErrorKind::NotFound, Tr::tr("%1 has no interactive allocations.").arg(name()));
}

AllocationProgress Scheduler::parseAllocation(QByteArrayView) const
{
    return {};
}

QByteArray Scheduler::jobShellCommand(const QString &, const QString &node) const
{
    if (node.isEmpty())
        return {};
    // "--" ends ssh's options, so that no node name is taken for one.
    return "ssh -tt -- " + quoted(node);
}

} // namespace app
