// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/monitor/Usage.h"
#include "app/schedulers/Job.h"

#include <QList>

namespace app {

// The queue chart's figures from a queue listing: per partition, how many jobs wait (pending,
// held and suspended) and run (running and completing); jobs in any other state are not counted.
// A job listed in several partitions ("a,b": it may start in either) counts under the first.
// Sorted by partition name. Meant for listings of tens of thousands of jobs, every refresh: no
// allocation per job.
QList<QueueCounts> countQueue(const QList<Job> &jobs);

} // namespace app
