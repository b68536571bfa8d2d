// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

// A generated squeue listing of a big, busy cluster, in exactly the fields SlurmScheduler asks for
// (SlurmParsers' queueFormat()): what bench_jobmodel and bench_guistall feed the Jobs area's
// parse-and-model path. The same listing every time (a fixed seed).

#include <QByteArray>

namespace bench {

// Counts of what a listing holds.
struct Listing
{
    int pending = 0;
    int running = 0;
    int arrayTasks = 0;
    int started = 0; // in the next listing
};

// The listing of count jobs, or the next one, where `changes` pending jobs have started and
// `added` new jobs come at the end.
QByteArray makeListing(int count, bool next, int changes, int added, Listing *shape);

} // namespace bench
