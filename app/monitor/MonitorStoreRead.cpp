// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// MonitorStore: reading series back for charts and words.

#include "app/monitor/MonitorSql.h"
#include "app/monitor/MonitorStore.h"

#include <QCoreApplication>
#include <QDir>

#include <limits>

using namespace Qt::StringLiterals;
using sshcore::failure;
using sshcore::Result;
using namespace app::monitorsql;

namespace app {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::MonitorStore)
};

QString readError(const QString &path)
{
    return Tr::tr("Cannot read the monitor history %1").arg(QDir::toNativeSeparators(path));
}

qint64 fromMs(const QDateTime &from)
{
    return from.isValid() ? from.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min();
}

qint64 toMs(const QDateTime &to)
{
    return to.isValid() ? to.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
}

JobFacts factsOf(const QSqlQuery &query, int first)
{
    JobFacts facts;
    facts.jobId = query.value(first).toString();
    facts.name = query.value(first + 1).toString();
    facts.partition = query.value(first + 2).toString();
    facts.stateText = query.value(first + 3).toString();
    facts.allocatedCpus = optionalOf<int>(query.value(first + 4));
    facts.memoryLimitBytes = optionalOf<qint64>(query.value(first + 5));
    facts.gpuCount = optionalOf<int>(query.value(first + 6));
    facts.timeLimitSeconds = optionalOf<qint64>(query.value(first + 7));
    facts.start = timeOf(query.value(first + 8));
    facts.end = timeOf(query.value(first + 9));
    return facts;
}

constexpr auto factColumns = "job_id, name, part, state, cpus, memory_limit, gpus, time_limit, start_ms, end_ms"_L1;

} // namespace

Result<JobSeries> MonitorStore::jobSeries(const QString &jobId, const QDateTime &from, const QDateTime &to)
{
    if (auto ready = usable(); !ready)
        return failure(ready.error());
    const QString what = readError(m_filePath);
    auto key = jobKey(jobId, false);
    if (!key)
        return failure(key.error());
    JobSeries series;
    if (*key < 0)
        return series;
    auto rows = run(database(),
                    u"SELECT t, cpu, busy, rss FROM job_sample WHERE job = ? AND t >= ? AND t <= ? ORDER BY t"_s,
                    {*key, fromMs(from), toMs(to)}, what);
    if (!rows)
        return failure(rows.error());
    std::optional<std::pair<qint64, double>> firstCpu;
    std::optional<std::pair<qint64, double>> lastCpu;
    while (rows->next()) {
        const qint64 t = rows->value(0).toLongLong();
        if (!rows->value(1).isNull()) {
            const double cpu = rows->value(1).toDouble();
            if (!firstCpu)
                firstCpu = {t, cpu};
            lastCpu = {t, cpu};
        }
        if (!rows->value(2).isNull())
            series.coresBusy.append(t, rows->value(2).toFloat());
        if (!rows->value(3).isNull()) {
            const qint64 rss = rows->value(3).toLongLong();
            series.rssBytes.append(t, float(rss));
            series.peakRssBytes = std::max(series.peakRssBytes.value_or(rss), rss);
        }
    }
    if (firstCpu && lastCpu && lastCpu->first > firstCpu->first)
        series.averageCoresBusy = (lastCpu->second - firstCpu->second) * 1000.0
                                  / double(lastCpu->first - firstCpu->first);
    else if (!series.coresBusy.isEmpty())
        series.averageCoresBusy = series.coresBusy.timeWeightedMean();
    series.coresBusy.shrinkToFit();
    series.rssBytes.shrinkToFit();
    return series;
}

Result<QList<GpuSeries>> MonitorStore::gpuSeries(const QString &jobId, const QDateTime &from, const QDateTime &to)
{
    if (auto ready = usable(); !ready)
        return failure(ready.error());
    const QString what = readError(m_filePath);
    auto key = jobKey(jobId, false);
    if (!key)
        return failure(key.error());
    QList<GpuSeries> all;
    if (*key < 0)
        return all;
    QList<qint64> gpuKeys;
    {
        auto gpus = run(database(), u"SELECT id, idx, uuid, name FROM gpu WHERE job = ? ORDER BY idx, uuid"_s, {*key},
                        what);
        if (!gpus)
            return failure(gpus.error());
        while (gpus->next()) {
            gpuKeys.append(gpus->value(0).toLongLong());
            GpuSeries gpu;
            gpu.index = gpus->value(1).toInt();
            gpu.uuid = gpus->value(2).toString();
            gpu.name = gpus->value(3).toString();
            all.append(gpu);
        }
    }
    QSqlQuery rows(database());
    rows.setForwardOnly(true);
    rows.prepare(
        u"SELECT t, n, util, coalesce(util_max, util), mem_used, mem_total, power, temperature FROM gpu_sample "
        "WHERE gpu = ? AND t >= ? AND t <= ? ORDER BY t"_s);
    for (qsizetype i = 0; i < all.size(); ++i) {
        if (auto done = exec(rows, {gpuKeys[i], fromMs(from), toMs(to)}, what); !done)
            return failure(done.error());
        GpuSeries &gpu = all[i];
        double weighted = 0;
        double count = 0;
        while (rows.next()) {
            const qint64 t = rows.value(0).toLongLong();
            if (!rows.value(2).isNull()) {
                const double n = std::max(1.0, rows.value(1).toDouble());
                weighted += n * rows.value(2).toDouble();
                count += n;
            }
            if (!rows.value(3).isNull()) {
                const double peak = rows.value(3).toDouble();
                gpu.utilisation.append(t, float(peak));
                gpu.peakUtilisation = std::max(gpu.peakUtilisation.value_or(peak), peak);
            }
            if (!rows.value(4).isNull())
                gpu.memoryUsedBytes.append(t, float(rows.value(4).toLongLong()));
            if (!rows.value(5).isNull())
                gpu.memoryTotalBytes = rows.value(5).toLongLong();
            if (!rows.value(6).isNull())
                gpu.powerWatts.append(t, rows.value(6).toFloat());
            if (!rows.value(7).isNull())
                gpu.temperatureCelsius.append(t, rows.value(7).toFloat());
        }
        if (count > 0)
            gpu.averageUtilisation = weighted / count;
        gpu.utilisation.shrinkToFit();
        gpu.memoryUsedBytes.shrinkToFit();
        gpu.powerWatts.shrinkToFit();
        gpu.temperatureCelsius.shrinkToFit();
    }
    return all;
}

Result<ClusterSeries> MonitorStore::clusterSeries(const QString &partition, const QDateTime &from, const QDateTime &to)
{
    if (auto ready = usable(); !ready)
        return failure(ready.error());
    const QString what = readError(m_filePath);
    ClusterSeries series;
    const QString which = partition.isEmpty() ? u"1"_s : u"part.name = ?"_s;
    QList<QVariant> values;
    {
        QSqlQuery rows(database());
        rows.setForwardOnly(true);
        rows.prepare(u"SELECT t, name, nodes, cpus_allocated, cpus_idle, cpus_unavailable, has_memory, "
                     "memory_allocated, memory_idle, memory_unavailable, has_gpus, gpus_allocated, gpus_idle, "
                     "gpus_unavailable FROM part_sample JOIN part ON part_sample.part = part.id WHERE %1 AND t >= ? "
                     "AND t <= ? ORDER BY t, name"_s.arg(which));
        auto done = partition.isEmpty() ? exec(rows, {fromMs(from), toMs(to)}, what)
                                        : exec(rows, {partition, fromMs(from), toMs(to)}, what);
        if (!done)
            return failure(done.error());
        while (rows.next()) {
            PartitionSample sample;
            sample.timeMs = rows.value(0).toLongLong();
            PartitionUse &use = sample.use;
            use.partition = rows.value(1).toString();
            use.nodes = rows.value(2).toInt();
            use.cpusAllocated = rows.value(3).toInt();
            use.cpusIdle = rows.value(4).toInt();
            use.cpusUnavailable = rows.value(5).toInt();
            use.hasMemory = rows.value(6).toBool();
            use.memoryAllocatedBytes = rows.value(7).toLongLong();
            use.memoryIdleBytes = rows.value(8).toLongLong();
            use.memoryUnavailableBytes = rows.value(9).toLongLong();
            use.hasGpus = rows.value(10).toBool();
            use.gpusAllocated = rows.value(11).toInt();
            use.gpusIdle = rows.value(12).toInt();
            use.gpusUnavailable = rows.value(13).toInt();
            series.partitions.append(sample);
        }
    }
    QSqlQuery rows(database());
    rows.setForwardOnly(true);
    rows.prepare(u"SELECT t, name, pending, running FROM queue_sample JOIN part ON queue_sample.part = part.id "
                 "WHERE %1 AND t >= ? AND t <= ? ORDER BY t, name"_s.arg(which));
    auto done = partition.isEmpty() ? exec(rows, {fromMs(from), toMs(to)}, what)
                                    : exec(rows, {partition, fromMs(from), toMs(to)}, what);
    if (!done)
        return failure(done.error());
    while (rows.next())
        series.queues.append(
            {rows.value(0).toLongLong(), {rows.value(1).toString(), rows.value(2).toInt(), rows.value(3).toInt()}});
    return series;
}

Result<QList<KnownJob>> MonitorStore::knownJobs()
{
    if (auto ready = usable(); !ready)
        return failure(ready.error());
    auto rows = run(database(),
                    u"SELECT first_ms, last_ms, (SELECT count(*) FROM gpu WHERE gpu.job = job.id), %1 FROM job WHERE "
                    "last_ms IS NOT NULL ORDER BY last_ms DESC, job_id"_s.arg(factColumns),
                    {}, readError(m_filePath));
    if (!rows)
        return failure(rows.error());
    QList<KnownJob> jobs;
    while (rows->next()) {
        KnownJob job;
        job.firstSample = timeOf(rows->value(0));
        job.lastSample = timeOf(rows->value(1));
        job.gpus = rows->value(2).toInt();
        job.facts = factsOf(*rows, 3);
        jobs.append(job);
    }
    return jobs;
}

std::optional<JobFacts> MonitorStore::jobFacts(const QString &jobId)
{
    if (!isOpen())
        return std::nullopt;
    auto rows = run(database(), u"SELECT %1 FROM job WHERE job_id = ?"_s.arg(factColumns), {jobId},
                    readError(m_filePath));
    if (!rows || !rows->next())
        return std::nullopt;
    return factsOf(*rows, 0);
}

} // namespace app
