// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/schedulers/gridengine/GridEngineParsers.h"

#include "app/schedulers/ResourceUnits.h"
#include "app/schedulers/gridengine/XmlElement.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QTimeZone>

#include <functional>

using sshcore::failure;
using sshcore::Result;

namespace app::gridengine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::gridengine)
};

// "2018-10-10T14:37:16" (qstat's job list), seconds or (Univa 8.6) milliseconds since the epoch
// (qstat -j).
QDateTime timeOf(const QString &text)
{
    bool isNumber = false;
    const qint64 number = text.toLongLong(&isNumber);
    if (isNumber)
        return number > 100'000'000'000 ? units::parseEpoch(QByteArray::number(number / 1000))
                                        : units::parseEpoch(text.toLatin1());
    QDateTime time = QDateTime::fromString(text, Qt::ISODate);
    if (time.isValid())
        time.setTimeZone(QTimeZone::UTC);
    return time;
}

std::optional<qint64> memory(const QString &text)
{
    if (text.isEmpty() || text == u"infinity")
        return std::nullopt;
    return units::parseMemory(text, 1);
}

// "general.q@worker" → "general.q"
QString queueOf(const QString &instance)
{
    return instance.section(u'@', 0, 0);
}

QString hostOf(const QString &instance)
{
    return instance.section(u'@', 1);
}

// One <job_list> of qstat -xml.
Result<Job> jobOf(const XmlElement &element, const QString &queueInstance)
{
    Job job;
    const QString number = element.childText(u"JB_job_number");
    job.stateText = element.childText(u"state");
    const auto state = stateFromGridEngine(job.stateText);
    if (number.isEmpty() || !state)
        return failure(sshcore::ErrorKind::Malformed,
                       Tr::tr(
                           "qstat listed job \"%1\" with the state \"%2\", which clusterdesk does not know. The list "
                           "was left as it was.")
                           .arg(number.left(40), job.stateText.left(20)));
    job.state = *state;
    job.id = number;
    if (const QString tasks = element.childText(u"tasks"); !tasks.isEmpty()) {
        job.arrayJobId = number;
        job.arrayTaskId = tasks;
        job.id = number + u'.' + tasks;
    }
    job.name = element.childText(u"full_job_name");
    if (job.name.isEmpty())
        job.name = element.childText(u"JB_name");
    job.user = element.childText(u"JB_owner");
    job.account = element.childText(u"JB_project");
    const QString instance = queueInstance.isEmpty() ? element.childText(u"queue_name") : queueInstance;
    job.partition = queueOf(instance);
    if (job.partition.isEmpty())
        job.partition = element.childText(u"hard_req_queue");
    job.nodeList = hostOf(instance);
    job.nodeCount = job.nodeList.isEmpty() ? 0 : 1;
    job.cpuCount = element.childText(u"slots").toInt();
    for (const XmlElement &request : element.children) {
        if (request.name != u"hard_request")
            continue;
        if (request.attribute(u"name") == u"h_rt")
            job.timeLimitSeconds = parseLimit(request.text);
        else if (request.attribute(u"name") == u"h_vmem" || request.attribute(u"name") == u"mem_free")
            job.memory = request.text;
    }
    job.submitTime = timeOf(element.childText(u"JB_submission_time"));
    job.startTime = timeOf(element.childText(u"JAT_start_time"));
    if (job.state == JobState::Held && job.stateText.contains(u'E'))
        job.reason = Tr::tr("error state (qstat -j %1 says why; qmod -cj clears it)").arg(number);
    return job;
}

// The text of a list element in one line: name=value pairs, paths, queue names; the rest of its
// leaves as leaf=value, less Grid Engine's bookkeeping (value types, positions, access marks).
QString summary(const XmlElement &element)
{
    QList<const XmlElement *> leaves;
    const std::function<void(const XmlElement &)> collect = [&](const XmlElement &node) {
        for (const XmlElement &child : node.children) {
            if (child.children.isEmpty())
                leaves.append(&child);
            else
                collect(child);
        }
    };
    collect(element);
    static const QList<std::pair<QString, QString>> pairs{{QStringLiteral("VA_variable"), QStringLiteral("VA_value")},
                                                          {QStringLiteral("CE_name"), QStringLiteral("CE_stringval")},
                                                          {QStringLiteral("UA_name"), QStringLiteral("UA_value")}};
    static const QRegularExpression noise(
        QStringLiteral("^(CE_|BN_|PN_host|PN_file|PN_access|ST_pos|ST_access|QR_pos|QR_access|JG_(?!qname|slots))"));
    QStringList parts;
    for (qsizetype i = 0; i < leaves.size(); ++i) {
        const XmlElement &leaf = *leaves[i];
        const auto pair = std::ranges::find(pairs, leaf.name, &std::pair<QString, QString>::first);
        if (pair != pairs.end()) {
            QString value;
            for (qsizetype j = i + 1; j < leaves.size() && j <= i + 12; ++j) {
                if (leaves[j]->name == pair->second) {
                    value = leaves[j]->text;
                    break;
                }
            }
            parts.append(leaf.text + u'=' + value);
        } else if (leaf.name == u"PN_path" || leaf.name == u"QR_name" || leaf.name == u"ST_name") {
            parts.append(leaf.text);
        } else if (!noise.match(leaf.name).hasMatch() && !leaf.text.isEmpty() && leaf.name != u"VA_value"
                   && leaf.name != u"UA_value") {
            parts.append(leaf.name + u'=' + leaf.text);
        }
    }
    return parts.join(QStringLiteral(", "));
}

// A hard resource request of qstat -j's job ("h_rt", "h_vmem"): its value as written.
QString hardRequest(const XmlElement &job, QStringView name)
{
    const XmlElement *list = job.child(u"JB_hard_resource_list");
    if (!list)
        return {};
    // Univa 8.6 lists CE_* elements directly; others wrap each request in <qstat_l_requests>.
    const QList<XmlElement> &items = list->children;
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (items[i].name == u"CE_name" && items[i].text == name) {
            for (qsizetype j = i + 1; j < items.size() && items[j].name != u"CE_name"; ++j) {
                if (items[j].name == u"CE_stringval")
                    return items[j].text;
            }
            return {};
        }
        if (items[i].childText(u"CE_name") == name)
            return items[i].childText(u"CE_stringval");
    }
    return {};
}

// The state of qstat -j's job from its first task: none yet is pending; JAT_status's bits
// (Grid Engine's JRUNNING 0x80, JSUSPENDED 0x100, JTRANSFERING 0x200, JDELETED 0x400, JWAITING 0x800,
// JEXITING 0x1000).
JobState detailState(const XmlElement *task, const XmlElement &job)
{
    if (!task)
        return job.find(u"JB_ja_n_h_ids") || job.find(u"JB_ja_u_h_ids") ? JobState::Held : JobState::Pending;
    if (task->childText(u"JAT_hold").toInt() != 0)
        return JobState::Held;
    const int status = task->childText(u"JAT_status").toInt();
    if (status & 0x1400)
        return JobState::Completing;
    if (status & 0x100)
        return JobState::Suspended;
    if (status & 0x280)
        return JobState::Running;
    if (status & 0x800)
        return JobState::Pending;
    return JobState::Unknown;
}

} // namespace

std::optional<JobState> stateFromGridEngine(QStringView state)
{
    static const QRegularExpression letters(QStringLiteral("^[dEhrRsStTwq]+$"));
    if (!letters.matchView(state).hasMatch())
        return std::nullopt;
    if (state.contains(u'E')) // an error keeps the job from running until it is cleared
        return JobState::Held;
    if (state.contains(u'd'))
        return JobState::Completing;
    if (state.contains(u'h'))
        return JobState::Held;
    if (state.contains(u's') || state.contains(u'S') || state.contains(u'T'))
        return JobState::Suspended;
    if (state.contains(u'r') || state.contains(u't'))
        return JobState::Running;
    if (state.contains(u'q') || state.contains(u'w'))
        return JobState::Pending;
    return std::nullopt;
}

std::optional<qint64> parseLimit(QStringView text)
{
    text = text.trimmed();
    if (text.isEmpty() || text == u"infinity")
        return std::nullopt;
    if (!text.contains(u':')) {
        bool ok = false;
        const qint64 seconds = text.toLongLong(&ok);
        return ok && seconds >= 0 ? std::optional<qint64>(seconds) : std::nullopt;
    }
    return units::parseDurationSeconds(text);
}

Result<QList<Job>> parseQueue(QByteArrayView output)
{
    if (output.trimmed().isEmpty())
        return failure(sshcore::ErrorKind::Malformed,
                       Tr::tr("qstat printed nothing (it prints an empty job list when there are no jobs)."));
    const auto root = XmlElement::read(output);
    if (!root)
        return failure(root.error());
    if (root->name != u"job_info")
        return failure(sshcore::ErrorKind::Malformed,
                       Tr::tr("qstat printed <%1> where a job list was expected.").arg(root->name.left(40)));
    QList<Job> jobs;
    // Running jobs sit in their queue instance's <Queue-List> (qstat -f) or carry <queue_name>.
    const std::function<Result<void>(const XmlElement &, const QString &)> walk =
        [&](const XmlElement &element, const QString &instance) -> Result<void> {
        for (const XmlElement &child : element.children) {
            if (child.name == u"job_list") {
                auto job = jobOf(child, instance);
                if (!job)
                    return failure(job.error());
                jobs.append(std::move(*job));
            } else if (child.name == u"Queue-List") {
                if (auto done = walk(child, child.childText(u"name")); !done)
                    return done;
            } else if (!child.children.isEmpty()) {
                if (auto done = walk(child, instance); !done)
                    return done;
            }
        }
        return {};
    };
    if (auto done = walk(*root, QString()); !done)
        return failure(done.error());
    return jobs;
}

Result<JobDetails> parseJobRecord(QByteArrayView output)
{
    if (XmlElement::rootName(output) == u"unknown_jobs")
        return failure(sshcore::ErrorKind::NotFound,
                       Tr::tr("Grid Engine no longer knows this job: it has finished (its accounting tells how it "
                              "ended)."));
    const auto root = XmlElement::read(output);
    if (!root)
        return failure(root.error());
    const XmlElement *info = root->name == u"detailed_job_info" ? root->child(u"djob_info") : nullptr;
    if (info && info->child(u"element"))
        info = info->child(u"element"); // Univa 8.0 wraps the job once more
    if (!info || info->childText(u"JB_job_number").isEmpty())
        return failure(sshcore::ErrorKind::Malformed,
                       Tr::tr("qstat did not describe the job (it printed <%1>).").arg(root->name.left(40)));
    JobDetails details;
    for (const XmlElement &child : info->children)
        details.fields.append({child.name, child.children.isEmpty() ? child.text : summary(child)});
    const XmlElement &jobElement = *info;
    Job &job = details.job;
    job.id = jobElement.childText(u"JB_job_number");
    job.name = jobElement.childText(u"JB_job_name");
    job.user = jobElement.childText(u"JB_owner");
    job.account = jobElement.childText(u"JB_project");
    const XmlElement *tasks = jobElement.child(u"JB_ja_tasks");
    const XmlElement *task = tasks ? (tasks->child(u"ulong_sublist") ? tasks->child(u"ulong_sublist") : tasks)
                                   : nullptr;
    job.state = detailState(task, jobElement);
    job.stateText = task ? task->childText(u"JAT_status") : QString();
    if (const XmlElement *granted = jobElement.find(u"JG_qname")) {
        job.partition = queueOf(granted->text);
        job.nodeList = hostOf(granted->text);
        job.nodeCount = 1;
    } else if (const XmlElement *queue = jobElement.find(u"QR_name")) {
        job.partition = queue->text;
    }
    const XmlElement *range = jobElement.find(u"RN_min");
    job.cpuCount = jobElement.child(u"JB_pe") && range ? range->text.toInt() : 1;
    job.timeLimitSeconds = parseLimit(hardRequest(jobElement, u"h_rt"));
    job.memory = hardRequest(jobElement, u"h_vmem");
    job.submitTime = timeOf(jobElement.childText(u"JB_submission_time"));
    if (task)
        job.startTime = timeOf(task->childText(u"JAT_start_time"));
    job.workDirectory = jobElement.childText(u"JB_cwd");
    if (const XmlElement *out = jobElement.child(u"JB_stdout_path_list"); out && out->find(u"PN_path"))
        job.standardOutput = out->find(u"PN_path")->text;
    if (const XmlElement *err = jobElement.child(u"JB_stderr_path_list"); err && err->find(u"PN_path"))
        job.standardError = err->find(u"PN_path")->text;
    return details;
}

Result<QList<Partition>> parseQueues(QByteArrayView output)
{
    const auto root = XmlElement::read(output);
    if (!root)
        return failure(root.error());
    if (root->name != u"job_info")
        return failure(sshcore::ErrorKind::Malformed,
                       Tr::tr("qstat printed <%1> where a queue list was expected.").arg(root->name.left(40)));
    const XmlElement *queues = root->child(u"queue_info");
    QList<Partition> partitions;
    if (!queues)
        return partitions;
    for (const XmlElement &instance : queues->children) {
        if (instance.name != u"Queue-List")
            continue;
        const QString name = queueOf(instance.childText(u"name"));
        if (name.isEmpty())
            return failure(sshcore::ErrorKind::Malformed, Tr::tr("qstat listed a queue instance without a name."));
        auto it = std::ranges::find(partitions, name, &Partition::name);
        if (it == partitions.end()) {
            Partition partition;
            partition.name = name;
            partition.available = false;
            partitions.append(partition);
            it = partitions.end() - 1;
        }
        // A queue instance's state letters: d(isabled), u(nknown), E(rror), s/S/C/D (suspended,
        // by calendar): no new jobs there.
        static const QRegularExpression closed(QStringLiteral("[duEsSCDa]"));
        if (!closed.match(instance.childText(u"state")).hasMatch() || instance.childText(u"state").isEmpty())
            it->available = true;
        const int total = instance.childText(u"slots_total").toInt();
        const int used = instance.childText(u"slots_used").toInt() + instance.childText(u"slots_resv").toInt();
        it->nodes += 1;
        it->cpusTotal += total;
        it->cpusAllocated += used;
        it->cpusIdle += std::max(0, total - used);
        for (const XmlElement &resource : instance.children) {
            if (resource.name != u"resource")
                continue;
            if (resource.attribute(u"name") == u"h_rt") {
                if (const auto limit = parseLimit(resource.text))
                    it->maxTimeSeconds = std::max(it->maxTimeSeconds.value_or(0), *limit);
            } else if (resource.attribute(u"name") == u"mem_total") {
                if (const auto bytes = memory(resource.text))
                    it->memoryPerNodeBytes = std::min(it->memoryPerNodeBytes.value_or(*bytes), *bytes);
            }
        }
    }
    return partitions;
}

namespace {

// "60s", "0.144s", "361": seconds, with or without qacct's unit.
std::optional<double> seconds(QString text)
{
    text = text.trimmed();
    if (text.endsWith(u's'))
        text.chop(1);
    bool ok = false;
    const double value = text.toDouble(&ok);
    return ok && value >= 0 ? std::optional<double>(value) : std::nullopt;
}

// "-l h_rt=57600,h_vmem=16000M,mem_free=16000M" in a job's category: one request's value.
QString categoryRequest(const QString &category, QStringView name)
{
    static const QRegularExpression request(QStringLiteral("(?:^|[ ,])([A-Za-z_]+)=([^ ,]+)"));
    for (auto it = request.globalMatch(category); it.hasNext();) {
        const auto match = it.next();
        if (match.capturedView(1) == name)
            return match.captured(2);
    }
    return {};
}

// How a job ended: qacct's "failed" is Grid Engine's own verdict (0: it ran to its end), the exit
// status the job's. Killed with SIGKILL (137) after its h_rt, or at its h_vmem: out of time or
// memory; otherwise deleted.
JobState accountedState(const JobAccounting &job, int failed, int exitStatus, std::optional<qint64> vmemLimit)
{
    if (failed == 0)
        return exitStatus == 0 ? JobState::Completed : JobState::Failed;
    if (job.timeEfficiency().value_or(0) >= 1)
        return JobState::TimedOut;
    if (vmemLimit && job.maxRssBytes && *job.maxRssBytes >= *vmemLimit * 99 / 100)
        return JobState::OutOfMemory;
    if (failed == 100 && exitStatus > 128)
        return JobState::Cancelled;
    return JobState::Failed;
}

Result<JobAccounting> accountingOf(const QList<std::pair<QString, QString>> &fields)
{
    const auto value = [&](QStringView key) { return valueOf(fields, key); };
    JobAccounting job;
    const QString number = value(u"jobnumber");
    static const QRegularExpression leadingNumber(QStringLiteral("^(-?\\d+)"));
    const auto failedMatch = leadingNumber.match(value(u"failed"));
    const auto exitMatch = leadingNumber.match(value(u"exit_status"));
    if (number.isEmpty() || !failedMatch.hasMatch() || !exitMatch.hasMatch())
        return failure(sshcore::ErrorKind::Malformed,
                       Tr::tr(
                           "qacct printed a job without its number, failed or exit_status (job \"%1\"). The list was "
                           "left as it was.")
                           .arg(number.left(40)));
    const QString task = value(u"taskid");
    job.id = task.isEmpty() || task == u"undefined" ? number : number + u'.' + task;
    job.name = value(u"jobname");
    job.user = value(u"owner");
    job.partition = value(u"qname");
    job.account = value(u"project") == u"NONE" ? QString() : value(u"project");
    job.exitCode = exitMatch.captured(1);
    job.stateText = value(u"failed");
    if (const auto wall = seconds(value(u"ru_wallclock")))
        job.elapsedSeconds = qint64(*wall);
    job.cpuSeconds = seconds(value(u"cpu"));
    job.allocatedCpus = std::max(1, value(u"slots").toInt());
    job.nodeCount = 1;
    const QString category = value(u"category");
    job.timeLimitSeconds = parseLimit(categoryRequest(category, u"h_rt"));
    // h_vmem is per slot.
    const auto vmemLimit = memory(categoryRequest(category, u"h_vmem"));
    if (vmemLimit)
        job.requestedMemoryBytes = *vmemLimit * job.allocatedCpus;
    job.maxRssBytes = memory(value(u"maxvmem"));
    job.allocatedResources = category;
    job.submitTime = units::parseCTime(value(u"qsub_time"));
    job.startTime = units::parseCTime(value(u"start_time"));
    job.endTime = units::parseCTime(value(u"end_time"));
    job.state = accountedState(job, failedMatch.captured(1).toInt(), exitMatch.captured(1).toInt(), vmemLimit);
    return job;
}

} // namespace

Result<QList<JobAccounting>> parseHistory(QByteArrayView output)
{
    const QString text = QString::fromUtf8(output);
    if (text.contains(u"Total System Usage"))
        return failure(sshcore::ErrorKind::Malformed,
                       Tr::tr("qacct printed its summary instead of jobs: no job matched."));
    static const QRegularExpression line(QStringLiteral("^([a-z_0-9]+)(?:\\s+(.*))?$"));
    QList<QList<std::pair<QString, QString>>> blocks(1);
    for (QStringView raw : QStringView(text).split(u'\n')) {
        const QString trimmed = raw.trimmed().toString();
        if (trimmed.isEmpty())
            continue;
        if (trimmed.startsWith(QStringLiteral("=========="))) {
            if (!blocks.back().isEmpty())
                blocks.emplaceBack();
            continue;
        }
        const auto match = line.match(trimmed);
        if (!match.hasMatch())
            return failure(sshcore::ErrorKind::Malformed,
                           Tr::tr("qacct printed a line clusterdesk cannot read (\"%1\"). The list was left as it was.")
                               .arg(trimmed.left(120)));
        blocks.back().append({match.captured(1), match.captured(2).trimmed()});
    }
    QList<JobAccounting> jobs;
    QHash<QString, qsizetype> byId;
    for (const auto &block : std::as_const(blocks)) {
        if (block.isEmpty())
            continue;
        auto job = accountingOf(block);
        if (!job)
            return failure(job.error());
        // A tightly integrated parallel job has a record per task besides its master's: the CPU
        // time adds up, the memory is the largest, the rest is the master's.
        const auto seen = byId.constFind(job->id);
        if (seen == byId.cend()) {
            byId.insert(job->id, jobs.size());
            jobs.append(std::move(*job));
            continue;
        }
        JobAccounting &kept = jobs[*seen];
        const auto cpu = kept.cpuSeconds.value_or(0) + job->cpuSeconds.value_or(0);
        const auto rss = std::max(kept.maxRssBytes.value_or(0), job->maxRssBytes.value_or(0));
        const QString task = valueOf(block, u"pe_taskid");
        if (task.isEmpty() || task == u"NONE")
            kept = std::move(*job);
        kept.cpuSeconds = cpu;
        kept.maxRssBytes = rss;
    }
    return jobs;
}

Result<SubmitReply> parseSubmitted(QByteArrayView standardOutput, QByteArrayView standardError)
{
    static const QRegularExpression sentence(
        QStringLiteral("Your job(?:-array)? (\\d+)(?:\\.[\\d:-]+)? \\(\"(.*)\"\\) has been submitted"));
    static const QRegularExpression terse(QStringLiteral("^(\\d+)(?:\\.[\\d:-]+)?$"));
    const QString text = QString::fromUtf8(standardOutput);
    QStringList lines = text.split(u'\n', Qt::SkipEmptyParts);
    QString id;
    for (qsizetype i = 0; i < lines.size() && id.isEmpty(); ++i) {
        const QString line = lines[i].trimmed();
        if (const auto match = sentence.match(line); match.hasMatch())
            id = match.captured(1);
        else if (const auto bare = terse.match(line); bare.hasMatch())
            id = bare.captured(1);
        if (!id.isEmpty())
            lines.removeAt(i);
    }
    if (id.isEmpty()) {
        const QString said = QString::fromUtf8(standardError.isEmpty() ? standardOutput : standardError).trimmed();
        return failure(sshcore::ErrorKind::Malformed,
                       Tr::tr("qsub did not say which job it created: %1").arg(said.left(400)));
    }
    SubmitReply reply;
    reply.jobId = id;
    lines += QString::fromUtf8(standardError).split(u'\n', Qt::SkipEmptyParts);
    reply.warnings = lines.join(u'\n').trimmed();
    return reply;
}

} // namespace app::gridengine
