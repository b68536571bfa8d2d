// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/schedulers/slurm/SlurmUsageParsers.h"

#include "app/schedulers/ResourceUnits.h"

#include <QCoreApplication>
#include <QHash>
#include <QMap>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <array>

using sshcore::failure;
using sshcore::Result;

namespace app::slurm {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::slurm)
};

QList<QByteArrayView> lines(QByteArrayView output)
{
    QList<QByteArrayView> result;
    qsizetype start = 0;
    while (start < output.size()) {
        qsizetype end = output.indexOf('\n', start);
        if (end < 0)
            end = output.size();
        QByteArrayView line = output.sliced(start, end - start);
        if (!line.isEmpty() && line.back() == '\r')
            line.chop(1);
        if (!line.trimmed().isEmpty())
            result.append(line);
        start = end + 1;
    }
    return result;
}

QString shown(QByteArrayView line)
{
    return QString::fromUtf8(line.first(std::min<qsizetype>(line.size(), 120)));
}

// "12836K", "13144064" (--noconvert: bytes), "8G"; Slurm's units are 1024-based.
std::optional<qint64> bytesOf(std::optional<QByteArrayView> value, qint64 defaultUnit)
{
    if (!value || value->isEmpty())
        return std::nullopt;
    return units::parseMemory(QString::fromLatin1(*value), defaultUnit);
}

std::optional<qint64> add(std::optional<qint64> sum, std::optional<qint64> value)
{
    if (!value)
        return sum;
    return sum.value_or(0) + *value;
}

std::optional<qint64> largest(std::optional<qint64> current, std::optional<qint64> value)
{
    if (!value)
        return current;
    return std::max(current.value_or(0), *value);
}

} // namespace

std::optional<QByteArrayView> tresValue(QByteArrayView tres, QByteArrayView key)
{
    qsizetype start = 0;
    while (start <= tres.size()) {
        qsizetype end = tres.indexOf(',', start);
        if (end < 0)
            end = tres.size();
        const QByteArrayView entry = tres.sliced(start, end - start);
        if (entry.size() > key.size() && entry.startsWith(key) && entry[key.size()] == '=')
            return entry.sliced(key.size() + 1);
        start = end + 1;
    }
    return std::nullopt;
}

std::optional<double> gpuUtilisationOf(QByteArrayView tres)
{
    const auto value = tresValue(tres, "gres/gpuutil");
    if (!value)
        return std::nullopt;
    bool ok = false;
    const double percent = value->toDouble(&ok);
    return ok && percent >= 0 ? std::optional<double>(percent) : std::nullopt;
}

std::optional<qint64> gpuMemoryOf(QByteArrayView tres)
{
    return bytesOf(tresValue(tres, "gres/gpumem"), 1);
}

QByteArray usageFormat()
{
    return QByteArrayLiteral("JobID,TRESUsageInTot,TRESUsageInMax");
}

Result<QList<JobUsage>> parseUsage(QByteArrayView output)
{
    QList<JobUsage> jobs;
    QHash<QByteArrayView, qsizetype> byId;
    QSet<QByteArrayView> steps;
    for (const QByteArrayView line : lines(output)) {
        std::array<QByteArrayView, 3> f;
        qsizetype count = 0;
        qsizetype start = 0;
        while (count < 4) {
            const qsizetype end = line.indexOf('|', start);
            if (count < 3)
                f[count] = line.sliced(start, (end < 0 ? line.size() : end) - start);
            ++count;
            if (end < 0)
                break;
            start = end + 1;
        }
        const QByteArrayView stepId = f[0];
        const qsizetype dot = stepId.indexOf('.');
        const QByteArrayView jobId = dot < 0 ? stepId : stepId.first(dot);
        if (count != 3 || jobId.isEmpty() || jobId.front() < '0' || jobId.front() > '9')
            return failure(sshcore::ErrorKind::Malformed,
                           Tr::tr("sstat printed a line clusterdesk cannot read (\"%1\").").arg(shown(line)));
        // Asked for array tasks ("5_0,5_1"), sstat 24.11 lists every step of them twice.
        if ((dot >= 0 && stepId.sliced(dot + 1) == "extern") || steps.contains(stepId))
            continue;
        steps.insert(stepId);
        auto it = byId.constFind(jobId);
        if (it == byId.cend()) {
            JobUsage usage;
            usage.jobId = QString::fromUtf8(jobId);
            it = byId.insert(jobId, jobs.size());
            jobs.append(usage);
        }
        JobUsage &job = jobs[*it];
        if (const auto cpu = tresValue(f[1], "cpu")) {
            if (const auto seconds = units::parseDuration(QString::fromLatin1(*cpu)))
                job.cpuSeconds = job.cpuSeconds.value_or(0) + *seconds;
        }
        job.rssBytes = add(job.rssBytes, bytesOf(tresValue(f[1], "mem"), 1));
        job.virtualMemoryBytes = add(job.virtualMemoryBytes, bytesOf(tresValue(f[1], "vmem"), 1));
        job.maxRssBytes = largest(job.maxRssBytes, bytesOf(tresValue(f[2], "mem"), 1));
        job.maxVirtualMemoryBytes = largest(job.maxVirtualMemoryBytes, bytesOf(tresValue(f[2], "vmem"), 1));
    }
    return jobs;
}

namespace {

// "key=value" pairs of one "scontrol show node -o" line. Values may hold spaces (OS=Linux 6.1
// #1 SMP, Reason=disk full [root@...]): a value runs to the next " Key=".
QHash<QString, QString> pairsOf(const QString &line)
{
    static const QRegularExpression key(QStringLiteral("(?:^| )([A-Za-z][A-Za-z0-9_:/]*)="));
    QHash<QString, QString> pairs;
    QList<std::pair<qsizetype, qsizetype>> positions; // start of " Key=", start of the value
    QStringList keys;
    for (auto it = key.globalMatch(line); it.hasNext();) {
        const auto match = it.next();
        positions.append({match.capturedStart(0), match.capturedEnd(0)});
        keys.append(match.captured(1));
    }
    for (qsizetype i = 0; i < keys.size(); ++i) {
        const qsizetype end = i + 1 < keys.size() ? positions[i + 1].first : line.size();
        if (!pairs.contains(keys[i]))
            pairs.insert(keys[i], line.mid(positions[i].second, end - positions[i].second).trimmed());
    }
    return pairs;
}

struct Resources
{
    int cpus = 0;
    std::optional<qint64> memory;
    int gpus = 0;
    bool hasGpus = false;
};

// CfgTRES/AllocTRES: "cpu=2,mem=8G,billing=2,gres/gpu=2" (memory in MiB unless a unit says).
// GPUs: the untyped gres/gpu, else the typed ones (gres/gpu:a100=2) summed.
Resources resourcesOf(const QString &tres)
{
    Resources resources;
    int typed = 0;
    bool hasUntyped = false;
    for (const QString &entry : tres.split(u',', Qt::SkipEmptyParts)) {
        const qsizetype equals = entry.indexOf(u'=');
        if (equals <= 0)
            continue;
        const QStringView name = QStringView(entry).first(equals);
        const QStringView value = QStringView(entry).sliced(equals + 1);
        if (name == u"cpu") {
            resources.cpus = value.toInt();
        } else if (name == u"mem") {
            resources.memory = units::parseMemory(value, units::MiB);
        } else if (name == u"gres/gpu") {
            resources.gpus = value.toInt();
            resources.hasGpus = hasUntyped = true;
        } else if (name.startsWith(u"gres/gpu:")) {
            typed += value.toInt();
            resources.hasGpus = true;
        }
    }
    if (!hasUntyped)
        resources.gpus = typed;
    return resources;
}

// "IDLE", "MIXED+DRAIN", "DOWN*", "IDLE+CLOUD+POWERED_DOWN": can it take new jobs?
bool isUnavailable(const QString &state)
{
    if (state.endsWith(u'*')) // not responding
        return true;
    static const QStringList words = {QStringLiteral("DOWN"),          QStringLiteral("DRAIN"),
                                      QStringLiteral("DRAINING"),      QStringLiteral("DRAINED"),
                                      QStringLiteral("FAIL"),          QStringLiteral("FAILING"),
                                      QStringLiteral("FUTURE"),        QStringLiteral("MAINT"),
                                      QStringLiteral("RESERVED"),      QStringLiteral("NOT_RESPONDING"),
                                      QStringLiteral("POWERED_DOWN"),  QStringLiteral("POWERING_DOWN"),
                                      QStringLiteral("POWER_DOWN"),    QStringLiteral("POWERING_UP"),
                                      QStringLiteral("REBOOT_ISSUED"), QStringLiteral("REBOOT_REQUESTED"),
                                      QStringLiteral("UNKNOWN"),       QStringLiteral("INVALID"),
                                      QStringLiteral("INVALID_REG"),   QStringLiteral("BLOCKED")};
    for (const QString &word : state.split(u'+', Qt::SkipEmptyParts)) {
        if (words.contains(word))
            return true;
    }
    return false;
}

} // namespace

Result<QList<PartitionUse>> parseNodes(QByteArrayView output)
{
    QMap<QString, PartitionUse> partitions;
    for (const QByteArrayView bytes : lines(output)) {
        const QString line = QString::fromUtf8(bytes).trimmed();
        if (!line.startsWith(u"NodeName="))
            return failure(sshcore::ErrorKind::Malformed,
                           Tr::tr("scontrol printed a line clusterdesk cannot read (\"%1\").").arg(shown(bytes)));
        const QHash<QString, QString> node = pairsOf(line);
        const QString state = node.value(QStringLiteral("State"));
        if (state.isEmpty())
            return failure(sshcore::ErrorKind::Malformed, Tr::tr("scontrol described node \"%1\" without its state.")
                                                              .arg(node.value(QStringLiteral("NodeName")).left(60)));
        Resources configured = resourcesOf(node.value(QStringLiteral("CfgTRES")));
        Resources allocated = resourcesOf(node.value(QStringLiteral("AllocTRES")));
        if (configured.cpus == 0) // older Slurm without CfgTRES
            configured.cpus = node.value(QStringLiteral("CPUTot")).toInt();
        if (allocated.cpus == 0)
            allocated.cpus = node.value(QStringLiteral("CPUAlloc")).toInt();
        if (!configured.memory)
            configured.memory = units::parseMemory(node.value(QStringLiteral("RealMemory")), units::MiB);
        if (!allocated.memory)
            allocated.memory = units::parseMemory(node.value(QStringLiteral("AllocMem")), units::MiB);
        const int cpusAllocated = std::clamp(allocated.cpus, 0, std::max(configured.cpus, 0));
        const int gpusAllocated = std::clamp(allocated.gpus, 0, std::max(configured.gpus, 0));
        const qint64 memoryTotal = std::max<qint64>(configured.memory.value_or(0), 0);
        const qint64 memoryAllocated = std::clamp<qint64>(allocated.memory.value_or(0), 0, memoryTotal);
        const bool unavailable = isUnavailable(state);
        const QString names = node.value(QStringLiteral("Partitions"));
        for (const QString &name : names.split(u',', Qt::SkipEmptyParts)) {
            PartitionUse &use = partitions[name];
            use.partition = name;
            use.nodes += 1;
            use.cpusAllocated += cpusAllocated;
            (unavailable ? use.cpusUnavailable : use.cpusIdle) += configured.cpus - cpusAllocated;
            if (configured.memory) {
                use.hasMemory = true;
                use.memoryAllocatedBytes += memoryAllocated;
                (unavailable ? use.memoryUnavailableBytes : use.memoryIdleBytes) += memoryTotal - memoryAllocated;
            }
            if (configured.hasGpus && configured.gpus > 0) {
                use.hasGpus = true;
                use.gpusAllocated += gpusAllocated;
                (unavailable ? use.gpusUnavailable : use.gpusIdle) += configured.gpus - gpusAllocated;
            }
        }
    }
    return partitions.values();
}

} // namespace app::slurm
