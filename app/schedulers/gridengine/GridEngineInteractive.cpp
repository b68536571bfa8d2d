// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/schedulers/gridengine/GridEngineInteractive.h"

#include "app/jobscripts/ScriptDialect.h"
#include "app/schedulers/ResourceUnits.h"
#include "sshcore/ShellQuote.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using sshcore::ShellQuote;

namespace app::gridengine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::GridEngineInteractive)
};

QByteArray resource(const QString &text)
{
    return " -l " + ShellQuote::quote(text.toUtf8());
}

} // namespace

sshcore::Result<QByteArray> interactiveCommand(const InteractiveRequest &request)
{
    const auto dialect = ScriptDialect::create(Profile::Scheduler::GridEngine);
    const int cpus = std::max(1, request.cpus);
    QByteArray command = "qrsh -now no -N " + ShellQuote::quote(InteractiveRequest::jobName().toUtf8());
    if (cpus > 1)
        command += " -pe smp " + QByteArray::number(cpus);
    if (!request.timeLimit.isEmpty()) {
        const auto limit = dialect->toNative(JobField::TimeLimit, request.timeLimit);
        if (!limit)
            return sshcore::failure(sshcore::ErrorKind::Malformed,
                                    Tr::tr("“%1” is not a time limit (use HH:MM:SS).").arg(request.timeLimit));
        command += resource(u"h_rt="_s + *limit);
    }
    if (!request.memory.isEmpty()) {
        // h_vmem is per slot: the node's amount shared out over the CPUs.
        const auto bytes = units::parseMemory(request.memory, units::MiB);
        const auto perCpu = bytes ? dialect->toNative(JobField::MemoryPerCpu, units::formatMemory(*bytes / cpus))
                                  : std::nullopt;
        if (!perCpu)
            return sshcore::failure(sshcore::ErrorKind::Malformed,
                                    Tr::tr("“%1” is not an amount of memory.").arg(request.memory));
        command += resource(u"h_vmem="_s + *perCpu);
    }
    if (!request.gpus.isEmpty())
        command += resource(u"gpu="_s + request.gpus.section(u':', -1));
    if (!request.partition.isEmpty())
        command += " -q " + ShellQuote::quote(request.partition.toUtf8());
    if (!request.account.isEmpty())
        command += " -A " + ShellQuote::quote(request.account.toUtf8());
    return command;
}

AllocationProgress parseAllocation(QByteArrayView output)
{
    static const QRegularExpression submitted(u"^Your job (\\S+) \\(\".*\"\\) has been submitted$"_s);
    static const QRegularExpression scheduled(u"^Your interactive job (\\S+) has been successfully scheduled\\.$"_s);
    static const QRegularExpression establishing(u"^Establishing .* session to host (\\S+) \\.\\.\\.$"_s);
    static const QRegularExpression unable(u"^Unable to run job: (.*)$"_s);
    static const QRegularExpression notScheduled(u"^Your \"q\\w+\" request could not be scheduled.*$"_s);
    AllocationProgress progress;
    for (const QString &line : terminalLines(output)) {
        QRegularExpressionMatch match;
        if ((match = submitted.match(line)).hasMatch()) {
            progress.phase = AllocationProgress::Phase::Queued;
            progress.jobId = match.captured(1);
        } else if ((match = scheduled.match(line)).hasMatch()) {
            progress.phase = AllocationProgress::Phase::Started;
            progress.jobId = match.captured(1);
        } else if ((match = establishing.match(line)).hasMatch()) {
            progress.node = match.captured(1);
            break; // what follows is the shell's
        } else if ((match = unable.match(line)).hasMatch()) {
            progress.phase = AllocationProgress::Phase::Refused;
            progress.message = match.captured(1);
        } else if (notScheduled.match(line).hasMatch()) {
            progress.phase = progress.jobId.isEmpty() ? AllocationProgress::Phase::Refused
                                                      : AllocationProgress::Phase::Ended;
            progress.message = line;
        }
    }
    return progress;
}

} // namespace app::gridengine
