// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/schedulers/pbs/PbsInteractive.h"

#include "app/jobscripts/ScriptDialect.h"
#include "sshcore/ShellQuote.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using sshcore::ShellQuote;

namespace app::pbs {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::PbsInteractive)
};

} // namespace

sshcore::Result<QByteArray> interactiveCommand(const InteractiveRequest &request)
{
    const auto dialect = ScriptDialect::create(Profile::Scheduler::Pbs);
    QString select = u"select=1:ncpus=%1"_s.arg(std::max(1, request.cpus));
    if (!request.memory.isEmpty()) {
        const auto memory = dialect->toNative(JobField::Memory, request.memory);
        if (!memory)
            return sshcore::failure(sshcore::ErrorKind::Malformed,
                                    Tr::tr("“%1” is not an amount of memory.").arg(request.memory));
        select += u":mem="_s + *memory;
    }
    if (!request.gpus.isEmpty())
        select += u":ngpus="_s + request.gpus.section(u':', -1);
    QByteArray command = "qsub -I -N " + ShellQuote::quote(InteractiveRequest::jobName().toUtf8()) + " -l "
                         + ShellQuote::quote(select.toUtf8());
    if (!request.timeLimit.isEmpty()) {
        const auto walltime = dialect->toNative(JobField::TimeLimit, request.timeLimit);
        if (!walltime)
            return sshcore::failure(sshcore::ErrorKind::Malformed,
                                    Tr::tr("“%1” is not a time limit (use HH:MM:SS).").arg(request.timeLimit));
        command += " -l " + ShellQuote::quote((u"walltime="_s + *walltime).toUtf8());
    }
    if (!request.partition.isEmpty())
        command += " -q " + ShellQuote::quote(request.partition.toUtf8());
    if (!request.account.isEmpty())
        command += " -A " + ShellQuote::quote(request.account.toUtf8());
    return command;
}

AllocationProgress parseAllocation(QByteArrayView output)
{
    static const QRegularExpression waiting(u"^qsub: waiting for job (\\S+) to start$"_s);
    static const QRegularExpression ready(u"^qsub: job (\\S+) ready$"_s);
    static const QRegularExpression ended(u"^qsub: job (\\S+) (completed|apparently deleted)$"_s);
    static const QRegularExpression said(u"^qsub: (.*)$"_s);
    AllocationProgress progress;
    for (const QString &line : terminalLines(output)) {
        QRegularExpressionMatch match;
        if ((match = waiting.match(line)).hasMatch()) {
            progress.phase = AllocationProgress::Phase::Queued;
            progress.jobId = match.captured(1);
        } else if ((match = ready.match(line)).hasMatch()) {
            progress.phase = AllocationProgress::Phase::Started;
            progress.jobId = match.captured(1);
            break; // what follows is the shell's
        } else if ((match = ended.match(line)).hasMatch()) {
            progress.phase = AllocationProgress::Phase::Ended;
            progress.jobId = match.captured(1);
            progress.message = match.captured(2) == u"completed"_s ? Tr::tr("The job ended.")
                                                                   : Tr::tr("The job was deleted.");
            break;
        } else if ((match = said.match(line)).hasMatch() && progress.jobId.isEmpty()) {
            progress.phase = AllocationProgress::Phase::Refused;
            progress.message = match.captured(1);
        }
    }
    return progress;
}

} // namespace app::pbs
