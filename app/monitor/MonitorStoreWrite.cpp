// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// MonitorStore: writing samples, and keeping the file small (down-sampling and dropping).

#include "app/monitor/MonitorSql.h"
#include "app/monitor/MonitorStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QHash>

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

QString writeError(const QString &path)
{
    return Tr::tr("Cannot write to the monitor history %1").arg(QDir::toNativeSeparators(path));
}
} // namespace

Result<void> MonitorStore::write(const MonitorBatch &batch)
{
    if (batch.isEmpty())
        return {};
    return transaction([&]() -> Result<void> {
        if (auto done = writeFacts(batch.facts); !done)
            return done;
        if (auto done = writeJobSamples(batch.jobSamples); !done)
            return done;
        if (auto done = writeGpuReadings(batch.gpuReadings); !done)
            return done;
        return writeCluster(batch.clusterTime, batch.partitions, batch.queues);
    });
}

Result<void> MonitorStore::setJobFacts(const QList<JobFacts> &facts)
{
    MonitorBatch batch;
    batch.facts = facts;
    return write(batch);
}

Result<void> MonitorStore::addJobSamples(const QList<JobSample> &samples)
{
    MonitorBatch batch;
    batch.jobSamples = samples;
    return write(batch);
}

Result<void> MonitorStore::addGpuSamples(const QList<JobGpuReading> &readings)
{
    MonitorBatch batch;
    batch.gpuReadings = readings;
    return write(batch);
}

Result<void> MonitorStore::addClusterSamples(const QDateTime &time, const QList<PartitionUse> &partitions,
                                             const QList<QueueCounts> &queues)
{
    MonitorBatch batch;
    batch.clusterTime = time;
    batch.partitions = partitions;
    batch.queues = queues;
    return write(batch);
}

Result<qint64> MonitorStore::jobKey(const QString &jobId, bool create)
{
    const QString what = writeError(m_filePath);
    auto found = run(database(), u"SELECT id FROM job WHERE job_id = ?"_s, {jobId}, what);
    if (!found)
        return failure(found.error());
    if (found->next())
        return found->value(0).toLongLong();
    if (!create)
        return qint64(-1);
    auto made = run(database(), u"INSERT INTO job (job_id) VALUES (?)"_s, {jobId}, what);
    if (!made)
        return failure(made.error());
    return made->lastInsertId().toLongLong();
}

Result<qint64> MonitorStore::partitionKey(const QString &partition)
{
    const QString what = writeError(m_filePath);
    auto found = run(database(), u"SELECT id FROM part WHERE name = ?"_s, {partition}, what);
    if (!found)
        return failure(found.error());
    if (found->next())
        return found->value(0).toLongLong();
    auto made = run(database(), u"INSERT INTO part (name) VALUES (?)"_s, {partition}, what);
    if (!made)
        return failure(made.error());
    return made->lastInsertId().toLongLong();
}

Result<void> MonitorStore::writeFacts(const QList<JobFacts> &facts)
{
    if (facts.isEmpty())
        return {};
    QSqlQuery query(database());
    // A figure not given (NULL) leaves the one stored.
    query.prepare(u"INSERT INTO job (job_id, name, part, state, cpus, memory_limit, gpus, time_limit, start_ms, "
                  "end_ms, seen_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (job_id) DO UPDATE SET "
                  "name = coalesce(excluded.name, name), part = coalesce(excluded.part, part), "
                  "state = coalesce(excluded.state, state), cpus = coalesce(excluded.cpus, cpus), "
                  "memory_limit = coalesce(excluded.memory_limit, memory_limit), gpus = coalesce(excluded.gpus, gpus), "
                  "time_limit = coalesce(excluded.time_limit, time_limit), "
                  "start_ms = coalesce(excluded.start_ms, start_ms), end_ms = coalesce(excluded.end_ms, end_ms), "
                  "seen_ms = max(coalesce(seen_ms, 0), excluded.seen_ms)"_s);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const JobFacts &fact : facts) {
        auto done = exec(query,
                         {fact.jobId, orNull(fact.name), orNull(fact.partition), orNull(fact.stateText),
                          orNull(fact.allocatedCpus), orNull(fact.memoryLimitBytes), orNull(fact.gpuCount),
                          orNull(fact.timeLimitSeconds), msOrNull(fact.start), msOrNull(fact.end), now},
                         writeError(m_filePath));
        if (!done)
            return done;
    }
    return {};
}

Result<void> MonitorStore::writeJobSamples(const QList<JobSample> &samples)
{
    if (samples.isEmpty())
        return {};
    // What the job rows say before this batch and after it, updated once per job at the end.
    struct JobState
    {
        qint64 key = -1;
        std::optional<qint64> first;
        std::optional<qint64> last;
        std::optional<double> lastCpu;
        std::optional<qint64> lastCpuMs;
    };
    QHash<QString, JobState> jobs;
    const QString what = writeError(m_filePath);
    for (const JobSample &sample : samples) {
        if (jobs.contains(sample.jobId))
            continue;
        auto key = jobKey(sample.jobId, true);
        if (!key)
            return failure(key.error());
        auto row = run(database(), u"SELECT first_ms, last_ms, last_cpu, last_cpu_ms FROM job WHERE id = ?"_s, {*key},
                       what);
        if (!row)
            return failure(row.error());
        JobState state;
        state.key = *key;
        if (row->next()) {
            state.first = optionalOf<qint64>(row->value(0));
            state.last = optionalOf<qint64>(row->value(1));
            state.lastCpu = optionalOf<double>(row->value(2));
            state.lastCpuMs = optionalOf<qint64>(row->value(3));
        }
        jobs.insert(sample.jobId, state);
    }

    QSqlQuery insert(database());
    insert.prepare(u"INSERT OR REPLACE INTO job_sample (job, t, n, cpu, busy, rss) VALUES (?, ?, 1, ?, ?, ?)"_s);
    for (const JobSample &sample : samples) {
        JobState &state = jobs[sample.jobId];
        const qint64 t = (sample.time.isValid() ? sample.time : QDateTime::currentDateTimeUtc()).toMSecsSinceEpoch();
        std::optional<double> busy = sample.coresBusy;
        if (!busy && sample.cpuSeconds && state.lastCpu && state.lastCpuMs && *state.lastCpuMs < t
            && *sample.cpuSeconds >= *state.lastCpu)
            busy = (*sample.cpuSeconds - *state.lastCpu) * 1000.0 / double(t - *state.lastCpuMs);
        if (auto done = exec(insert, {state.key, t, orNull(sample.cpuSeconds), orNull(busy), orNull(sample.rssBytes)},
                             what);
            !done)
            return done;
        state.first = std::min(state.first.value_or(t), t);
        state.last = std::max(state.last.value_or(t), t);
        if (sample.cpuSeconds && t >= state.lastCpuMs.value_or(t)) {
            state.lastCpu = sample.cpuSeconds;
            state.lastCpuMs = t;
        }
    }
    QSqlQuery update(database());
    update.prepare(u"UPDATE job SET first_ms = ?, last_ms = ?, seen_ms = max(coalesce(seen_ms, 0), ?), last_cpu = ?, "
                   "last_cpu_ms = ? WHERE id = ?"_s);
    for (const JobState &state : std::as_const(jobs)) {
        if (auto done = exec(update,
                             {orNull(state.first), orNull(state.last), orNull(state.last), orNull(state.lastCpu),
                              orNull(state.lastCpuMs), state.key},
                             what);
            !done)
            return done;
    }
    return {};
}

Result<void> MonitorStore::writeGpuReadings(const QList<JobGpuReading> &readings)
{
    if (readings.isEmpty())
        return {};
    const QString what = writeError(m_filePath);
    QHash<QString, qint64> jobKeys;
    QHash<QString, qint64> gpuKeys;                 // "<job key>/<index>/<uuid>"
    QHash<qint64, std::pair<qint64, qint64>> spans; // job key → first and last time written
    QSqlQuery insert(database());
    insert.prepare(u"INSERT OR REPLACE INTO gpu_sample (gpu, t, n, util, util_max, mem_used, mem_total, power, "
                   "temperature) VALUES (?, ?, 1, ?, NULL, ?, ?, ?, ?)"_s);
    for (const JobGpuReading &entry : readings) {
        const GpuReading &reading = entry.reading;
        if (!jobKeys.contains(entry.jobId)) {
            auto key = jobKey(entry.jobId, true);
            if (!key)
                return failure(key.error());
            jobKeys.insert(entry.jobId, *key);
        }
        const qint64 job = jobKeys.value(entry.jobId);
        const QString gpuName = u"%1/%2/%3"_s.arg(job).arg(reading.index).arg(reading.uuid);
        if (!gpuKeys.contains(gpuName)) {
            auto made = run(database(),
                            u"INSERT INTO gpu (job, idx, uuid, name) VALUES (?, ?, ?, ?) ON CONFLICT (job, idx, uuid) "
                            "DO UPDATE SET name = coalesce(excluded.name, name) RETURNING id"_s,
                            // A reading without a UUID (nvidia-smi printed [N/A]) is the GPU of that index:
                            // an empty text, never NULL, which the unique key would not match.
                            {job, reading.index, reading.uuid.isNull() ? u""_s : reading.uuid, orNull(reading.name)},
                            what);
            if (!made)
                return failure(made.error());
            if (!made->next())
                return failure(Tr::tr("%1: a GPU could not be recorded.").arg(what));
            gpuKeys.insert(gpuName, made->value(0).toLongLong());
        }
        const qint64 t = (reading.time.isValid() ? reading.time : QDateTime::currentDateTimeUtc()).toMSecsSinceEpoch();
        if (auto done = exec(insert,
                             {gpuKeys.value(gpuName), t, orNull(reading.utilisationPercent),
                              orNull(reading.memoryUsedBytes), orNull(reading.memoryTotalBytes),
                              orNull(reading.powerWatts), orNull(reading.temperatureCelsius)},
                             what);
            !done)
            return done;
        auto span = spans.find(job);
        if (span == spans.end())
            spans.insert(job, {t, t});
        else
            *span = {std::min(span->first, t), std::max(span->second, t)};
    }
    QSqlQuery update(database());
    update.prepare(u"UPDATE job SET first_ms = min(coalesce(first_ms, ?), ?), last_ms = max(coalesce(last_ms, ?), ?), "
                   "seen_ms = max(coalesce(seen_ms, 0), ?) WHERE id = ?"_s);
    for (auto it = spans.cbegin(); it != spans.cend(); ++it) {
        const auto [first, last] = it.value();
        if (auto done = exec(update, {first, first, last, last, last, it.key()}, what); !done)
            return done;
    }
    return {};
}

Result<void> MonitorStore::writeCluster(const QDateTime &time, const QList<PartitionUse> &partitions,
                                        const QList<QueueCounts> &queues)
{
    if (partitions.isEmpty() && queues.isEmpty())
        return {};
    const QString what = writeError(m_filePath);
    const qint64 t = (time.isValid() ? time : QDateTime::currentDateTimeUtc()).toMSecsSinceEpoch();
    QSqlQuery span(database());
    span.prepare(u"UPDATE part SET first_ms = min(coalesce(first_ms, ?), ?), last_ms = max(coalesce(last_ms, ?), ?) "
                 "WHERE id = ?"_s);
    auto key = [&](const QString &name) -> Result<qint64> {
        auto found = partitionKey(name);
        if (!found)
            return found;
        if (auto done = exec(span, {t, t, t, t, *found}, what); !done)
            return failure(done.error());
        return found;
    };
    QSqlQuery use(database());
    use.prepare(u"INSERT OR REPLACE INTO part_sample (part, t, nodes, cpus_allocated, cpus_idle, cpus_unavailable, "
                "has_memory, memory_allocated, memory_idle, memory_unavailable, has_gpus, gpus_allocated, gpus_idle, "
                "gpus_unavailable) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    for (const PartitionUse &p : partitions) {
        auto part = key(p.partition);
        if (!part)
            return failure(part.error());
        auto done = exec(use,
                         {*part, t, p.nodes, p.cpusAllocated, p.cpusIdle, p.cpusUnavailable, p.hasMemory,
                          p.memoryAllocatedBytes, p.memoryIdleBytes, p.memoryUnavailableBytes, p.hasGpus,
                          p.gpusAllocated, p.gpusIdle, p.gpusUnavailable},
                         what);
        if (!done)
            return done;
    }
    QSqlQuery counts(database());
    counts.prepare(u"INSERT OR REPLACE INTO queue_sample (part, t, n, pending, running) VALUES (?, ?, 1, ?, ?)"_s);
    for (const QueueCounts &q : queues) {
        auto part = key(q.partition);
        if (!part)
            return failure(part.error());
        if (auto done = exec(counts, {*part, t, q.pending, q.running}, what); !done)
            return done;
    }
    return {};
}

Result<MonitorStore::Maintenance> MonitorStore::maintain(const QDateTime &now)
{
    const qint64 nowMs = now.toMSecsSinceEpoch();
    if (m_lastMaintainedMs && nowMs >= *m_lastMaintainedMs && nowMs - *m_lastMaintainedMs < maintainEveryMs)
        return Maintenance{};
    Maintenance report;
    report.ran = true;
    auto done = transaction([&]() -> Result<void> {
        auto until = metaValue(u"downsampled_until"_s);
        if (!until)
            return failure(until.error());
        const qint64 doneUntil = until->value_or(0);
        // Whole minutes only, so a minute is never merged in two halves.
        const qint64 cutoff = (nowMs - rawForMs) / bucketMs * bucketMs;
        if (cutoff > doneUntil) {
            auto merged = downSample(doneUntil, cutoff);
            if (!merged)
                return failure(merged.error());
            report.rowsMerged = *merged;
            if (auto stored = setMetaValue(u"downsampled_until"_s, cutoff); !stored)
                return stored;
        }
        auto dropped = dropBefore(nowMs - keptForMs);
        if (!dropped)
            return failure(dropped.error());
        report.rowsDropped = *dropped;
        return setMetaValue(u"maintained_ms"_s, nowMs);
    });
    if (!done)
        return failure(done.error());
    m_lastMaintainedMs = nowMs;
    if (report.rowsMerged > 0 || report.rowsDropped > 0) {
        // The rewrite went through the WAL: fold it into the file now and cut it back, rather than
        // keep a WAL as big as the work done. Another reader may stop it; it is tried again next time.
        QSqlQuery checkpoint(database());
        checkpoint.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
    }
    return report;
}

Result<int> MonitorStore::downSample(qint64 from, qint64 to)
{
    const QString what = writeError(m_filePath);
    int merged = 0;
    // The span's ends are our own numbers: written into the statements, as a name used several times
    // is not bound alike by every Qt version.
    const auto withSpan = [&](QString sql) {
        return sql.replace(u":a"_s, QString::number(from)).replace(u":b"_s, QString::number(to));
    };
    // Per table: each minute of [from, to) becomes one row (at the minute's last time) in a temporary
    // table, the span's rows are deleted, and the merged rows put back (a minute of one row comes back
    // as it was). Only the jobs and partitions sampled in that span are looked at; their keys lead the
    // tables' primary keys, so each is a range of the index.
    const QString jobs = u"(SELECT id FROM job WHERE last_ms >= :a AND first_ms < :b)"_s;
    const QString gpus = u"(SELECT gpu.id FROM gpu JOIN job ON gpu.job = job.id WHERE job.last_ms >= :a AND "
                         "job.first_ms < :b)"_s;
    const QString parts = u"(SELECT id FROM part WHERE last_ms >= :a AND first_ms < :b)"_s;
    const QString weighted = u"sum(%1 * n) / nullif(sum(CASE WHEN %1 IS NULL THEN 0 ELSE n END), 0)"_s;
    struct Merge
    {
        QString table;
        QString key;
        QString keys;
        QString columns;
        QString merged; // SELECT …: the rows that stand for the minutes of the span
    };
    const auto perMinute = [](const QString &table, const QString &key, const QString &aggregates) {
        return u"SELECT %1, max(t) AS t, %2 FROM %3 WHERE %1 IN #keys AND t >= :a AND t < :b GROUP BY %1, t / %4"_s
            .arg(key, aggregates, table)
            .arg(bucketMs);
    };
    // The aggregates are named after the columns they fill.
    const Merge merges[] = {
        {u"job_sample"_s, u"job"_s, jobs, u"n, cpu, busy, rss"_s,
         perMinute(u"job_sample"_s, u"job"_s,
                   u"sum(n) AS n, max(cpu) AS cpu, %1 AS busy, max(rss) AS rss"_s.arg(weighted.arg(u"busy"_s)))},
        {u"gpu_sample"_s, u"gpu"_s, gpus, u"n, util, util_max, mem_used, mem_total, power, temperature"_s,
         perMinute(u"gpu_sample"_s, u"gpu"_s,
                   u"sum(n) AS n, %1 AS util, max(coalesce(util_max, util)) AS util_max, max(mem_used) AS mem_used, "
                   "max(mem_total) AS mem_total, %2 AS power, max(temperature) AS temperature"_s
                       .arg(weighted.arg(u"util"_s), weighted.arg(u"power"_s)))},
        {u"queue_sample"_s, u"part"_s, parts, u"n, pending, running"_s,
         perMinute(u"queue_sample"_s, u"part"_s, u"sum(n) AS n, max(pending) AS pending, max(running) AS running"_s)},
        // A partition's use keeps the minute's last snapshot, whose figures add up.
        {u"part_sample"_s, u"part"_s, parts,
         u"nodes, cpus_allocated, cpus_idle, cpus_unavailable, has_memory, memory_allocated, memory_idle, "
         "memory_unavailable, has_gpus, gpus_allocated, gpus_idle, gpus_unavailable"_s,
         u"SELECT s.* FROM (%1) AS k JOIN part_sample AS s ON s.part = k.part AND s.t = k.t"_s.arg(
             perMinute(u"part_sample"_s, u"part"_s, u"count(*) AS rows"_s))},
    };
    for (const Merge &m : merges) {
        const QString range = u"%1 IN %2 AND t >= :a AND t < :b"_s.arg(m.key, m.keys);
        const QStringList steps = {
            u"DROP TABLE IF EXISTS temp.merged"_s,
            u"CREATE TEMP TABLE merged AS %1"_s.arg(QString(m.merged).replace(u"#keys"_s, m.keys)),
            u"DELETE FROM %1 WHERE %2"_s.arg(m.table, range),
            u"INSERT INTO %1 (%2, t, %3) SELECT %2, t, %3 FROM temp.merged"_s.arg(m.table, m.key, m.columns),
        };
        for (int i = 0; i < steps.size(); ++i) {
            QSqlQuery query(database());
            if (!query.exec(withSpan(steps[i])))
                return failure(errorOf(query.lastError(), what));
            if (i == 2)
                merged += query.numRowsAffected();
            if (i == 3)
                merged -= query.numRowsAffected();
        }
    }
    QSqlQuery drop(database());
    if (!drop.exec(u"DROP TABLE IF EXISTS temp.merged"_s))
        return failure(errorOf(drop.lastError(), what));
    return merged;
}

Result<int> MonitorStore::dropBefore(qint64 cutoff)
{
    const QString what = writeError(m_filePath);
    int dropped = 0;
    const QStringList deletions = {
        u"DELETE FROM job_sample WHERE job IN (SELECT id FROM job WHERE first_ms < :c) AND t < :c"_s,
        u"DELETE FROM gpu_sample WHERE gpu IN (SELECT gpu.id FROM gpu JOIN job ON gpu.job = job.id WHERE "
        "job.first_ms < :c) AND t < :c"_s,
        u"DELETE FROM part_sample WHERE part IN (SELECT id FROM part WHERE first_ms < :c) AND t < :c"_s,
        u"DELETE FROM queue_sample WHERE part IN (SELECT id FROM part WHERE first_ms < :c) AND t < :c"_s,
    };
    const QStringList bookkeeping = {
        // What is left of each job's and partition's samples, and forgetting what has none left.
        u"UPDATE job SET first_ms = (SELECT min(t) FROM (SELECT min(t) AS t FROM job_sample WHERE job = job.id "
        "UNION ALL SELECT min(t) FROM gpu_sample JOIN gpu ON gpu_sample.gpu = gpu.id WHERE gpu.job = job.id)) "
        "WHERE first_ms < :c"_s,
        u"UPDATE job SET last_ms = NULL WHERE first_ms IS NULL AND last_ms < :c"_s,
        u"DELETE FROM gpu WHERE job IN (SELECT id FROM job WHERE first_ms IS NULL AND seen_ms < :c)"_s,
        u"DELETE FROM job WHERE first_ms IS NULL AND (seen_ms IS NULL OR seen_ms < :c)"_s,
        u"UPDATE part SET first_ms = (SELECT min(t) FROM (SELECT min(t) AS t FROM part_sample WHERE part = part.id "
        "UNION ALL SELECT min(t) FROM queue_sample WHERE part = part.id)) WHERE first_ms < :c"_s,
        u"DELETE FROM part WHERE first_ms IS NULL AND (last_ms IS NULL OR last_ms < :c)"_s,
    };
    for (const QString &sql : deletions + bookkeeping) {
        QSqlQuery query(database());
        if (!query.exec(QString(sql).replace(u":c"_s, QString::number(cutoff))))
            return failure(errorOf(query.lastError(), what));
        if (deletions.contains(sql))
            dropped += query.numRowsAffected();
    }
    return dropped;
}

} // namespace app
