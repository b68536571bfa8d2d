// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/jobs/JobListFill.h"

#include <QtConcurrentRun>

namespace app {

JobListFill JobListFill::make(const QList<Job> &jobs)
{
    JobListFill fill;
    // Room for the jobs the next refreshes bring: growing a list of 50,000 rows means a new block
    // and a copy (and its pages faulted in). Capacity not yet used is address space, not memory.
    const qsizetype room = jobs.size() + jobs.size() / 8 + 256;
    fill.rows.reserve(room);
    fill.rowOf.reserve(room);
    for (const Job &job : jobs) {
        const qsizetype before = fill.rowOf.size();
        int &slot = fill.rowOf[job.id]; // one lookup: it grows only for a new id
        if (fill.rowOf.size() == before)
            continue; // listed twice: the first one counts
        slot = int(fill.rows.size());
        JobRow &row = fill.rows.emplaceBack();
        row.setJob(job);
        row.seen = Generation;
    }
    return fill;
}

QFuture<JobListFill> JobListFill::prepare(QList<Job> jobs)
{
    return QtConcurrent::run([jobs = std::move(jobs)]() mutable {
        JobListFill fill = make(jobs);
        jobs = {}; // the listing's last reference: freed here, not in the window's thread
        return fill;
    });
}

} // namespace app
