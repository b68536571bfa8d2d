#include "app/schedulers/JobAccounting.h"

namespace app {

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
