// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/schedulers/lsf/LsfInteractive.h"

#include "app/jobscripts/ScriptDialect.h"
#include "app/schedulers/ResourceUnits.h"
#include "sshcore/ShellQuote.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using sshcore::ShellQuote;

namespace app::lsf {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::LsfInteractive)
};

} // namespace

sshcore::Result<QByteArray> interactiveCommand(const InteractiveRequest &request)
{
    const auto dialect = ScriptDialect::create(Profile::Scheduler::Lsf);
    const int cpus = std::max(1, request.cpus);
    QByteArray command = "bsub -Is -J " + ShellQuote::quote(InteractiveRequest::jobName().toUtf8()) + " -n "
                         + QByteArray::number(cpus);
    if (!request.partition.isEmpty())
        command += " -q " + ShellQuote::quote(request.partition.toUtf8());
    if (!request.timeLimit.isEmpty()) {
        const auto limit = dialect->toNative(JobField::TimeLimit, request.timeLimit);
        if (!limit)
            return sshcore::failure(sshcore::ErrorKind::Malformed,
                                    Tr::tr("“%1” is not a time limit (use HH:MM:SS).").arg(request.timeLimit));
        command += " -W " + ShellQuote::quote(limit->toUtf8());
    }
    if (!request.memory.isEmpty()) {
        // LSF reserves memory per slot: the node's amount shared out over the CPUs.
        const auto bytes = units::parseMemory(request.memory, units::MiB);
        const auto perCpu = bytes ? dialect->toNative(JobField::MemoryPerCpu, units::formatMemory(*bytes / cpus))
                                  : std::nullopt;
        if (!perCpu)
            return sshcore::failure(sshcore::ErrorKind::Malformed,
                                    Tr::tr("“%1” is not an amount of memory.").arg(request.memory));
        command += " -R " + ShellQuote::quote((u"rusage[mem="_s + *perCpu + u']').toUtf8());
    }
    if (!request.gpus.isEmpty())
        command += " -gpu " + ShellQuote::quote((u"num="_s + request.gpus.section(u':', -1)).toUtf8());
    if (!request.account.isEmpty())
        command += " -P " + ShellQuote::quote(request.account.toUtf8());
    return command + " \"$SHELL\" -l";
}

AllocationProgress parseAllocation(QByteArrayView output)
{
    static const QRegularExpression submitted(u"^Job <([^>]+)> is submitted to (?:default )?queue <[^>]*>\\.$"_s);
    static const QRegularExpression starting(u"^<<Starting on ([^>]+)>>$"_s);
    static const QRegularExpression terminated(u"^<<(Terminated while pending|Job is finished)>>$"_s);
    static const QRegularExpression refused(u"^(.*)\\. ?Job not submitted\\.$"_s);
    AllocationProgress progress;
    for (const QString &line : terminalLines(output)) {
        QRegularExpressionMatch match;
        if ((match = submitted.match(line)).hasMatch()) {
            progress.phase = AllocationProgress::Phase::Queued;
            progress.jobId = match.captured(1);
        } else if ((match = starting.match(line)).hasMatch()) {
            progress.phase = AllocationProgress::Phase::Started;
            progress.node = match.captured(1);
            break; // what follows is the shell's
        } else if ((match = terminated.match(line)).hasMatch()) {
            progress.phase = AllocationProgress::Phase::Ended;
            progress.message = match.captured(1);
            break;
        } else if ((match = refused.match(line)).hasMatch() && progress.jobId.isEmpty()) {
            progress.phase = AllocationProgress::Phase::Refused;
            progress.message = match.captured(1) + u'.';
        }
    }
    return progress;
}

} // namespace app::lsf
