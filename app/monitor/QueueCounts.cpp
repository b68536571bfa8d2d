// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/monitor/QueueCounts.h"

#include <QHash>

#include <algorithm>

namespace app {

QList<QueueCounts> countQueue(const QList<Job> &jobs)
{
    // Keyed by a view into the jobs' own strings: a partition's name is looked up, not copied,
    // for every job.
    QHash<QStringView, QueueCounts> counts;
    for (const Job &job : jobs) {
        int QueueCounts::*field = nullptr;
        switch (job.state) {
        case JobState::Pending:
        case JobState::Held:
        case JobState::Suspended: field = &QueueCounts::pending; break;
        case JobState::Running:
        case JobState::Completing: field = &QueueCounts::running; break;
        default: break;
        }
        if (!field)
            continue;
        QStringView partition = job.partition;
        if (const qsizetype comma = partition.indexOf(u','); comma >= 0)
            partition = partition.first(comma);
        auto it = counts.find(partition);
        if (it == counts.end())
            it = counts.insert(partition, QueueCounts{});
        ++((*it).*field);
    }
    QList<QueueCounts> result;
    result.reserve(counts.size());
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        QueueCounts entry = it.value();
        entry.partition = it.key().toString();
        result.append(std::move(entry));
    }
    std::ranges::sort(result, {}, &QueueCounts::partition);
    return result;
}

} // namespace app
