// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/schedulers/pbs/PbsParsers.h"

#include "app/schedulers/ResourceUnits.h"
#include "app/schedulers/pbs/PbsRecord.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

using sshcore::failure;
using sshcore::Result;

namespace app::pbs {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::pbs)
};

std::optional<qint64> duration(const QString &text)
{
    return units::parseDurationSeconds(text);
}

std::optional<qint64> memory(const QString &text)
{
    // PBS writes memory with a unit ("5652kb", "8gb"); a bare number is bytes.
    if (text.isEmpty())
        return std::nullopt;
    return units::parseMemory(text, 1);
}

QString orOther(const QString &value, const QString &other)
{
    return value.isEmpty() ? other : value;
}

// "charon24/0*2+charon21/0*2" → "charon24,charon21"
QString hostsOf(const QString &execHost)
{
    QStringList hosts;
    for (const QString &chunk : execHost.split(u'+', Qt::SkipEmptyParts)) {
        const QString host = chunk.section(u'/', 0, 0);
        if (!host.isEmpty() && !hosts.contains(host))
            hosts.append(host);
    }
    return hosts.join(u',');
}

// Torque's "2:ppn=2" (nodes times processors per node); 0 when it says neither.
int cpusOfNodes(const QString &nodes)
{
    static const QRegularExpression spec(QStringLiteral("^(\\d+)(?::ppn=(\\d+))?"));
    const auto match = spec.match(nodes);
    if (!match.hasMatch())
        return 0;
    const int count = match.captured(1).toInt();
    return match.hasCaptured(2) ? count * match.captured(2).toInt() : count;
}

int cpusOf(const PbsRecord &record)
{
    if (const int ncpus = record.value(u"Resource_List.ncpus").toInt(); ncpus > 0)
        return ncpus;
    return cpusOfNodes(record.value(u"Resource_List.nodes"));
}

// "pbs:/home/fireuser/hello.err" → "/home/fireuser/hello.err"
QString pathOf(const QString &hostAndPath)
{
    const qsizetype colon = hostAndPath.indexOf(u':');
    return colon >= 0 && hostAndPath.indexOf(u'/') > colon ? hostAndPath.mid(colon + 1) : hostAndPath;
}

QDateTime timeOf(const PbsRecord &record, QStringView name)
{
    return units::parseCTime(record.value(name));
}

// A finished job's state from its exit status: 0 is success; above 256 it was killed by a signal
// (256 + the signal: qdel's SIGTERM gives 271); below 0 PBS itself ended it. A job that used up its
// walltime timed out, whatever the status. No status at all: it was deleted before it ran.
JobState finishedState(const PbsRecord &record)
{
    const QString status = orOther(record.value(u"Exit_status"), record.value(u"exit_status"));
    const auto used = duration(record.value(u"resources_used.walltime"));
    const auto limit = duration(record.value(u"Resource_List.walltime"));
    if (status.isEmpty())
        return JobState::Cancelled;
    bool ok = false;
    const int exit = status.toInt(&ok);
    if (ok && exit == 0)
        return JobState::Completed;
    if (used && limit && *limit > 0 && *used >= *limit)
        return JobState::TimedOut;
    if (ok && exit > 256)
        return JobState::Cancelled;
    return JobState::Failed;
}

std::optional<JobState> stateOf(const PbsRecord &record)
{
    const auto state = stateFromPbs(record.value(u"job_state"));
    if (state == JobState::Completed)
        return finishedState(record);
    return state;
}

QString malformedJob(const PbsRecord &record, const QString &what)
{
    return Tr::tr("qstat listed job \"%1\" with %2. The list was left as it was.").arg(record.id.left(100), what);
}

// 123[4].server: task 4 of the array 123[].server; 123[].server: the array itself.
void setArray(Job &job, const PbsRecord &record)
{
    static const QRegularExpression arrayId(QStringLiteral("^(\\d+)\\[(\\d*)\\](.*)$"));
    const auto match = arrayId.match(job.id);
    if (!match.hasMatch())
        return;
    job.arrayJobId = match.captured(1) + QStringLiteral("[]") + match.captured(3);
    job.arrayTaskId = match.captured(2);
    if (job.arrayTaskId.isEmpty() && record.has(u"array_indices_remaining"))
        job.arrayTaskId = u'[' + record.value(u"array_indices_remaining") + u']';
}

Job jobOf(const PbsRecord &record)
{
    Job job;
    job.id = record.id;
    setArray(job, record);
    job.name = record.value(u"Job_Name");
    job.user = record.value(u"Job_Owner").section(u'@', 0, 0);
    job.partition = record.value(u"queue");
    job.account = record.value(u"Account_Name");
    job.stateText = record.value(u"job_state");
    job.state = stateOf(record).value_or(JobState::Unknown);
    // PBS puts why a job waits in its comment ("Not Running: Insufficient amount of resource").
    if (job.state == JobState::Pending || job.state == JobState::Held) {
        job.reason = record.value(u"comment");
        if (job.reason.isEmpty() && job.state == JobState::Held)
            job.reason = Tr::tr("Hold_Types %1").arg(record.value(u"Hold_Types"));
    }
    job.elapsedSeconds = duration(record.value(u"resources_used.walltime"));
    job.timeLimitSeconds = duration(record.value(u"Resource_List.walltime"));
    if (const auto remaining = record.value(u"Walltime.Remaining"); !remaining.isEmpty())
        job.timeLeftSeconds = remaining.toLongLong();
    else if (job.timeLimitSeconds && job.elapsedSeconds && !isFinished(job.state))
        job.timeLeftSeconds = std::max<qint64>(0, *job.timeLimitSeconds - *job.elapsedSeconds);
    job.nodeCount = record.value(u"Resource_List.nodect").toInt();
    job.cpuCount = cpusOf(record);
    job.memory = record.value(u"Resource_List.mem");
    if (const QString gpus = record.value(u"Resource_List.ngpus"); !gpus.isEmpty() && gpus != u"0")
        job.gres = QStringLiteral("ngpus=") + gpus;
    job.nodeList = hostsOf(record.value(u"exec_host"));
    job.submitTime = timeOf(record, u"ctime");
    job.startTime = record.has(u"stime") ? timeOf(record, u"stime") : timeOf(record, u"start_time");
    job.endTime = record.has(u"obittime") ? timeOf(record, u"obittime") : timeOf(record, u"comp_time");
    job.workDirectory = orOther(record.variable(u"PBS_O_WORKDIR"), record.value(u"init_work_dir"));
    job.standardOutput = pathOf(record.value(u"Output_Path"));
    job.standardError = pathOf(record.value(u"Error_Path"));
    return job;
}

Result<QList<PbsRecord>> jobRecords(QByteArrayView output)
{
    auto records = PbsRecord::read(output, PbsRecord::Kind::Job);
    if (!records)
        return records;
    for (const PbsRecord &record : std::as_const(*records)) {
        if (!record.has(u"job_state"))
            return failure(sshcore::ErrorKind::Malformed, malformedJob(record, Tr::tr("no job_state")));
        if (!stateFromPbs(record.value(u"job_state")))
            return failure(sshcore::ErrorKind::Malformed,
                           malformedJob(record, Tr::tr("the state \"%1\", which clusterdesk does not know")
                                                    .arg(record.value(u"job_state").left(20))));
    }
    return records;
}

} // namespace

std::optional<JobState> stateFromPbs(QStringView state)
{
    if (state.size() != 1)
        return std::nullopt;
    switch (state[0].unicode()) {
    case 'Q': // queued
    case 'W': // waiting for its execution time
    case 'T': // in transit to another server
        return JobState::Pending;
    case 'H': return JobState::Held;
    case 'R': // running
    case 'B': // an array with running subjobs
        return JobState::Running;
    case 'E': return JobState::Completing; // exiting after having run
    case 'S':                              // suspended
    case 'U':                              // suspended while the workstation is busy
        return JobState::Suspended;
    case 'F': // finished (history)
    case 'X': // a finished subjob
    case 'C': // Torque: completed
        return JobState::Completed;
    case 'M': return JobState::Unknown; // moved to another server: its fate is told there
    default: return std::nullopt;
    }
}

Result<QList<Job>> parseQueue(QByteArrayView output)
{
    const auto records = jobRecords(output);
    if (!records)
        return failure(records.error());
    QList<Job> jobs;
    jobs.reserve(records->size());
    QSet<QString> arraysWithTasks;
    for (const PbsRecord &record : *records) {
        Job job = jobOf(record);
        if (!job.arrayJobId.isEmpty() && job.id != job.arrayJobId)
            arraysWithTasks.insert(job.arrayJobId);
        jobs.append(std::move(job));
    }
    // qstat -t lists an array and then its subjobs: the subjobs stand for it.
    jobs.removeIf([&](const Job &job) { return job.id == job.arrayJobId && arraysWithTasks.contains(job.id); });
    return jobs;
}

Result<JobDetails> parseJobRecord(QByteArrayView output)
{
    const auto records = PbsRecord::read(output, PbsRecord::Kind::Job);
    if (!records)
        return failure(records.error());
    if (records->isEmpty() || !records->front().has(u"job_state"))
        return failure(sshcore::ErrorKind::Malformed,
                       Tr::tr("qstat did not describe the job (it printed \"%1\").")
                           .arg(QString::fromUtf8(output.first(std::min<qsizetype>(output.size(), 200))).trimmed()));
    JobDetails details;
    details.job = jobOf(records->front());
    details.fields = records->front().attributes;
    return details;
}

Result<QList<JobAccounting>> parseHistory(QByteArrayView output)
{
    const auto records = jobRecords(output);
    if (!records)
        return failure(records.error());
    QList<JobAccounting> jobs;
    jobs.reserve(records->size());
    for (const PbsRecord &record : *records) {
        JobAccounting accounting = JobAccounting::fromJob(jobOf(record));
        accounting.exitCode = orOther(record.value(u"Exit_status"), record.value(u"exit_status"));
        if (const auto cpu = units::parseDuration(record.value(u"resources_used.cput")))
            accounting.cpuSeconds = *cpu;
        if (const int used = record.value(u"resources_used.ncpus").toInt(); used > 0)
            accounting.allocatedCpus = used;
        accounting.requestedMemoryBytes = memory(record.value(u"Resource_List.mem"));
        accounting.maxRssBytes = memory(record.value(u"resources_used.mem"));
        accounting.allocatedResources = orOther(record.value(u"Resource_List.select"),
                                                record.value(u"Resource_List.nodes"));
        jobs.append(std::move(accounting));
    }
    return jobs;
}

Result<QList<Partition>> parseQueues(QByteArrayView output)
{
    const auto records = PbsRecord::read(output, PbsRecord::Kind::Queue);
    if (!records)
        return failure(records.error());
    QList<Partition> partitions;
    for (const PbsRecord &record : *records) {
        if (!record.has(u"queue_type"))
            return failure(sshcore::ErrorKind::Malformed,
                           Tr::tr("qstat listed queue \"%1\" without its queue_type.").arg(record.id.left(100)));
        Partition partition;
        partition.name = record.id;
        partition.available = record.value(u"enabled") == u"True" && record.value(u"started") == u"True";
        partition.maxTimeSeconds = duration(record.value(u"resources_max.walltime"));
        partition.nodes = record.value(u"resources_available.nodect").toInt();
        partition.cpusTotal = record.value(u"resources_available.ncpus").toInt();
        partition.cpusAllocated = record.value(u"resources_assigned.ncpus").toInt();
        if (partition.cpusTotal > 0)
            partition.cpusIdle = std::max(0, partition.cpusTotal - partition.cpusAllocated);
        // GPUs: how many one job may have (resources_max), how many a chunk gets by default, and
        // of which type the queue's nodes are.
        GpuOffer gpus;
        gpus.type = orOther(record.value(u"resources_max.gpu_type"), record.value(u"resources_min.gpu_type"));
        gpus.perNode = record.value(u"default_chunk.ngpus").toInt();
        gpus.total = record.value(u"resources_max.ngpus").toInt();
        const bool noGpus = record.value(u"resources_max.ngpus") == u"0";
        if (!noGpus && (gpus.perNode > 0 || gpus.total > 0 || record.has(u"resources_min.ngpus")))
            partition.gpus.append(gpus);
        partitions.append(std::move(partition));
    }
    return partitions;
}

Result<SubmitReply> parseSubmitted(QByteArrayView standardOutput, QByteArrayView standardError)
{
    const QStringList lines = QString::fromUtf8(standardOutput).split(u'\n', Qt::SkipEmptyParts);
    static const QRegularExpression id(QStringLiteral("^\\d+(?:\\[\\d*\\])?(?:\\.\\S+)?$"));
    const QString last = lines.isEmpty() ? QString() : lines.back().trimmed();
    if (!id.match(last).hasMatch()) {
        const QString said = QString::fromUtf8(standardError.isEmpty() ? standardOutput : standardError).trimmed();
        return failure(sshcore::ErrorKind::Malformed,
                       Tr::tr("qsub did not say which job it created: %1").arg(said.left(400)));
    }
    SubmitReply reply;
    reply.jobId = last;
    QStringList warnings = lines.mid(0, lines.size() - 1);
    warnings += QString::fromUtf8(standardError).split(u'\n', Qt::SkipEmptyParts);
    reply.warnings = warnings.join(u'\n').trimmed();
    return reply;
}

} // namespace app::pbs
