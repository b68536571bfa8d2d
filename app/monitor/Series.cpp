// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/monitor/Series.h"

#include <algorithm>

namespace app {

void Series::reserve(std::size_t count)
{
    m_times.reserve(count);
    m_values.reserve(count);
}

void Series::append(qint64 timeMs, float value)
{
    if (!m_times.empty() && timeMs <= m_times.back()) {
        if (timeMs == m_times.back())
            m_values.back() = value;
        return;
    }
    m_times.push_back(timeMs);
    m_values.push_back(value);
}

void Series::clear()
{
    m_times.clear();
    m_values.clear();
}

void Series::shrinkToFit()
{
    m_times.shrink_to_fit();
    m_values.shrink_to_fit();
}

std::optional<float> Series::maximum() const
{
    if (m_values.empty())
        return std::nullopt;
    return *std::max_element(m_values.begin(), m_values.end());
}

std::optional<float> Series::minimum() const
{
    if (m_values.empty())
        return std::nullopt;
    return *std::min_element(m_values.begin(), m_values.end());
}

std::optional<double> Series::timeWeightedMean() const
{
    if (m_values.empty())
        return std::nullopt;
    if (m_values.size() == 1)
        return double(m_values.front());
    // The usual step: the median of the steps, so a few gaps do not stretch it.
    std::vector<qint64> steps(m_times.size() - 1);
    for (std::size_t i = 1; i < m_times.size(); ++i)
        steps[i - 1] = m_times[i] - m_times[i - 1];
    std::nth_element(steps.begin(), steps.begin() + qsizetype(steps.size() / 2), steps.end());
    const double usual = double(std::max<qint64>(1, steps[steps.size() / 2]));
    double weighted = 0;
    double total = 0;
    for (std::size_t i = 0; i < m_values.size(); ++i) {
        const double step = i == 0 ? double(m_times[1] - m_times[0]) : double(m_times[i] - m_times[i - 1]);
        const double weight = std::min(std::max(step, 1.0), 2 * usual);
        weighted += weight * double(m_values[i]);
        total += weight;
    }
    return weighted / total;
}

Series Series::between(qint64 fromMs, qint64 toMs) const
{
    Series part;
    const auto begin = std::lower_bound(m_times.begin(), m_times.end(), fromMs);
    const auto end = std::upper_bound(begin, m_times.end(), toMs);
    const auto first = std::size_t(begin - m_times.begin());
    const auto last = std::size_t(end - m_times.begin());
    part.m_times.assign(begin, end);
    part.m_values.assign(m_values.begin() + qsizetype(first), m_values.begin() + qsizetype(last));
    return part;
}

Series Series::forWidth(qint64 fromMs, qint64 toMs, int pixels) const
{
    Series drawn;
    if (m_times.empty() || toMs < fromMs || pixels <= 0)
        return drawn;
    const auto begin = std::size_t(std::lower_bound(m_times.begin(), m_times.end(), fromMs) - m_times.begin());
    const auto end = std::size_t(std::upper_bound(m_times.begin(), m_times.end(), toMs) - m_times.begin());
    const std::size_t inRange = end - begin;
    drawn.reserve(std::min<std::size_t>(inRange, 2 * std::size_t(pixels)) + 2);
    if (begin > 0)
        drawn.append(m_times[begin - 1], m_values[begin - 1]);
    if (inRange <= 2 * std::size_t(pixels) || toMs == fromMs) {
        for (std::size_t i = begin; i < end; ++i)
            drawn.append(m_times[i], m_values[i]);
    } else {
        const double span = double(toMs - fromMs);
        std::size_t i = begin;
        while (i < end) {
            // The samples of this pixel column.
            const auto columnOf = [&](std::size_t k) {
                return std::min<qint64>(pixels - 1, qint64(double(m_times[k] - fromMs) * pixels / span));
            };
            const qint64 column = columnOf(i);
            std::size_t lowest = i;
            std::size_t highest = i;
            std::size_t j = i + 1;
            for (; j < end && columnOf(j) == column; ++j) {
                if (m_values[j] < m_values[lowest])
                    lowest = j;
                if (m_values[j] > m_values[highest])
                    highest = j;
            }
            const std::size_t firstKept = std::min(lowest, highest);
            const std::size_t secondKept = std::max(lowest, highest);
            drawn.append(m_times[firstKept], m_values[firstKept]);
            if (secondKept != firstKept)
                drawn.append(m_times[secondKept], m_values[secondKept]);
            i = j;
        }
    }
    if (end < m_times.size())
        drawn.append(m_times[end], m_values[end]);
    return drawn;
}

std::size_t Series::memoryBytes() const
{
    return m_times.capacity() * sizeof(qint64) + m_values.capacity() * sizeof(float);
}

} // namespace app
