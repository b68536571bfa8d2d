// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/monitor/MonitorSamples.h"
#include "app/monitor/Usage.h"
#include "app/schedulers/Job.h"

#include <QList>
#include <QString>

#include <optional>

namespace app {

// What the Monitor knows of one job, live or read back from the store: its facts, its series and
// its GPUs' series (what the charts draw and Verdicts put in words), and while it is watched, the
// latest listing of it and why a figure is missing.
struct JobTrack
{
    Job job; // the latest listing of it (only the id for a job read back from the store)
    JobFacts facts;
    JobSeries series;
    QList<GpuSeries> gpus;
    int gpusRequested = 0;
    QString usageProblem; // why there is no CPU or memory figure (empty: none)
    QString gpuProblem;   // why GPU figures stopped or never came
    // What the memory figures are when the scheduler gives no resident memory now: PBS only the
    // largest so far (charted as such), Grid Engine only virtual memory (not charted). Empty for Slurm and LSF.
    QString memoryNote;

    // Takes a listing of the job: its state, and the facts it gives (name, partition, CPUs,
    // memory asked for, GPUs, time limit, start and end).
    void setListing(const Job &listed);
    // Appends one reading: RSS as is, and cores busy as the change of CPU time over the time since
    // the last reading (a reading whose CPU time went backwards, a step that ended, starts afresh).
    // The sample as the store keeps it.
    JobSample addUsage(const JobUsage &usage, qint64 ms);
    // Appends GPU readings at receivedMs, each to its GPU's series (made on first sight).
    void addGpuReadings(const QList<GpuReading> &readings, qint64 receivedMs);
    GpuSeries *gpu(int index);
    // Puts what the store kept of the job (an earlier run of the app) before what was sampled
    // since; facts fill in what the listing has not said.
    void mergeStored(const std::optional<JobFacts> &storedFacts, const JobSeries &stored,
                     const QList<GpuSeries> &storedGpus);

private:
    std::optional<JobUsage> m_lastUsage;
    qint64 m_lastUsageMs = 0;
    std::optional<double> m_firstCpuSeconds; // where the average's CPU time starts
    qint64 m_firstCpuMs = 0;
};

// The number of GPUs a job asked for, from its generic resources ("gres/gpu:h100:2", "gpu:1",
// "ngpus=1", "gres/gpu=2"); 0 when none.
int gpusRequested(const Job &job);

} // namespace app
