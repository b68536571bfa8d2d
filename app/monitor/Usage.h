// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

// The Monitor area's vocabulary: what a scheduler or a node says of a job's use and of the
// cluster's, whatever the scheduler. A figure a scheduler cannot give stays empty (std::nullopt),
// never 0: the chart's place then says why.

namespace app {

// One reading of a running job's use, as the scheduler reports it at one moment.
struct JobUsage
{
    QString jobId;                               // as the queue lists it ("1234", "1234_7", "1234.server")
    std::optional<double> cpuSeconds;            // CPU time all its processes used so far (user + system), cumulative
    std::optional<qint64> rssBytes;              // resident memory now, summed over its tasks and nodes
    std::optional<qint64> maxRssBytes;           // the largest resident memory seen so far
    std::optional<qint64> virtualMemoryBytes;    // virtual memory now (not resident: where only that is given)
    std::optional<qint64> maxVirtualMemoryBytes; // the largest virtual memory seen so far
    std::optional<qint64> memoryLimitBytes;      // what it asked for, where the output says it
    std::optional<qint64> elapsedSeconds;        // wall time so far, where the output says it
    std::optional<int> allocatedCpus;            // where the output says it

    bool operator==(const JobUsage &) const = default;
};

// One GPU at one moment, as nvidia-smi reports it. Indexes are the node's (physical) ones.
struct GpuReading
{
    QDateTime time; // nvidia-smi's own timestamp where given, else when the line arrived
    int index = -1;
    QString uuid;
    QString name;                                   // "NVIDIA A100-SXM4-40GB"
    QString busId;                                  // "00000000:07:00.0"
    std::optional<double> utilisationPercent;       // utilization.gpu
    std::optional<double> memoryUtilisationPercent; // utilization.memory (memory bandwidth busy)
    std::optional<qint64> memoryUsedBytes;
    std::optional<qint64> memoryTotalBytes;
    std::optional<double> powerWatts;
    std::optional<double> temperatureCelsius;

    bool operator==(const GpuReading &) const = default;
};

// A partition's (queue's) resources now: allocated to jobs, idle, and unavailable (nodes down,
// drained, reserved or otherwise not schedulable). Totals are the three summed. A resource the
// scheduler does not report has has... false.
struct PartitionUse
{
    QString partition;
    int nodes = 0;
    int cpusAllocated = 0;
    int cpusIdle = 0;
    int cpusUnavailable = 0;
    bool hasMemory = false;
    qint64 memoryAllocatedBytes = 0;
    qint64 memoryIdleBytes = 0;
    qint64 memoryUnavailableBytes = 0;
    bool hasGpus = false;
    int gpusAllocated = 0;
    int gpusIdle = 0;
    int gpusUnavailable = 0;

    int cpusTotal() const { return cpusAllocated + cpusIdle + cpusUnavailable; }
    qint64 memoryTotalBytes() const { return memoryAllocatedBytes + memoryIdleBytes + memoryUnavailableBytes; }
    int gpusTotal() const { return gpusAllocated + gpusIdle + gpusUnavailable; }
    bool operator==(const PartitionUse &) const = default;
};

// How many jobs wait and run in one partition (held and suspended jobs count as pending).
struct QueueCounts
{
    QString partition;
    int pending = 0;
    int running = 0;

    bool operator==(const QueueCounts &) const = default;
};

} // namespace app
