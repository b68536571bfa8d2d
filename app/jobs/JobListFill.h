// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/jobs/JobRow.h"
#include "app/schedulers/Job.h"

#include <QFuture>
#include <QHash>
#include <QList>
#include <QString>

namespace app {

// The rows of an empty job list filled by its first listing: one row per id (the first listing of
// an id counts), in listing order, with the index of ids. Plain data made on any thread: the first
// listing of a big cluster (tens of thousands of jobs, tens of MiB of rows) is made on a worker
// thread and handed to JobListModel::adopt, so the window's thread only swaps it in and sorts.
struct JobListFill
{
    QList<JobRow> rows;
    QHash<QString, int> rowOf;

    // From this many jobs on, JobMonitor prepares a first fill aside rather than in setJobs.
    static constexpr qsizetype AsideFrom = 2000;
    // The listing count (JobRow::seen) of a fill's rows.
    static constexpr quint32 Generation = 1;

    static JobListFill make(const QList<Job> &jobs);
    // make() on a worker thread; the listing is released there too. Take the result out of the
    // future (takeResult()), not by copy: a copy shares the rows, and the model's first change to
    // them would then copy every row in the window's thread.
    static QFuture<JobListFill> prepare(QList<Job> jobs);
};

} // namespace app
