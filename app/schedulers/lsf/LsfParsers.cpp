// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/schedulers/lsf/LsfParsers.h"

#include "app/schedulers/ResourceUnits.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

using sshcore::failure;
using sshcore::Result;

namespace app::lsf {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::lsf)
};

// "00:00:01" (with -hms), "1 second(s)", "10.0 min".
std::optional<qint64> duration(const QString &text)
{
    static const QRegularExpression seconds(QStringLiteral("^([\\d.]+) second\\(s\\)$"));
    static const QRegularExpression minutes(QStringLiteral("^([\\d.]+) min$"));
    if (const auto match = seconds.match(text.trimmed()); match.hasMatch())
        return qint64(match.captured(1).toDouble());
    if (const auto match = minutes.match(text.trimmed()); match.hasMatch())
        return qint64(match.captured(1).toDouble() * 60);
    if (!text.contains(u':'))
        return std::nullopt;
    return units::parseDurationSeconds(text);
}

std::optional<double> cpuSeconds(const QString &text)
{
    static const QRegularExpression seconds(QStringLiteral("^([\\d.]+) second\\(s\\)$"));
    if (const auto match = seconds.match(text.trimmed()); match.hasMatch())
        return match.captured(1).toDouble();
    return text.contains(u':') ? units::parseDuration(text) : std::nullopt;
}

// "5.2 Gbytes", "233 Mbytes"
std::optional<qint64> memory(QString text)
{
    text.remove(QLatin1StringView("bytes"));
    text.remove(u' ');
    if (text.isEmpty() || text == u"-")
        return std::nullopt;
    return units::parseMemory(text, units::MiB);
}

// rusage[mem=8192.00] in the effective resource requirement: megabytes unless a unit says
// otherwise (LSF_UNIT_FOR_LIMITS is MB on the clusters recorded here), per slot as LsfDialect
// reads #BSUB -R.
std::optional<qint64> requestedMemory(const QString &resourceRequirement)
{
    static const QRegularExpression rusage(QStringLiteral("rusage\\[[^\\]]*\\bmem=([\\d.]+[KMGTkmgt]?[Bb]?)"));
    const auto match = rusage.match(resourceRequirement);
    return match.hasMatch() ? units::parseMemory(match.capturedView(1), units::MiB) : std::nullopt;
}

// "tbi-cn019:tbi-cn019", "8*compute1-exec-1:2*compute1-exec-2" → the distinct hosts
QStringList hostsOf(const QString &execHost)
{
    QStringList hosts;
    for (QString host : execHost.split(u':', Qt::SkipEmptyParts)) {
        if (const qsizetype star = host.indexOf(u'*'); star >= 0)
            host = host.mid(star + 1);
        if (!host.isEmpty() && !hosts.contains(host))
            hosts.append(host);
    }
    return hosts;
}

using Record = QJsonObject;

QString field(const Record &record, QLatin1StringView name)
{
    const QString value = record.value(name).toString();
    return value == u"-" ? QString() : value;
}

// The records of "bjobs -json": {"COMMAND":"bjobs","JOBS":n,"RECORDS":[{...}]}.
Result<QList<Record>> records(QByteArrayView output)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(output.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return failure(sshcore::ErrorKind::Malformed,
                       Tr::tr("bjobs printed JSON that clusterdesk cannot read (%1 at character %2). The list was left "
                              "as it was.")
                           .arg(error.errorString())
                           .arg(error.offset));
    const QJsonObject root = document.object();
    if (!root.value(u"RECORDS").isArray())
        return failure(sshcore::ErrorKind::Malformed,
                       Tr::tr("bjobs printed JSON without its RECORDS: this is not bjobs output clusterdesk knows."));
    const QJsonArray array = root.value(u"RECORDS").toArray();
    if (root.contains(u"JOBS") && root.value(u"JOBS").toInt(-1) != array.size())
        return failure(sshcore::ErrorKind::Malformed,
                       Tr::tr("bjobs announced %1 jobs but listed %2. The list was left as it was.")
                           .arg(root.value(u"JOBS").toInt(-1))
                           .arg(array.size()));
    QList<Record> list;
    for (const QJsonValue &value : array) {
        if (!value.isObject())
            return failure(sshcore::ErrorKind::Malformed,
                           Tr::tr("bjobs listed something that is not a job. The list was left as it was."));
        list.append(value.toObject());
    }
    return list;
}

QString malformed(const Record &record, const QString &what)
{
    return Tr::tr("bjobs listed job \"%1\" with %2. The list was left as it was.")
        .arg(field(record, QLatin1StringView("JOBID")).left(40), what);
}

// A job from one record; false (and why) when the record lacks what every job has.
Result<Job> jobOf(const Record &record, const QDateTime &now, bool needsId)
{
    if (record.contains(u"ERROR"))
        return failure(sshcore::ErrorKind::NotFound, field(record, QLatin1StringView("ERROR")));
    Job job;
    job.id = field(record, QLatin1StringView("JOBID"));
    if (needsId && job.id.isEmpty())
        return failure(sshcore::ErrorKind::Malformed, malformed(record, Tr::tr("no JOBID")));
    job.stateText = field(record, QLatin1StringView("STAT"));
    const auto state = stateFromLsf(job.stateText);
    if (!state)
        return failure(sshcore::ErrorKind::Malformed,
                       malformed(record,
                                 Tr::tr("the state \"%1\", which clusterdesk does not know").arg(job.stateText)));
    job.state = *state;
    job.name = field(record, QLatin1StringView("JOB_NAME"));
    // An array's elements are named "name[7]"; commands take "1234[7]".
    static const QRegularExpression element(QStringLiteral("\\[(\\d+)\\]$"));
    if (const auto match = element.match(job.name); match.hasMatch() && !job.id.isEmpty()) {
        job.arrayJobId = job.id;
        job.arrayTaskId = match.captured(1);
        job.id = job.id + u'[' + job.arrayTaskId + u']';
    }
    job.user = field(record, QLatin1StringView("USER"));
    job.partition = field(record, QLatin1StringView("QUEUE"));
    job.account = field(record, QLatin1StringView("PROJ_NAME"));
    if (job.state == JobState::Pending || job.state == JobState::Held)
        job.reason = field(record, QLatin1StringView("PEND_REASON")).trimmed();
    job.elapsedSeconds = duration(field(record, QLatin1StringView("RUN_TIME")));
    job.timeLimitSeconds = duration(field(record, QLatin1StringView("RUNTIMELIMIT")));
    if (job.timeLimitSeconds && job.elapsedSeconds && !isFinished(job.state))
        job.timeLeftSeconds = std::max<qint64>(0, *job.timeLimitSeconds - *job.elapsedSeconds);
    const QStringList hosts = hostsOf(field(record, QLatin1StringView("EXEC_HOST")));
    job.nodeCount = int(hosts.size());
    job.nodeList = hosts.join(u',');
    job.cpuCount = field(record, QLatin1StringView("SLOTS")).toInt();
    if (const auto requested = requestedMemory(field(record, QLatin1StringView("EFFECTIVE_RESREQ"))))
        job.memory = units::formatMemory(*requested);
    job.submitTime = parseTime(field(record, QLatin1StringView("SUBMIT_TIME")), now);
    job.startTime = parseTime(field(record, QLatin1StringView("START_TIME")), now);
    job.endTime = parseTime(field(record, QLatin1StringView("FINISH_TIME")), now);
    job.workDirectory = field(record, QLatin1StringView("EXEC_CWD"));
    if (job.workDirectory.isEmpty())
        job.workDirectory = field(record, QLatin1StringView("SUB_CWD"));
    job.standardOutput = field(record, QLatin1StringView("OUTPUT_FILE"));
    job.standardError = field(record, QLatin1StringView("ERROR_FILE"));
    return job;
}

} // namespace

QByteArray jobFields()
{
    return QByteArrayLiteral("jobid job_name stat user queue proj_name exit_code exec_host submit_time start_time "
                             "finish_time cpu_used run_time max_mem runtimelimit slots pend_reason effective_resreq "
                             "sub_cwd exec_cwd output_file error_file");
}

QByteArray detailFields()
{
    return QByteArrayLiteral("jobid job_name stat user queue job_description proj_name job_group job_priority pids "
                             "exit_code from_host exec_host submit_time start_time finish_time cpu_used run_time "
                             "user_group swap max_mem runtimelimit sub_cwd pend_reason exec_cwd output_file "
                             "input_file effective_resreq exec_home slots error_file command dependency");
}

std::optional<JobState> stateFromLsf(QStringView state)
{
    if (state == u"PEND" || state == u"WAIT" || state == u"PROV")
        return JobState::Pending;
    if (state == u"PSUSP") // suspended while pending: bstop's hold
        return JobState::Held;
    if (state == u"RUN")
        return JobState::Running;
    if (state == u"USUSP" || state == u"SSUSP")
        return JobState::Suspended;
    if (state == u"DONE" || state == u"PDONE")
        return JobState::Completed;
    if (state == u"EXIT" || state == u"PERR")
        return JobState::Failed;
    if (state == u"ZOMBI") // killed, but its host has not confirmed it
        return JobState::Completing;
    if (state == u"UNKWN") // mbatchd lost contact with the job's host
        return JobState::Unknown;
    return std::nullopt;
}

QDateTime parseTime(QStringView text, const QDateTime &now)
{
    QList<QStringView> words = text.trimmed().split(u' ', Qt::SkipEmptyParts);
    // A last single letter marks the kind of time (E: estimated, L: ...), not the time.
    if (!words.isEmpty() && words.back().size() == 1 && words.back()[0].isLetter())
        words.removeLast();
    if (words.size() != 3 && words.size() != 4)
        return {};
    // A leap year, so that "Feb 29" is a day; the year is settled below.
    const QDate day = QDate::fromString(QStringLiteral("%1 %2 2000").arg(words[0], words[1]),
                                        QStringLiteral("MMM d yyyy"));
    const QTime time = QTime::fromString(words[2].toString(), words[2].count(u':') == 2 ? QStringLiteral("HH:mm:ss")
                                                                                        : QStringLiteral("HH:mm"));
    if (!day.isValid() || !time.isValid())
        return {};
    if (words.size() == 4) {
        bool ok = false;
        const int year = words[3].toInt(&ok);
        return ok ? QDateTime(QDate(year, day.month(), day.day()), time, QTimeZone::UTC) : QDateTime();
    }
    const QDateTime reference = now.toUTC();
    for (int year = reference.date().year(); year >= reference.date().year() - 1; --year) {
        const QDateTime candidate(QDate(year, day.month(), day.day()), time, QTimeZone::UTC);
        if (candidate.isValid() && candidate <= reference.addDays(1))
            return candidate;
    }
    return {};
}

Result<QList<Job>> parseQueue(QByteArrayView output, const QDateTime &now)
{
    const auto list = records(output);
    if (!list)
        return failure(list.error());
    QList<Job> jobs;
    jobs.reserve(list->size());
    for (const Record &record : *list) {
        auto job = jobOf(record, now, true);
        if (!job)
            return failure(job.error());
        jobs.append(std::move(*job));
    }
    return jobs;
}

Result<QList<JobAccounting>> parseHistory(QByteArrayView output, const QDateTime &now)
{
    const auto list = records(output);
    if (!list)
        return failure(list.error());
    QList<JobAccounting> jobs;
    for (const Record &record : *list) {
        if (record.contains(u"ERROR"))
            continue; // a job asked for that LSF no longer knows: nothing to account
        const auto job = jobOf(record, now, true);
        if (!job)
            return failure(job.error());
        JobAccounting accounting = JobAccounting::fromJob(*job);
        accounting.exitCode = field(record, QLatin1StringView("EXIT_CODE"));
        if (accounting.state == JobState::Failed && accounting.timeEfficiency().value_or(0) >= 1)
            accounting.state = JobState::TimedOut;
        accounting.cpuSeconds = cpuSeconds(field(record, QLatin1StringView("CPU_USED")));
        if (const auto perSlot = requestedMemory(field(record, QLatin1StringView("EFFECTIVE_RESREQ"))))
            accounting.requestedMemoryBytes = *perSlot * std::max(1, accounting.allocatedCpus);
        accounting.maxRssBytes = memory(field(record, QLatin1StringView("MAX_MEM")));
        accounting.allocatedResources = field(record, QLatin1StringView("EFFECTIVE_RESREQ")).trimmed();
        jobs.append(std::move(accounting));
    }
    return jobs;
}

Result<JobDetails> parseJobRecord(QByteArrayView output, const QDateTime &now)
{
    const auto list = records(output);
    if (!list)
        return failure(list.error());
    if (list->isEmpty())
        return failure(sshcore::ErrorKind::Malformed, Tr::tr("bjobs did not describe the job."));
    const Record &record = list->front();
    auto job = jobOf(record, now, false);
    if (!job)
        return failure(job.error());
    JobDetails details;
    details.job = std::move(*job);
    // In the order asked for (bjobs keeps it), then whatever else came.
    QStringList names;
    for (const QByteArray &name : detailFields().split(' '))
        names.append(QString::fromLatin1(name).toUpper());
    for (const QString &name : record.keys()) {
        if (!names.contains(name))
            names.append(name);
    }
    for (const QString &name : std::as_const(names)) {
        if (record.contains(name))
            details.fields.append({name, record.value(name).toVariant().toString()});
    }
    return details;
}

Result<QList<Partition>> parseQueues(QByteArrayView output)
{
    const QStringList lines = QString::fromUtf8(output).split(u'\n', Qt::SkipEmptyParts);
    if (lines.isEmpty())
        return failure(sshcore::ErrorKind::Malformed, Tr::tr("bqueues listed no queues."));
    const QStringList header = lines.front().split(u' ', Qt::SkipEmptyParts);
    const qsizetype status = header.indexOf(QStringLiteral("STATUS"));
    const qsizetype running = header.indexOf(QStringLiteral("RUN"));
    if (header.value(0) != u"QUEUE_NAME" || status < 0)
        return failure(sshcore::ErrorKind::Malformed,
                       Tr::tr("bqueues printed a table clusterdesk cannot read (\"%1\").")
                           .arg(lines.front().left(120)));
    QList<Partition> partitions;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList columns = lines[i].split(u' ', Qt::SkipEmptyParts);
        if (columns.size() != header.size())
            return failure(sshcore::ErrorKind::Malformed,
                           Tr::tr(
                               "bqueues printed a line clusterdesk cannot read (\"%1\"). The list was left as it was.")
                               .arg(lines[i].trimmed().left(120)));
        Partition partition;
        partition.name = columns[0];
        // Open:Active takes and starts jobs; Closed, Inact_* do not.
        partition.available = columns[status] == u"Open:Active";
        if (running >= 0)
            partition.cpusAllocated = columns[running].toInt();
        partitions.append(std::move(partition));
    }
    return partitions;
}

Result<SubmitReply> parseSubmitted(QByteArrayView standardOutput, QByteArrayView standardError)
{
    static const QRegularExpression sentence(
        QStringLiteral("Job <(\\d+)> is submitted to (?:default )?queue <([^>]*)>\\.?"));
    const QString text = QString::fromUtf8(standardOutput);
    const auto match = sentence.match(text);
    if (!match.hasMatch()) {
        const QString said = QString::fromUtf8(standardError.isEmpty() ? standardOutput : standardError).trimmed();
        return failure(sshcore::ErrorKind::Malformed,
                       Tr::tr("bsub did not say which job it created: %1").arg(said.left(400)));
    }
    SubmitReply reply;
    reply.jobId = match.captured(1);
    QStringList warnings;
    for (const QString &line : text.split(u'\n', Qt::SkipEmptyParts)) {
        if (!line.contains(match.captured(0)))
            warnings.append(line.trimmed());
    }
    warnings += QString::fromUtf8(standardError).split(u'\n', Qt::SkipEmptyParts);
    reply.warnings = warnings.join(u'\n').trimmed();
    return reply;
}

} // namespace app::lsf
