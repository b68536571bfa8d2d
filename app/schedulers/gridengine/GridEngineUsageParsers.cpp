// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/schedulers/gridengine/GridEngineUsageParsers.h"

#include "app/schedulers/ResourceUnits.h"
#include "app/schedulers/gridengine/XmlElement.h"

#include <QCoreApplication>
#include <QMap>

#include <cmath>

using sshcore::failure;
using sshcore::Result;

namespace app::gridengine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::gridengine)
};

// The (name, value) pairs of a list whose entries are either siblings (<UA_name>cpu</UA_name>
// <UA_value>1.0</UA_value>, as SGE 6.2 and Univa 8.6 print them) or wrapped one per element
// (<scaled><UA_name>...), as Univa 8.0 does.
QList<std::pair<QString, QString>> pairsOf(const XmlElement &list, QStringView nameTag, QStringView valueTag)
{
    QList<std::pair<QString, QString>> pairs;
    QString pending;
    for (const XmlElement &child : list.children) {
        if (child.name == nameTag) {
            pending = child.text;
        } else if (child.name == valueTag && !pending.isEmpty()) {
            pairs.append({pending, child.text});
            pending.clear();
        } else if (!child.children.isEmpty()) {
            pairs.append(pairsOf(child, nameTag, valueTag));
        }
    }
    return pairs;
}

std::optional<double> numberOf(const QString &text)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    return ok && std::isfinite(value) && value >= 0 ? std::optional<double>(value) : std::nullopt;
}

std::optional<qint64> bytesOf(const QString &text)
{
    const auto value = numberOf(text);
    return value && *value < 9.0e18 ? std::optional<qint64>(qint64(*value)) : std::nullopt;
}

// Every element named name below element (depth first), element itself included.
void collect(const XmlElement &element, QStringView name, QList<const XmlElement *> &into)
{
    if (element.name == name)
        into.append(&element);
    for (const XmlElement &child : element.children)
        collect(child, name, into);
}

// The elements that hold a job: those with a JB_job_number child.
void jobsIn(const XmlElement &element, QList<const XmlElement *> &into)
{
    if (element.child(u"JB_job_number")) {
        into.append(&element);
        return;
    }
    for (const XmlElement &child : element.children)
        jobsIn(child, into);
}

// A range's RN_min and RN_max ("1-1:1" for a job that is no array).
std::pair<int, int> rangeOf(const XmlElement *range)
{
    if (!range)
        return {0, 0};
    const XmlElement *min = range->find(u"RN_min");
    const XmlElement *max = range->find(u"RN_max");
    return {min ? min->text.toInt() : 0, max ? max->text.toInt() : 0};
}

// The tasks of JB_ja_tasks: each a sublist element, or (Univa 8.6) the list itself holding one.
QList<const XmlElement *> tasksOf(const XmlElement &tasks)
{
    QList<const XmlElement *> result;
    if (tasks.child(u"JAT_task_number")) {
        result.append(&tasks);
        return result;
    }
    for (const XmlElement &child : tasks.children) {
        if (child.child(u"JAT_task_number"))
            result.append(&child);
    }
    return result;
}

} // namespace

Result<QList<JobUsage>> parseUsage(QByteArrayView output)
{
    QList<JobUsage> jobs;
    // Jobs it does not know qstat lists in <unknown_jobs>, before or after the known ones: read
    // only the <djob_info> part.
    const qsizetype begin = output.indexOf("<djob_info");
    if (begin < 0) {
        if (output.trimmed().isEmpty() || XmlElement::rootName(output) == u"unknown_jobs"
            || output.contains("<unknown_jobs"))
            return jobs;
        return failure(sshcore::ErrorKind::Malformed,
                       Tr::tr("qstat did not describe the jobs (it printed \"%1\").")
                           .arg(QString::fromUtf8(output.first(std::min<qsizetype>(output.size(), 120))).trimmed()));
    }
    const qsizetype end = output.indexOf("</djob_info>", begin);
    if (end < 0)
        return failure(sshcore::ErrorKind::Malformed, Tr::tr("qstat's description of the jobs was cut short."));
    const auto root = XmlElement::read(output.sliced(begin, end + 12 - begin));
    if (!root)
        return failure(root.error());
    QList<const XmlElement *> jobElements;
    jobsIn(*root, jobElements);
    for (const XmlElement *job : std::as_const(jobElements)) {
        const QString number = job->childText(u"JB_job_number");
        const auto [firstTask, lastTask] = rangeOf(job->child(u"JB_ja_structure"));
        const bool isArray = lastTask > firstTask || firstTask > 1;
        const int slotCount = std::max(1, rangeOf(job->child(u"JB_pe_range")).first);
        std::optional<qint64> slotLimit;
        if (const XmlElement *requests = job->child(u"JB_hard_resource_list")) {
            for (const auto &[name, value] : pairsOf(*requests, u"CE_name", u"CE_stringval")) {
                if (name == u"h_vmem" && value != u"infinity")
                    slotLimit = units::parseMemory(value, 1);
            }
        }
        const XmlElement *taskList = job->child(u"JB_ja_tasks");
        if (!taskList)
            continue; // pending: nothing runs yet
        for (const XmlElement *task : tasksOf(*taskList)) {
            const XmlElement *usageList = task->child(u"JAT_scaled_usage_list");
            if (!usageList)
                continue;
            JobUsage usage;
            usage.jobId = isArray ? number + u'.' + task->childText(u"JAT_task_number") : number;
            usage.allocatedCpus = slotCount;
            if (slotLimit)
                usage.memoryLimitBytes = *slotLimit * slotCount;
            for (const auto &[name, value] : pairsOf(*usageList, u"UA_name", u"UA_value")) {
                if (name == u"cpu") {
                    usage.cpuSeconds = numberOf(value);
                } else if (name == u"vmem") {
                    usage.virtualMemoryBytes = bytesOf(value);
                } else if (name == u"maxvmem") {
                    usage.maxVirtualMemoryBytes = bytesOf(value);
                } else if (name == u"wallclock") {
                    if (const auto seconds = numberOf(value))
                        usage.elapsedSeconds = qint64(*seconds);
                }
            }
            jobs.append(usage);
        }
    }
    if (jobElements.isEmpty())
        return failure(sshcore::ErrorKind::Malformed, Tr::tr("qstat described no job where jobs were expected."));
    return jobs;
}

Result<QList<PartitionUse>> parseQueueUse(QByteArrayView output)
{
    const auto root = XmlElement::read(output);
    if (!root)
        return failure(root.error());
    if (root->name != u"job_info")
        return failure(sshcore::ErrorKind::Malformed,
                       Tr::tr("qstat printed <%1> where a queue list was expected.").arg(root->name.left(40)));
    QList<const XmlElement *> instances;
    collect(*root, u"Queue-List", instances);
    QMap<QString, PartitionUse> queues;
    for (const XmlElement *instance : std::as_const(instances)) {
        const QString name = instance->childText(u"name").section(u'@', 0, 0);
        if (name.isEmpty())
            return failure(sshcore::ErrorKind::Malformed, Tr::tr("qstat listed a queue instance without a name."));
        const int total = std::max(0, instance->childText(u"slots_total").toInt());
        const int used = std::clamp(instance->childText(u"slots_used").toInt(), 0, total);
        const int reserved = std::clamp(instance->childText(u"slots_resv").toInt(), 0, total - used);
        static const QString closedLetters = QStringLiteral("uadEsSCDoc");
        const QString state = instance->childText(u"state");
        const bool unavailable = std::ranges::any_of(state, [](QChar c) { return closedLetters.contains(c); });
        PartitionUse &use = queues[name];
        use.partition = name;
        use.nodes += 1;
        use.cpusAllocated += used;
        use.cpusUnavailable += reserved;
        (unavailable ? use.cpusUnavailable : use.cpusIdle) += total - used - reserved;
    }
    return queues.values();
}

} // namespace app::gridengine
