// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/schedulers/JobAccounting.h"

namespace app {

JobAccounting JobAccounting::fromJob(const Job &job)
{
    JobAccounting accounting;
    accounting.id = job.id;
    accounting.name = job.name;
    accounting.user = job.user;
    accounting.partition = job.partition;
    accounting.account = job.account;
    accounting.state = job.state;
    accounting.stateText = job.stateText;
    accounting.elapsedSeconds = job.elapsedSeconds;
    accounting.timeLimitSeconds = job.timeLimitSeconds;
    accounting.allocatedCpus = job.cpuCount;
    accounting.nodeCount = job.nodeCount;
    accounting.submitTime = job.submitTime;
    accounting.startTime = job.startTime;
    accounting.endTime = job.endTime;
    return accounting;
}

std::optional<double> JobAccounting::cpuEfficiency() const
{
    if (!cpuSeconds || !elapsedSeconds || *elapsedSeconds <= 0 || allocatedCpus <= 0)
        return std::nullopt;
    return *cpuSeconds / (double(allocatedCpus) * double(*elapsedSeconds));
}

std::optional<double> JobAccounting::memoryEfficiency() const
{
    if (!maxRssBytes || !requestedMemoryBytes || *requestedMemoryBytes <= 0)
        return std::nullopt;
    return double(*maxRssBytes) / double(*requestedMemoryBytes);
}

std::optional<double> JobAccounting::timeEfficiency() const
{
    if (!elapsedSeconds || !timeLimitSeconds || *timeLimitSeconds <= 0)
        return std::nullopt;
    return double(*elapsedSeconds) / double(*timeLimitSeconds);
}

} // namespace app
