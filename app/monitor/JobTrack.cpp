// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/monitor/JobTrack.h"

#include "app/schedulers/ResourceUnits.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace app {

namespace {

// The memory a job asked for, from its listing ("4G" per node; Slurm's %m).
std::optional<qint64> memoryAskedFor(const Job &job)
{
    const std::optional<qint64> perNode = units::parseMemory(job.memory, units::MiB);
    if (!perNode || *perNode <= 0)
        return std::nullopt;
    return *perNode * std::max(1, job.nodeCount);
}

// older's samples from before newer's first, then newer's.
Series joined(const Series &older, const Series &newer)
{
    if (older.isEmpty())
        return newer;
    Series both;
    both.reserve(older.size() + newer.size());
    for (std::size_t i = 0; i < older.size() && (newer.isEmpty() || older.timeAt(i) < newer.firstTime()); ++i)
        both.append(older.timeAt(i), older.valueAt(i));
    for (std::size_t i = 0; i < newer.size(); ++i)
        both.append(newer.timeAt(i), newer.valueAt(i));
    return both;
}

template<typename T>
void fillIn(std::optional<T> &mine, const std::optional<T> &theirs)
{
    if (!mine)
        mine = theirs;
}

} // namespace

void JobTrack::mergeStored(const std::optional<JobFacts> &storedFacts, const JobSeries &stored,
                           const QList<GpuSeries> &storedGpus)
{
    if (storedFacts) {
        const JobFacts &kept = *storedFacts;
        if (facts.jobId.isEmpty())
            facts.jobId = kept.jobId;
        if (facts.name.isEmpty())
            facts.name = kept.name;
        if (facts.partition.isEmpty())
            facts.partition = kept.partition;
        if (facts.stateText.isEmpty())
            facts.stateText = kept.stateText;
        fillIn(facts.allocatedCpus, kept.allocatedCpus);
        fillIn(facts.memoryLimitBytes, kept.memoryLimitBytes);
        fillIn(facts.gpuCount, kept.gpuCount);
        fillIn(facts.timeLimitSeconds, kept.timeLimitSeconds);
        if (!facts.start.isValid())
            facts.start = kept.start;
        if (!facts.end.isValid())
            facts.end = kept.end;
        if (gpusRequested == 0)
            gpusRequested = kept.gpuCount.value_or(0);
    }
    series.coresBusy = joined(stored.coresBusy, series.coresBusy);
    series.rssBytes = joined(stored.rssBytes, series.rssBytes);
    if (stored.peakRssBytes)
        series.peakRssBytes = std::max(series.peakRssBytes.value_or(0), *stored.peakRssBytes);
    // The stored average covers the longer time; it stands until this run's own covers more.
    if (stored.averageCoresBusy && (!series.averageCoresBusy || series.coresBusy.size() < stored.coresBusy.size()))
        series.averageCoresBusy = stored.averageCoresBusy;
    for (const GpuSeries &kept : storedGpus) {
        GpuSeries *live = gpu(kept.index);
        if (!live) {
            gpus.append(kept);
            continue;
        }
        const double liveCount = double(live->utilisation.size());
        live->utilisation = joined(kept.utilisation, live->utilisation);
        const double keptCount = double(live->utilisation.size()) - liveCount;
        if (kept.averageUtilisation && keptCount > 0)
            live->averageUtilisation = (*kept.averageUtilisation * keptCount
                                        + live->averageUtilisation.value_or(0) * liveCount)
                                       / (keptCount + liveCount);
        live->memoryUsedBytes = joined(kept.memoryUsedBytes, live->memoryUsedBytes);
        live->powerWatts = joined(kept.powerWatts, live->powerWatts);
        live->temperatureCelsius = joined(kept.temperatureCelsius, live->temperatureCelsius);
        fillIn(live->memoryTotalBytes, kept.memoryTotalBytes);
        if (kept.peakUtilisation)
            live->peakUtilisation = std::max(live->peakUtilisation.value_or(0), *kept.peakUtilisation);
    }
    std::sort(gpus.begin(), gpus.end(), [](const GpuSeries &a, const GpuSeries &b) { return a.index < b.index; });
}

void JobTrack::setListing(const Job &listed)
{
    job = listed;
    gpusRequested = app::gpusRequested(listed);
    facts.jobId = listed.id;
    facts.name = listed.name;
    facts.partition = listed.partition;
    facts.stateText = listed.stateText.isEmpty() ? jobStateName(listed.state) : listed.stateText;
    if (listed.cpuCount > 0)
        facts.allocatedCpus = listed.cpuCount;
    if (const auto memory = memoryAskedFor(listed); memory && !facts.memoryLimitBytes)
        facts.memoryLimitBytes = memory;
    if (gpusRequested > 0)
        facts.gpuCount = gpusRequested;
    if (listed.timeLimitSeconds)
        facts.timeLimitSeconds = listed.timeLimitSeconds;
    if (listed.state != JobState::Pending && listed.state != JobState::Held && listed.startTime.isValid())
        facts.start = listed.startTime;
    if (listed.endTime.isValid() && isFinished(listed.state))
        facts.end = listed.endTime;
}

JobSample JobTrack::addUsage(const JobUsage &usage, qint64 ms)
{
    JobSample sample{job.id.isEmpty() ? usage.jobId : job.id, QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::UTC),
                     usage.cpuSeconds, std::nullopt, usage.rssBytes};
    if (usage.rssBytes) {
        series.rssBytes.append(ms, float(*usage.rssBytes));
        series.peakRssBytes = std::max(series.peakRssBytes.value_or(0), *usage.rssBytes);
        memoryNote.clear();
    } else if (usage.maxRssBytes) {
        series.rssBytes.append(ms, float(*usage.maxRssBytes));
        memoryNote = QCoreApplication::translate("app::JobTrack",
                                                 "The scheduler reports the largest resident memory so far, not the "
                                                 "memory in use now: the line shows that.");
    } else if (usage.virtualMemoryBytes) {
        memoryNote = QCoreApplication::translate("app::JobTrack",
                                                 "The scheduler reports virtual memory only (%1 now), not resident "
                                                 "memory: no chart of it is drawn, and no advice given.")
                         .arg(units::describeMemory(*usage.virtualMemoryBytes));
    }
    if (usage.maxRssBytes)
        series.peakRssBytes = std::max(series.peakRssBytes.value_or(0), *usage.maxRssBytes);
    if (usage.memoryLimitBytes)
        facts.memoryLimitBytes = usage.memoryLimitBytes;
    if (usage.allocatedCpus)
        facts.allocatedCpus = usage.allocatedCpus;
    if (usage.cpuSeconds) {
        if (m_lastUsage && m_lastUsage->cpuSeconds && ms > m_lastUsageMs
            && *usage.cpuSeconds >= *m_lastUsage->cpuSeconds) {
            sample.coresBusy = (*usage.cpuSeconds - *m_lastUsage->cpuSeconds) / (double(ms - m_lastUsageMs) / 1000.0);
            series.coresBusy.append(ms, float(*sample.coresBusy));
        }
        if (!m_firstCpuSeconds || *usage.cpuSeconds < *m_firstCpuSeconds) {
            m_firstCpuSeconds = usage.cpuSeconds;
            m_firstCpuMs = ms;
        } else if (ms > m_firstCpuMs) {
            series.averageCoresBusy = (*usage.cpuSeconds - *m_firstCpuSeconds) / (double(ms - m_firstCpuMs) / 1000.0);
        }
    }
    m_lastUsage = usage;
    m_lastUsageMs = ms;
    return sample;
}

GpuSeries *JobTrack::gpu(int index)
{
    for (GpuSeries &candidate : gpus) {
        if (candidate.index == index)
            return &candidate;
    }
    return nullptr;
}

void JobTrack::addGpuReadings(const QList<GpuReading> &readings, qint64 receivedMs)
{
    for (const GpuReading &reading : readings) {
        GpuSeries *target = gpu(reading.index);
        if (!target) {
            GpuSeries made;
            made.index = reading.index;
            made.uuid = reading.uuid;
            made.name = reading.name;
            gpus.append(made);
            std::sort(gpus.begin(), gpus.end(),
                      [](const GpuSeries &a, const GpuSeries &b) { return a.index < b.index; });
            target = gpu(reading.index);
        }
        // nvidia-smi's clock is the node's: the time a line arrived keeps every series on the
        // desktop's one clock, with the sstat samples.
        if (reading.utilisationPercent) {
            const std::size_t before = target->utilisation.size();
            target->utilisation.append(receivedMs, float(*reading.utilisationPercent));
            const double n = double(target->utilisation.size());
            if (target->utilisation.size() > before)
                target->averageUtilisation = (target->averageUtilisation.value_or(0) * (n - 1)
                                              + *reading.utilisationPercent)
                                             / n;
            target->peakUtilisation = std::max(target->peakUtilisation.value_or(0), *reading.utilisationPercent);
        }
        if (reading.memoryUsedBytes)
            target->memoryUsedBytes.append(receivedMs, float(*reading.memoryUsedBytes));
        if (reading.powerWatts)
            target->powerWatts.append(receivedMs, float(*reading.powerWatts));
        if (reading.temperatureCelsius)
            target->temperatureCelsius.append(receivedMs, float(*reading.temperatureCelsius));
        if (reading.memoryTotalBytes)
            target->memoryTotalBytes = reading.memoryTotalBytes;
    }
}

int gpusRequested(const Job &job)
{
    // "gres/gpu:h100:2", "gres/gpu:2", "gpu:1", "gres/gpu=2", "ngpus=1", several joined by commas.
    static const QRegularExpression gpu(QStringLiteral(R"((?:^|[,/ ])(?:gpu|ngpus)(?::[A-Za-z0-9_.-]+)?[:=](\d+))"));
    int total = 0;
    auto matches = gpu.globalMatch(job.gres);
    while (matches.hasNext())
        total += matches.next().captured(1).toInt();
    return total;
}

} // namespace app
