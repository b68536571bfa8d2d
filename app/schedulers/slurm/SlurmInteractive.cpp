// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/schedulers/slurm/SlurmInteractive.h"

#include "app/schedulers/ResourceUnits.h"
#include "sshcore/ShellQuote.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using sshcore::ShellQuote;

namespace app::slurm {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::SlurmInteractive)
};

QByteArray option(const char *name, const QString &value)
{
    return QByteArray(" --") + name + '=' + ShellQuote::quote(value.toUtf8());
}

} // namespace

sshcore::Result<QByteArray> interactiveCommand(const InteractiveRequest &request)
{
    QByteArray command = "salloc" + option("job-name", InteractiveRequest::jobName());
    if (!request.partition.isEmpty())
        command += option("partition", request.partition);
    if (!request.timeLimit.isEmpty()) {
        if (!units::parseDurationSeconds(request.timeLimit))
            return sshcore::failure(sshcore::ErrorKind::Malformed,
                                    Tr::tr("“%1” is not a time limit (use HH:MM:SS).").arg(request.timeLimit));
        command += option("time", request.timeLimit);
    }
    command += option("cpus-per-task", QString::number(std::max(1, request.cpus)));
    if (!request.memory.isEmpty())
        command += option("mem", request.memory);
    if (!request.gpus.isEmpty())
        command += option("gpus", request.gpus);
    if (!request.account.isEmpty())
        command += option("account", request.account);
    if (!request.qos.isEmpty())
        command += option("qos", request.qos);
    // "$SHELL" is the person's shell on the node, expanded there by the shell that runs this line.
    return command + " srun --pty \"$SHELL\" -l";
}

AllocationProgress parseAllocation(QByteArrayView output)
{
    static const QRegularExpression pending(u"^salloc: Pending job allocation (\\S+)$"_s);
    static const QRegularExpression queued(u"^salloc: job (\\S+) queued and waiting for resources$"_s);
    static const QRegularExpression granted(u"^salloc: Granted job allocation (\\S+)$"_s);
    static const QRegularExpression ready(u"^salloc: Nodes (\\S+) are ready for job$"_s);
    static const QRegularExpression revoked(u"^salloc: Job allocation (\\S+) has been revoked\\.?$"_s);
    static const QRegularExpression error(u"^salloc: error: (.*)$"_s);
    static const QRegularExpression failed(u"^Job submit/allocate failed: (.*)$"_s);
    AllocationProgress progress;
    QString firstError;
    for (const QString &line : terminalLines(output)) {
        QRegularExpressionMatch match;
        if ((match = pending.match(line)).hasMatch() || (match = queued.match(line)).hasMatch()) {
            progress.phase = AllocationProgress::Phase::Queued;
            progress.jobId = match.captured(1);
        } else if ((match = granted.match(line)).hasMatch()) {
            progress.phase = AllocationProgress::Phase::Started;
            progress.jobId = match.captured(1);
        } else if ((match = ready.match(line)).hasMatch()) {
            progress.node = match.captured(1);
            // Granted and ready come together; what follows is the shell's, not salloc's.
            if (progress.phase == AllocationProgress::Phase::Started)
                break;
        } else if ((match = revoked.match(line)).hasMatch()) {
            progress.phase = AllocationProgress::Phase::Ended;
            progress.jobId = match.captured(1);
            if (progress.message.isEmpty())
                progress.message = Tr::tr("The allocation was revoked.");
            break;
        } else if (line == u"salloc: Job has been cancelled"_s) {
            progress.message = Tr::tr("The job was cancelled.");
        } else if ((match = error.match(line)).hasMatch()) {
            const QString said = match.captured(1);
            if (firstError.isEmpty())
                firstError = said;
            if (progress.jobId.isEmpty()) {
                progress.phase = AllocationProgress::Phase::Refused;
                // The first error ("invalid partition specified: x") says most.
                const QRegularExpressionMatch general = failed.match(firstError);
                progress.message = general.hasMatch() ? general.captured(1) : firstError;
            }
        }
    }
    return progress;
}

} // namespace app::slurm
