// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/schedulers/slurm/SlurmParsers.h"

#include "app/schedulers/ResourceUnits.h"
#include "app/schedulers/slurm/SlurmUsageParsers.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <array>

using sshcore::failure;
using sshcore::Result;

namespace app::slurm {

namespace {

constexpr char FieldSeparator = '\x1f';
constexpr char RecordSeparator = '\x1e';

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::slurm)
};

// Splits output into records: by 0x1E when the format ends records with it (squeue, sinfo; the
// tool adds a newline after each), else by lines (sacct, sacctmgr).
QList<QByteArrayView> records(QByteArrayView output, char separator)
{
    QList<QByteArrayView> result;
    qsizetype start = 0;
    while (start < output.size()) {
        qsizetype end = output.indexOf(separator, start);
        if (end < 0)
            end = output.size();
        QByteArrayView record = output.sliced(start, end - start);
        while (!record.isEmpty() && (record.front() == '\n' || record.front() == '\r'))
            record = record.sliced(1);
        if (separator == '\n' && !record.isEmpty() && record.back() == '\r')
            record.chop(1);
        if (!record.isEmpty())
            result.append(record);
        start = end + 1;
    }
    return result;
}

// Splits a record into exactly count fields; false when it has another number.
bool split(QByteArrayView record, char separator, qsizetype count, QByteArrayView *fields)
{
    qsizetype index = 0;
    qsizetype start = 0;
    while (true) {
        const qsizetype end = record.indexOf(separator, start);
        if (index == count)
            return false;
        fields[index++] = record.sliced(start, (end < 0 ? record.size() : end) - start);
        if (end < 0)
            break;
        start = end + 1;
    }
    return index == count;
}

// Shares one QString per distinct value (users, partitions, states repeat across thousands of rows).
class Strings
{
public:
    QString operator()(QByteArrayView bytes)
    {
        if (bytes.isEmpty())
            return {};
        auto it = m_seen.constFind(bytes);
        if (it == m_seen.cend())
            it = m_seen.insert(bytes, QString::fromUtf8(bytes));
        return *it;
    }

private:
    QHash<QByteArrayView, QString> m_seen;
};

// "(null)", "N/A", "None" mean nothing in Slurm's listings.
bool isNothing(QByteArrayView value)
{
    return value.isEmpty() || value == "(null)" || value == "N/A" || value == "None" || value == "Unknown";
}

QByteArrayView orNothing(QByteArrayView value)
{
    return isNothing(value) ? QByteArrayView() : value;
}

std::optional<qint64> duration(QByteArrayView value)
{
    if (isNothing(value))
        return std::nullopt;
    // Slurm's own spelling, "[days-][hours:]minutes:seconds", three times a job in a listing of
    // tens of thousands: read in place. Anything else (fractions, words) the general way.
    const auto general = [value] { return units::parseDurationSeconds(QString::fromLatin1(value)); };
    std::array<qint64, 3> parts{};
    qsizetype count = 0;
    qint64 days = 0;
    bool hasDays = false;
    qint64 current = 0;
    qsizetype digits = 0;
    for (const char c : value) {
        if (c >= '0' && c <= '9' && digits < 12) {
            current = current * 10 + (c - '0');
            ++digits;
        } else if (c == '-' && !hasDays && count == 0 && digits > 0) {
            days = current;
            hasDays = true;
            current = 0;
            digits = 0;
        } else if (c == ':' && count < 2 && digits > 0) {
            parts[count++] = current;
            current = 0;
            digits = 0;
        } else {
            return general();
        }
    }
    if (digits == 0)
        return general();
    parts[count++] = current;
    qint64 seconds = 0;
    if (hasDays) // days-hours[:minutes[:seconds]]
        seconds = parts[0] * 3600 + (count > 1 ? parts[1] * 60 : 0) + (count > 2 ? parts[2] : 0);
    else if (count == 1) // minutes
        seconds = parts[0] * 60;
    else if (count == 2) // minutes:seconds
        seconds = parts[0] * 60 + parts[1];
    else
        seconds = parts[0] * 3600 + parts[1] * 60 + parts[2];
    return days * 86400 + seconds;
}

bool isNumber(QByteArrayView value)
{
    return !value.isEmpty() && std::ranges::all_of(value, [](char c) { return c >= '0' && c <= '9'; });
}

int integer(QByteArrayView value)
{
    bool ok = false;
    const int number = value.toInt(&ok);
    return ok ? number : 0;
}

QString malformed(const char *tool, QByteArrayView record)
{
    QString shown = QString::fromUtf8(record.first(std::min<qsizetype>(record.size(), 120)));
    shown.replace(QChar(u'\x1f'), u'|');
    return Tr::tr("%1 printed a line clusterdesk cannot read (\"%2\"). The job list was left as it was.")
        .arg(QString::fromLatin1(tool), shown);
}

} // namespace

JobState stateFromSlurm(QByteArrayView state, QByteArrayView reason)
{
    // "CANCELLED by 1000", "CANCELLED+"
    qsizetype end = 0;
    while (end < state.size() && (std::isalnum(uchar(state[end])) || state[end] == '_'))
        ++end;
    const QByteArrayView word = state.first(end);
    if (word == "PENDING" || word == "PD" || word == "REQUEUED" || word == "RQ" || word == "REQUEUE_FED" || word == "RF"
        || word == "CONFIGURING" || word == "CF") {
        return reason.startsWith("JobHeld") ? JobState::Held : JobState::Pending;
    }
    if (word == "REQUEUE_HOLD" || word == "RH")
        return JobState::Held;
    if (word == "RUNNING" || word == "R" || word == "RESIZING" || word == "RS" || word == "SIGNALING" || word == "SI")
        return JobState::Running;
    if (word == "SUSPENDED" || word == "S" || word == "STOPPED" || word == "ST")
        return JobState::Suspended;
    if (word == "COMPLETING" || word == "CG" || word == "STAGE_OUT" || word == "SO")
        return JobState::Completing;
    if (word == "COMPLETED" || word == "CD")
        return JobState::Completed;
    if (word == "FAILED" || word == "F" || word == "BOOT_FAIL" || word == "BF" || word == "SPECIAL_EXIT"
        || word == "SE")
        return JobState::Failed;
    if (word == "CANCELLED" || word == "CA" || word == "REVOKED" || word == "RV")
        return JobState::Cancelled;
    if (word == "TIMEOUT" || word == "TO" || word == "DEADLINE" || word == "DL")
        return JobState::TimedOut;
    if (word == "OUT_OF_MEMORY" || word == "OOM")
        return JobState::OutOfMemory;
    if (word == "NODE_FAIL" || word == "NF")
        return JobState::NodeFailed;
    if (word == "PREEMPTED" || word == "PR")
        return JobState::Preempted;
    return JobState::Unknown;
}

QByteArray queueFormat()
{
    // id, array task id, array job, array task, name, user, partition, account, qos, state, reason,
    // used, limit, left, nodes, cpus, memory, gres, node list, start, submit, work directory
    return QByteArrayLiteral("%A\x1f%i\x1f%F\x1f%K\x1f%j\x1f%u\x1f%P\x1f%a\x1f%q\x1f%T\x1f%r\x1f%M\x1f%l\x1f%L"
                             "\x1f%D\x1f%C\x1f%m\x1f%b\x1f%N\x1f%S\x1f%V\x1f%Z\x1e");
}

Result<QList<Job>> parseQueue(QByteArrayView output)
{
    constexpr qsizetype FieldCount = 22;
    const QList<QByteArrayView> lines = records(output, RecordSeparator);
    QList<Job> jobs;
    jobs.reserve(lines.size());
    Strings strings;
    std::array<QByteArrayView, FieldCount> f;
    QByteArrayView previousName;
    for (QByteArrayView line : lines) {
        if (!split(line, FieldSeparator, FieldCount, f.data()) || !isNumber(f[0]))
            return failure(sshcore::ErrorKind::Malformed, malformed("squeue", line));
        Job job;
        job.id = QString::fromLatin1(f[1]); // unique: not worth a place in strings
        const bool isArrayTask = !isNothing(f[3]);
        if (isArrayTask) {
            job.arrayJobId = strings(f[2]);
            job.arrayTaskId = strings(f[3]);
        }
        // Tasks of an array, and series of jobs, come one after another with the same name.
        if (f[4] != previousName || jobs.isEmpty()) {
            previousName = f[4];
            job.name = QString::fromUtf8(f[4]);
        } else {
            job.name = jobs.back().name;
        }
        job.user = strings(f[5]);
        job.partition = strings(f[6]);
        job.account = strings(orNothing(f[7]));
        job.qos = strings(orNothing(f[8]));
        job.stateText = strings(f[9]);
        job.reason = strings(orNothing(f[10]));
        job.state = stateFromSlurm(f[9], f[10]);
        if (job.id.isEmpty() || job.state == JobState::Unknown)
            return failure(sshcore::ErrorKind::Malformed, malformed("squeue", line));
        job.elapsedSeconds = duration(f[11]);
        job.timeLimitSeconds = duration(f[12]);
        job.timeLeftSeconds = duration(f[13]);
        job.nodeCount = integer(f[14]);
        job.cpuCount = integer(f[15]);
        job.memory = strings(orNothing(f[16]));
        job.gres = strings(orNothing(f[17]));
        job.nodeList = strings(orNothing(f[18]));
        job.startTime = units::parseEpoch(f[19]);
        job.submitTime = units::parseEpoch(f[20]);
        job.workDirectory = strings(orNothing(f[21]));
        jobs.append(std::move(job));
    }
    return jobs;
}

QByteArray historyFormat()
{
    return QByteArrayLiteral("JobID,JobName,User,Partition,Account,State,ExitCode,Elapsed,Timelimit,AllocCPUS,"
                             "TotalCPU,ReqMem,MaxRSS,NNodes,AllocTRES,Submit,Start,End,TRESUsageInAve,TRESUsageInMax");
}

namespace {

// A step's gres/gpuutil (its average) and gres/gpumem (its peak), where the site records them:
// the job keeps the largest of its steps' (extern reports 0).
void takeGpuUsage(JobAccounting &job, QByteArrayView average, QByteArrayView max)
{
    if (const auto percent = gpuUtilisationOf(average))
        job.gpuUtilisationPercent = std::max(job.gpuUtilisationPercent.value_or(0), *percent);
    if (const auto bytes = gpuMemoryOf(max))
        job.gpuMemoryBytes = std::max(job.gpuMemoryBytes.value_or(0), *bytes);
}

} // namespace

Result<QList<JobAccounting>> parseHistory(QByteArrayView output)
{
    // The last two (TRESUsageInAve, TRESUsageInMax) came later: listings without them still read.
    constexpr qsizetype FieldCount = 20;
    constexpr qsizetype FieldCountWithoutTresUsage = 18;
    QList<JobAccounting> jobs;
    QHash<QByteArrayView, qsizetype> byId;
    std::array<QByteArrayView, FieldCount> f;
    for (QByteArrayView line : records(output, '\n')) {
        f = {};
        if (!split(line, FieldSeparator, FieldCount, f.data())
            && !split(line, FieldSeparator, FieldCountWithoutTresUsage, f.data()))
            return failure(sshcore::ErrorKind::Malformed, malformed("sacct", line));
        const QByteArrayView id = f[0];
        const qsizetype dot = id.indexOf('.');
        if (dot >= 0) {
            // A step (1234.batch, 1234_7.0): what it used belongs to its job.
            const auto owner = byId.constFind(id.first(dot));
            if (owner == byId.cend())
                continue;
            JobAccounting &job = jobs[*owner];
            if (const auto rss = units::parseMemory(QString::fromLatin1(f[12]), 1); rss && !isNothing(f[12]))
                job.maxRssBytes = std::max(job.maxRssBytes.value_or(0), *rss);
            takeGpuUsage(job, f[18], f[19]);
            continue;
        }
        JobAccounting job;
        job.id = QString::fromUtf8(id);
        job.name = QString::fromUtf8(f[1]);
        job.user = QString::fromUtf8(f[2]);
        job.partition = QString::fromUtf8(f[3]);
        job.account = QString::fromUtf8(orNothing(f[4]));
        job.stateText = QString::fromUtf8(f[5]);
        job.state = stateFromSlurm(f[5]);
        if (job.id.isEmpty() || job.state == JobState::Unknown)
            return failure(sshcore::ErrorKind::Malformed, malformed("sacct", line));
        job.exitCode = QString::fromUtf8(f[6]);
        job.elapsedSeconds = duration(f[7]);
        job.timeLimitSeconds = duration(f[8]);
        job.allocatedCpus = integer(f[9]);
        if (!isNothing(f[10]))
            job.cpuSeconds = units::parseDuration(QString::fromLatin1(f[10]));
        job.nodeCount = integer(f[13]);
        job.allocatedResources = QString::fromUtf8(orNothing(f[14]));
        // Memory for the whole job: what was allocated (AllocTRES mem=), else what was asked for.
        static const QRegularExpression allocatedMemory(QStringLiteral("(?:^|,)mem=([^,]+)"));
        const auto match = allocatedMemory.match(job.allocatedResources);
        if (match.hasMatch())
            job.requestedMemoryBytes = units::parseMemory(match.capturedView(1), units::MiB);
        else if (!isNothing(f[11]))
            job.requestedMemoryBytes = units::parseMemory(QString::fromLatin1(f[11]), units::MiB);
        if (!isNothing(f[12]))
            job.maxRssBytes = units::parseMemory(QString::fromLatin1(f[12]), 1);
        job.submitTime = units::parseEpoch(f[15]);
        job.startTime = units::parseEpoch(f[16]);
        job.endTime = units::parseEpoch(f[17]);
        takeGpuUsage(job, f[18], f[19]);
        byId.insert(id, jobs.size());
        jobs.append(std::move(job));
    }
    return jobs;
}

QByteArray partitionFormat()
{
    // partition (* = default), availability, time limit, nodes, CPUs A/I/O/T, gres, memory (MB),
    // nodes A/I/O/T
    return QByteArrayLiteral("%P\x1f%a\x1f%l\x1f%D\x1f%C\x1f%G\x1f%m\x1f%F\x1e");
}

namespace {

// "2/0/0/2" → {2, 0, 0, 2}
std::array<int, 4> quadruple(QByteArrayView value)
{
    std::array<int, 4> numbers{};
    qsizetype index = 0;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= value.size() && index < 4; ++i) {
        if (i == value.size() || value[i] == '/') {
            numbers[index++] = integer(value.sliced(start, i - start));
            start = i + 1;
        }
    }
    return numbers;
}

// "gpu:a100:4(S:0-1),mps:400" → the GPU offers of one node.
QList<GpuOffer> gpusOf(QByteArrayView gres)
{
    QList<GpuOffer> offers;
    if (isNothing(gres))
        return offers;
    static const QRegularExpression entry(QStringLiteral("(?:^|,)gpu(?::([^:,(]+))?:(\\d+)"));
    const QString text = QString::fromUtf8(gres);
    for (auto it = entry.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        offers.append({match.captured(1), match.captured(2).toInt(), 0});
    }
    return offers;
}

} // namespace

Result<QList<Partition>> parsePartitions(QByteArrayView output)
{
    constexpr qsizetype FieldCount = 8;
    QList<Partition> partitions;
    std::array<QByteArrayView, FieldCount> f;
    for (QByteArrayView line : records(output, RecordSeparator)) {
        if (!split(line, FieldSeparator, FieldCount, f.data()) || f[0].isEmpty())
            return failure(sshcore::ErrorKind::Malformed, malformed("sinfo", line));
        QByteArrayView name = f[0];
        const bool isDefault = name.endsWith('*');
        if (isDefault)
            name.chop(1);
        // sinfo prints one line per group of alike nodes: a partition may take several.
        const QString partitionName = QString::fromUtf8(name);
        auto it = std::ranges::find(partitions, partitionName, &Partition::name);
        if (it == partitions.end()) {
            Partition partition;
            partition.name = partitionName;
            partition.isDefault = isDefault;
            partition.available = f[1] == "up";
            if (f[2] != "infinite" && f[2] != "UNLIMITED")
                partition.maxTimeSeconds = duration(f[2]);
            partitions.append(partition);
            it = partitions.end() - 1;
        }
        const int nodes = integer(f[3]);
        const auto cpus = quadruple(f[4]);
        const auto nodeStates = quadruple(f[7]);
        it->nodes += nodes;
        it->idleNodes += nodeStates[1];
        it->cpusAllocated += cpus[0];
        it->cpusIdle += cpus[1];
        it->cpusTotal += cpus[3];
        if (const auto memory = units::parseMemory(QString::fromLatin1(f[6]).trimmed().remove(u'+'), units::MiB))
            it->memoryPerNodeBytes = std::min(it->memoryPerNodeBytes.value_or(*memory), *memory);
        for (GpuOffer offer : gpusOf(f[5])) {
            offer.total = offer.perNode * nodes;
            auto same = std::ranges::find(it->gpus, offer.type, &GpuOffer::type);
            if (same == it->gpus.end()) {
                it->gpus.append(offer);
            } else {
                same->perNode = std::max(same->perNode, offer.perNode);
                same->total += offer.total;
            }
        }
    }
    return partitions;
}

QList<Association> parseAssociations(QByteArrayView output)
{
    QList<Association> associations;
    for (QByteArrayView line : records(output, '\n')) {
        const QList<QString> parts = QString::fromUtf8(line).split(u'|');
        if (parts.size() < 3 || parts[0].isEmpty())
            continue;
        Association association;
        association.account = parts[0];
        association.partition = parts[1];
        association.qos = parts[2].split(u',', Qt::SkipEmptyParts);
        associations.append(association);
    }
    return associations;
}

Result<JobDetails> parseJobRecord(QByteArrayView output)
{
    const qsizetype end = output.indexOf('\n');
    const QString line = QString::fromUtf8(end < 0 ? output : output.first(end)).trimmed();
    if (!line.startsWith(u"JobId="))
        return failure(sshcore::ErrorKind::Malformed,
                       Tr::tr("scontrol did not describe the job (it printed \"%1\").").arg(line.left(200)));
    // Keys are words followed by "="; a value runs to the next " Key=". Values with spaces (a
    // command line, a path) stay whole unless they contain " Word=" themselves.
    static const QRegularExpression key(QStringLiteral("(?:^| )([A-Za-z][A-Za-z0-9_:/]*)="));
    JobDetails details;
    QList<std::pair<qsizetype, QString>> keys; // position of the value, key
    QList<qsizetype> starts;
    for (auto it = key.globalMatch(line); it.hasNext();) {
        const auto match = it.next();
        keys.append({match.capturedEnd(0), match.captured(1)});
        starts.append(match.capturedStart(0));
    }
    for (qsizetype i = 0; i < keys.size(); ++i) {
        const qsizetype valueEnd = i + 1 < keys.size() ? starts[i + 1] : line.size();
        details.fields.append({keys[i].second, line.mid(keys[i].first, valueEnd - keys[i].first)});
    }
    const auto field = [&](QStringView name) -> QString {
        for (const auto &[k, v] : std::as_const(details.fields)) {
            if (k == name)
                return v == u"(null)" || v == u"N/A" || v == u"Unknown" || v == u"None" ? QString() : v;
        }
        return {};
    };
    Job &job = details.job;
    job.id = field(u"JobId");
    job.arrayJobId = field(u"ArrayJobId");
    job.arrayTaskId = field(u"ArrayTaskId");
    if (!job.arrayJobId.isEmpty() && !job.arrayTaskId.isEmpty())
        job.id = job.arrayJobId + u'_' + job.arrayTaskId;
    job.name = field(u"JobName");
    job.user = field(u"UserId").section(u'(', 0, 0);
    job.partition = field(u"Partition");
    job.account = field(u"Account");
    job.qos = field(u"QOS");
    job.stateText = field(u"JobState");
    job.reason = field(u"Reason");
    job.state = stateFromSlurm(job.stateText.toLatin1(), job.reason.toLatin1());
    job.elapsedSeconds = units::parseDurationSeconds(field(u"RunTime"));
    job.timeLimitSeconds = units::parseDurationSeconds(field(u"TimeLimit"));
    job.nodeCount = field(u"NumNodes").section(u'-', 0, 0).toInt();
    job.cpuCount = field(u"NumCPUs").section(u'-', 0, 0).toInt();
    job.nodeList = field(u"NodeList");
    job.gres = field(u"TresPerNode");
    job.memory = field(u"MinMemoryNode");
    if (job.memory.isEmpty())
        job.memory = field(u"MinMemoryCPU");
    job.submitTime = QDateTime::fromString(field(u"SubmitTime"), Qt::ISODate);
    job.startTime = QDateTime::fromString(field(u"StartTime"), Qt::ISODate);
    job.endTime = QDateTime::fromString(field(u"EndTime"), Qt::ISODate);
    job.workDirectory = field(u"WorkDir");
    job.standardOutput = field(u"StdOut");
    job.standardError = field(u"StdErr");
    return details;
}

Result<SubmitReply> parseSubmitted(QByteArrayView standardOutput, QByteArrayView standardError)
{
    // Warnings may come first: the id is on the last line.
    const QList<QByteArrayView> lines = records(standardOutput, '\n');
    static const QRegularExpression id(QStringLiteral("^(\\d+(?:_\\d+)?)(?:;(\\S+))?$"));
    const auto match = lines.isEmpty() ? QRegularExpressionMatch()
                                       : id.match(QString::fromUtf8(lines.back()).trimmed());
    if (!match.hasMatch()) {
        const QString said = QString::fromUtf8(standardError.isEmpty() ? standardOutput : standardError).trimmed();
        return failure(sshcore::ErrorKind::Malformed,
                       Tr::tr("sbatch did not say which job it created: %1").arg(said.left(400)));
    }
    SubmitReply reply;
    reply.jobId = match.captured(1);
    reply.cluster = match.captured(2);
    QStringList warnings;
    for (qsizetype i = 0; i + 1 < lines.size(); ++i)
        warnings.append(QString::fromUtf8(lines[i]));
    for (QByteArrayView line : records(standardError, '\n'))
        warnings.append(QString::fromUtf8(line));
    reply.warnings = warnings.join(u'\n');
    return reply;
}

Result<StartEstimate> parseTestOnly(QByteArrayView standardError)
{
    static const QRegularExpression sentence(
        QStringLiteral("Job (\\S+) to start at (\\S+) using (\\d+) processors? on nodes? (\\S+) in partition (\\S+)"));
    const QString text = QString::fromUtf8(standardError);
    const auto match = sentence.match(text);
    if (!match.hasMatch())
        return failure(sshcore::ErrorKind::Malformed,
                       Tr::tr("Slurm did not say when the job would start: %1").arg(text.trimmed().left(400)));
    StartEstimate estimate;
    estimate.jobId = match.captured(1);
    estimate.start = QDateTime::fromString(match.captured(2), Qt::ISODate);
    estimate.processors = match.captured(3).toInt();
    estimate.nodes = match.captured(4);
    estimate.partition = match.captured(5);
    estimate.message = match.captured(0);
    return estimate;
}

} // namespace app::slurm
