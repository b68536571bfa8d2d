// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/schedulers/pbs/PbsUsageParsers.h"

#include "app/schedulers/ResourceUnits.h"
#include "app/schedulers/pbs/PbsRecord.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>

using sshcore::failure;
using sshcore::Result;

namespace app::pbs {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::pbs)
};

// "5660kb", "8gb", "1024mb"; a bare number is bytes.
std::optional<qint64> memoryOf(const QString &text)
{
    if (text.isEmpty())
        return std::nullopt;
    return units::parseMemory(text, 1);
}

std::optional<int> positive(int value)
{
    return value > 0 ? std::optional<int>(value) : std::nullopt;
}

// Torque's "2:ppn=2" (nodes times processors per node).
std::optional<int> cpusOfNodes(const QString &nodes)
{
    static const QRegularExpression spec(QStringLiteral("^(\\d+)(?::ppn=(\\d+))?"));
    const auto match = spec.match(nodes);
    if (!match.hasMatch())
        return std::nullopt;
    const int count = match.captured(1).toInt();
    return positive(match.hasCaptured(2) ? count * match.captured(2).toInt() : count);
}

} // namespace

Result<QList<JobUsage>> parseUsage(QByteArrayView output)
{
    const auto records = PbsRecord::read(output, PbsRecord::Kind::Job);
    if (!records)
        return failure(records.error());
    QList<JobUsage> jobs;
    for (const PbsRecord &record : *records) {
        const QString state = record.value(u"job_state");
        if (state != u"R" && state != u"E" && state != u"S" && state != u"U")
            continue;
        JobUsage usage;
        usage.jobId = record.id;
        if (record.has(u"resources_used.cput"))
            usage.cpuSeconds = units::parseDuration(record.value(u"resources_used.cput"));
        usage.elapsedSeconds = units::parseDurationSeconds(record.value(u"resources_used.walltime"));
        usage.maxRssBytes = memoryOf(record.value(u"resources_used.mem"));
        usage.maxVirtualMemoryBytes = memoryOf(record.value(u"resources_used.vmem"));
        usage.memoryLimitBytes = memoryOf(record.value(u"Resource_List.mem"));
        usage.allocatedCpus = positive(record.value(u"resources_used.ncpus").toInt());
        if (!usage.allocatedCpus)
            usage.allocatedCpus = positive(record.value(u"Resource_List.ncpus").toInt());
        if (!usage.allocatedCpus)
            usage.allocatedCpus = cpusOfNodes(record.value(u"Resource_List.nodes"));
        jobs.append(usage);
    }
    return jobs;
}

namespace {

QString text(const QJsonValue &value)
{
    if (value.isDouble())
        return QString::number(qint64(value.toDouble()));
    return value.toString();
}

int count(const QJsonObject &resources, QLatin1StringView name)
{
    const QJsonValue value = resources.value(name);
    return std::max(0, value.isDouble() ? int(value.toDouble()) : value.toString().toInt());
}

// "free", "job-busy", "down,offline", "resv-exclusive", "state-unknown,down"
bool isUnavailable(const QString &state)
{
    static const QStringList words = {QStringLiteral("down"),           QStringLiteral("offline"),
                                      QStringLiteral("state-unknown"),  QStringLiteral("unknown"),
                                      QStringLiteral("unresolvable"),   QStringLiteral("stale"),
                                      QStringLiteral("maintenance"),    QStringLiteral("sleep"),
                                      QStringLiteral("provisioning"),   QStringLiteral("wait-provisioning"),
                                      QStringLiteral("resv-exclusive"), QStringLiteral("initializing")};
    for (const QString &word : state.split(u',', Qt::SkipEmptyParts)) {
        if (words.contains(word.trimmed()))
            return true;
    }
    return false;
}

} // namespace

Result<QList<PartitionUse>> parseNodes(QByteArrayView output)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(output.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return failure(sshcore::ErrorKind::Malformed,
                       Tr::tr("pbsnodes printed JSON that clusterdesk cannot read (%1 at character %2).")
                           .arg(error.errorString())
                           .arg(error.offset));
    const QJsonValue nodesValue = document.object().value(u"nodes");
    if (!nodesValue.isObject())
        return failure(sshcore::ErrorKind::Malformed,
                       Tr::tr(
                           "pbsnodes printed JSON without its nodes: this is not pbsnodes output clusterdesk knows."));
    const QJsonObject nodes = nodesValue.toObject();
    QMap<QString, PartitionUse> queues;
    for (auto it = nodes.begin(); it != nodes.end(); ++it) {
        if (!it.value().isObject())
            return failure(sshcore::ErrorKind::Malformed,
                           Tr::tr("pbsnodes described node \"%1\" as something that is not a node.")
                               .arg(it.key().left(60)));
        const QJsonObject node = it.value().toObject();
        const QJsonObject available = node.value(u"resources_available").toObject();
        const QJsonObject assigned = node.value(u"resources_assigned").toObject();
        const QString state = text(node.value(u"state"));
        if (state.isEmpty())
            return failure(sshcore::ErrorKind::Malformed,
                           Tr::tr("pbsnodes described node \"%1\" without its state.").arg(it.key().left(60)));
        const bool unavailable = isUnavailable(state);
        const bool whole = state.split(u',').contains(QStringLiteral("job-exclusive"));
        const int cpus = count(available, QLatin1StringView("ncpus"));
        const int gpus = count(available, QLatin1StringView("ngpus"));
        const auto memory = memoryOf(text(available.value(u"mem")));
        const int cpusAssigned = whole ? cpus : std::min(cpus, count(assigned, QLatin1StringView("ncpus")));
        const int gpusAssigned = whole ? gpus : std::min(gpus, count(assigned, QLatin1StringView("ngpus")));
        const qint64 memoryAssigned = whole ? memory.value_or(0)
                                            : std::clamp<qint64>(memoryOf(text(assigned.value(u"mem"))).value_or(0), 0,
                                                                 memory.value_or(0));
        QStringList names;
        if (const QString queue = text(node.value(u"queue")); !queue.isEmpty())
            names.append(queue);
        else
            names = text(available.value(u"Qlist")).split(u',', Qt::SkipEmptyParts);
        if (names.isEmpty())
            names.append(QString());
        for (const QString &name : std::as_const(names)) {
            PartitionUse &use = queues[name.trimmed()];
            use.partition = name.trimmed();
            use.nodes += 1;
            use.cpusAllocated += cpusAssigned;
            (unavailable ? use.cpusUnavailable : use.cpusIdle) += cpus - cpusAssigned;
            if (memory) {
                use.hasMemory = true;
                use.memoryAllocatedBytes += memoryAssigned;
                (unavailable ? use.memoryUnavailableBytes : use.memoryIdleBytes) += *memory - memoryAssigned;
            }
            if (gpus > 0) {
                use.hasGpus = true;
                use.gpusAllocated += gpusAssigned;
                (unavailable ? use.gpusUnavailable : use.gpusIdle) += gpus - gpusAssigned;
            }
        }
    }
    return queues.values();
}

} // namespace app::pbs
