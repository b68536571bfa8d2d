#include "app/schedulers/Scheduler.h"

#include "app/schedulers/slurm/SlurmScheduler.h"

#include <QCoreApplication>

using sshcore::CommandResult;
using sshcore::failure;
using sshcore::Result;

namespace app {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("app::Scheduler", text);
}

} // namespace

QByteArray Scheduler::testCommand(const QString &, const QString &) const
{
    return {};
}

Result<StartEstimate> Scheduler::parseTest(const CommandResult &) const
{
    return failure(tr("%1 cannot say when a job would start without submitting it.").arg(name()));
}

Result<void> Scheduler::parseControl(const CommandResult &result) const
{
    if (result.exitStatus == 0)
        return {};
    return failure(commandFailure(result, name()));
}

QByteArray Scheduler::associationsCommand() const
{
    return {};
}

Result<QList<Association>> Scheduler::parseAssociations(const CommandResult &) const
{
    return QList<Association>();
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
        return failure(tr("This cluster has no environment modules (\"module\" is not available)."));
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
    case Profile::Scheduler::Pbs:
    case Profile::Scheduler::Lsf:
    case Profile::Scheduler::GridEngine:
    case Profile::Scheduler::Unknown:
    case Profile::Scheduler::None:
        return nullptr;
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
        return tr("%1 refused (exit status %2).").arg(what).arg(result.exitStatus);
    return said.left(400);
}

} // namespace app
