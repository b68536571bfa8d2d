// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/monitor/Series.h"
#include "app/monitor/Usage.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

// What the Monitor keeps of a cluster's jobs and partitions (MonitorStore) and reads back for its
// charts and words (Verdicts). Times are UTC; in the store they are ms since the epoch.

namespace app {

// What is known of a job apart from its samples: from the queue listing or accounting. A figure not
// known stays empty and an update leaves the stored one as it was.
struct JobFacts
{
    QString jobId;
    QString name;
    QString partition;
    QString stateText; // "RUNNING", "COMPLETED", "TIMEOUT"
    std::optional<int> allocatedCpus;
    std::optional<qint64> memoryLimitBytes;
    std::optional<int> gpuCount;
    std::optional<qint64> timeLimitSeconds;
    QDateTime start;
    QDateTime end; // invalid while it runs

    bool operator==(const JobFacts &) const = default;
};

// One sample of a job's use. coresBusy is the change of cpuSeconds over the time since the sample
// before; left empty, the store works it out from the job's previous stored sample.
struct JobSample
{
    QString jobId;
    QDateTime time;
    std::optional<double> cpuSeconds; // cumulative
    std::optional<double> coresBusy;
    std::optional<qint64> rssBytes;

    bool operator==(const JobSample &) const = default;
};

// One GPU reading taken inside a job's allocation.
struct JobGpuReading
{
    QString jobId;
    GpuReading reading;
};

// Everything one refresh learned, written in one transaction.
struct MonitorBatch
{
    QList<JobFacts> facts;
    QList<JobSample> jobSamples;
    QList<JobGpuReading> gpuReadings;
    QDateTime clusterTime; // when partitions and queues were sampled
    QList<PartitionUse> partitions;
    QList<QueueCounts> queues;

    bool isEmpty() const
    {
        return facts.isEmpty() && jobSamples.isEmpty() && gpuReadings.isEmpty() && partitions.isEmpty()
               && queues.isEmpty();
    }
};

// A job's samples over a time range, ready for charts and words. Samples older than a day stand for
// a minute each (see MonitorStore::maintain): coresBusy then is the minute's average and rssBytes
// its peak.
struct JobSeries
{
    Series coresBusy;
    Series rssBytes;
    // CPU seconds used over the range / its length, from the cumulative figure itself (exact, and
    // unaffected by down-sampling); empty with fewer than two CPU samples.
    std::optional<double> averageCoresBusy;
    std::optional<qint64> peakRssBytes;

    std::size_t memoryBytes() const { return coresBusy.memoryBytes() + rssBytes.memoryBytes(); }
};

// One GPU of a job over a time range. utilisation holds each sample's value, or for a minute that
// was down-sampled its highest; averageUtilisation is over every reading the range stands for.
struct GpuSeries
{
    int index = -1;
    QString uuid;
    QString name;
    Series utilisation;     // %
    Series memoryUsedBytes; // the minute's peak once down-sampled
    Series powerWatts;      // the minute's average once down-sampled
    Series temperatureCelsius;
    std::optional<qint64> memoryTotalBytes;
    std::optional<double> averageUtilisation;
    std::optional<double> peakUtilisation;

    std::size_t memoryBytes() const
    {
        return utilisation.memoryBytes() + memoryUsedBytes.memoryBytes() + powerWatts.memoryBytes()
               + temperatureCelsius.memoryBytes();
    }
};

struct PartitionSample
{
    qint64 timeMs = 0;
    PartitionUse use;
    bool operator==(const PartitionSample &) const = default;
};

struct QueueSample
{
    qint64 timeMs = 0;
    QueueCounts counts;
    bool operator==(const QueueSample &) const = default;
};

// The cluster's samples over a time range, in time order (several partitions interleaved).
struct ClusterSeries
{
    QList<PartitionSample> partitions;
    QList<QueueSample> queues;
};

// A job the store has samples of.
struct KnownJob
{
    JobFacts facts;
    QDateTime firstSample;
    QDateTime lastSample;
    int gpus = 0; // GPUs with samples
};

} // namespace app
