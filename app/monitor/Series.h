// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QtGlobal>

#include <cstddef>
#include <optional>
#include <vector>

namespace app {

// One figure over time as the Monitor charts hold it: times (ms since the epoch, UTC, ascending)
// and values side by side in two plain arrays, 12 bytes a sample. Floats are enough for what is
// drawn and said (a 55 GiB RSS is off by at most 4 KiB); cumulative figures that need more
// (a job's CPU seconds) are kept as rates here and as doubles in the store.
class Series
{
public:
    void reserve(std::size_t count);
    // Samples come in time order; one older than the last is dropped, one at the same time replaces it.
    void append(qint64 timeMs, float value);
    void clear();
    void shrinkToFit();

    std::size_t size() const { return m_times.size(); }
    bool isEmpty() const { return m_times.empty(); }
    qint64 timeAt(std::size_t i) const { return m_times[i]; }
    float valueAt(std::size_t i) const { return m_values[i]; }
    const std::vector<qint64> &times() const { return m_times; }
    const std::vector<float> &values() const { return m_values; }
    qint64 firstTime() const { return m_times.front(); }
    qint64 lastTime() const { return m_times.back(); }

    std::optional<float> maximum() const;
    std::optional<float> minimum() const;
    // The mean over time: each value stands for the time since the sample before it (a rate derived
    // from the change of a cumulative figure is exactly that); the first stands for as long as the
    // second. Samples far apart (a gap in sampling) weigh no more than twice the usual step.
    std::optional<double> timeWeightedMean() const;

    // The samples with from <= time <= to.
    Series between(qint64 fromMs, qint64 toMs) const;

    // What a chart pixels wide draws of [from, to]: per pixel column the lowest and the highest
    // sample (in their time order, so the line goes through both), so a one-sample spike stays
    // visible however far the chart is zoomed out; at most 2 × pixels points, plus the nearest
    // sample on each side of the range so the line enters and leaves the chart. A range with no
    // more than 2 × pixels samples is returned as it is.
    Series forWidth(qint64 fromMs, qint64 toMs, int pixels) const;

    // The bytes this series holds on the heap (its capacity, not its size).
    std::size_t memoryBytes() const;

    bool operator==(const Series &) const = default;

private:
    std::vector<qint64> m_times;
    std::vector<float> m_values;
};

} // namespace app
