// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// bench_jobmodel: the Jobs area's list with a big cluster's queue (allUsers on a busy machine).
// Makes a 50,000-job squeue listing in exactly the format SlurmScheduler asks for (pending jobs with
// their reasons, held, running and completing jobs, array tasks, many users, partitions and names),
// then times parsing it, filling a JobListModel, and the refresh where 20 jobs change state and 10
// new ones appear, against the goal of 150 ms for parse and update together; reads the process's
// peak memory against 100 MiB; and shows on an offscreen QTreeView that such a refresh keeps the
// selection and the scroll position. Timings are medians of --rounds runs; printed, never asserted.

#include "BenchFigures.h"
#include "SqueueListing.h"
#include "app/jobs/JobListModel.h"
#include "app/schedulers/slurm/SlurmParsers.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QScrollBar>
#include <QTreeView>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <malloc.h>
#include <optional>
#include <time.h>

using app::Job;
using app::JobListModel;
using bench::Listing;
using bench::makeListing;

using bench::heapMiB;
using bench::median;
using bench::statusMiB;
using bench::verdict;

namespace {

QList<Job> parse(const QByteArray &listing)
{
    auto jobs = app::slurm::parseQueue(listing);
    if (!jobs)
        qFatal("the generated listing does not parse: %s", qPrintable(jobs.error().message));
    return std::move(*jobs);
}

double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

// Milliseconds of `work` (wall clock, and this thread's CPU time: on a loaded machine the first is
// the longer), the medians of `rounds` runs, each after its own untimed `prepare`.
struct Timing
{
    double wall = 0;
    double cpu = 0;
};

Timing timeIt(int rounds, const std::function<void()> &prepare, const std::function<void()> &work)
{
    QList<double> walls;
    QList<double> cpus;
    for (int i = 0; i < rounds; ++i) {
        prepare();
        QElapsedTimer timer;
        const double cpuStart = threadCpuMs();
        timer.start();
        work();
        walls.append(double(timer.nsecsElapsed()) / 1e6);
        cpus.append(threadCpuMs() - cpuStart);
    }
    return {median(walls), median(cpus)};
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication application(argc, argv);
    QCommandLineParser options;
    options.setApplicationDescription(QStringLiteral("Times the Jobs area's model with a big queue listing."));
    options.addHelpOption();
    const QCommandLineOption roundsOption(QStringLiteral("rounds"), QStringLiteral("Runs of each case (median)."),
                                          QStringLiteral("N"), QStringLiteral("7"));
    const QCommandLineOption jobsOption(QStringLiteral("jobs"), QStringLiteral("Jobs in the listing."),
                                        QStringLiteral("N"), QStringLiteral("50000"));
    options.addOption(roundsOption);
    options.addOption(jobsOption);
    options.process(application);
    const int rounds = std::max(1, options.value(roundsOption).toInt());
    const int count = std::max(100, options.value(jobsOption).toInt());
    constexpr int Changes = 20;
    constexpr int Added = 10;

    // What the job list costs, as the application meets it: one listing arrives (squeue's output),
    // is parsed and fills the model; then the next one arrives and updates it. Measured first, so
    // that the peak is the application's and not the timing rounds'.
    const double peakAtStart = statusMiB("VmHWM:");
    Listing shape;
    std::optional<JobListModel> kept;
    kept.emplace();
    const double heapBefore = heapMiB();
    double heapBoth = 0;
    for (const bool next : {false, true}) {
        const QByteArray output = makeListing(count, next, Changes, Added, &shape);
        const QList<Job> jobs = parse(output);
        kept->setJobs(jobs);
        heapBoth = std::max(heapBoth, heapMiB() - heapBefore);
    }
    const double modelShare = heapMiB() - heapBefore;
    const double peakAfter = statusMiB("VmHWM:");
    kept.reset();

    const QByteArray listing = makeListing(count, false, Changes, Added, nullptr);
    const QByteArray nextListing = makeListing(count, true, Changes, Added, nullptr);
    std::printf("listing: %d jobs (%d pending, %d running, %d array tasks), %.1f MiB of squeue output in "
                "SlurmParsers::queueFormat()'s fields; the next one: %d started, %d new\n",
                count, shape.pending, shape.running, shape.arrayTasks, double(listing.size()) / (1024 * 1024),
                shape.started, Added);
    std::printf("medians of %d rounds; wall clock, and in brackets this thread's CPU time (the difference is "
                "what other processes took from it)\n\n",
                rounds);

    QList<Job> parsed;
    const Timing parseTime = timeIt(rounds, [&] { parsed.clear(); }, [&] { parsed = parse(listing); });
    std::optional<JobListModel> model;
    const Timing fill = timeIt(
        rounds,
        [&] {
            model.reset();
            model.emplace();
        },
        [&] { model->setJobs(parsed); });
    const Timing nextParse = timeIt(rounds, [] {}, [&] { (void)parse(nextListing); });
    const QList<Job> next = parse(nextListing);
    int dataChangedSignals = 0;
    const Timing update = timeIt(
        rounds,
        [&] {
            model.reset();
            model.emplace();
            model->setJobs(parsed);
            dataChangedSignals = 0;
            QObject::connect(&*model, &QAbstractItemModel::dataChanged, &*model, [&] { ++dataChangedSignals; });
        },
        [&] { model->setJobs(next); });
    const Timing total{nextParse.wall + update.wall, nextParse.cpu + update.cpu};

    // The usual refresh on a real cluster: every running job's time moved on.
    QList<Job> later = next;
    for (Job &job : later) {
        if (job.state == app::JobState::Running) {
            job.elapsedSeconds = job.elapsedSeconds.value_or(0) + 5;
            job.timeLeftSeconds = std::max<qint64>(0, job.timeLeftSeconds.value_or(0) - 5);
        }
    }
    const Timing tick = timeIt(
        rounds,
        [&] {
            model.reset();
            model.emplace();
            model->setJobs(next);
        },
        [&] { model->setJobs(later); });

    const auto row = [](const QString &name, Timing t, const QString &comment = {}) {
        std::printf("%-60s %8.1f (%6.1f)  %s\n", qPrintable(name), t.wall, t.cpu, qPrintable(comment));
    };
    std::printf("%-60s %8s %8s\n", "case", "ms", "(cpu)");
    row(QStringLiteral("parse the listing (slurm::parseQueue)"), parseTime);
    row(QStringLiteral("first fill of the model (setJobs, %1 rows inserted)").arg(count), fill);
    row(QStringLiteral("parse the next listing"), nextParse);
    row(QStringLiteral("update: %1 jobs change state, %2 new").arg(shape.started).arg(Added), update,
        QStringLiteral("%1 dataChanged signals, %2 rows appended")
            .arg(dataChangedSignals)
            .arg(next.size() - parsed.size()));
    row(QStringLiteral("total: parse + update"), total,
        QStringLiteral("goal < 150 ms: %1").arg(QLatin1StringView(verdict(total.wall < 150))));
    row(QStringLiteral("update where every running job's time moved on"), tick, QStringLiteral("parse not included"));

    std::printf("\npeak memory (VmHWM): %.1f MiB with the application started, %.1f MiB after two listings were "
                "received, parsed and applied: +%.1f MiB for the job list; goal < 100 MiB: %s\n",
                peakAtStart, peakAfter, peakAfter - peakAtStart, verdict(peakAfter - peakAtStart < 100));
    std::printf("heap in use: the model's share %.1f MiB (%.0f bytes a job), at most %.1f MiB while a parsed "
                "listing was held as well\n",
                modelShare, modelShare * 1024 * 1024 / count, heapBoth);

    // The view's side: a refresh keeps the selection and the scroll position.
    model.reset();
    model.emplace();
    model->setJobs(parsed);
    QTreeView view;
    view.setUniformRowHeights(true);
    view.setRootIsDecorated(false);
    view.setSelectionBehavior(QAbstractItemView::SelectRows);
    view.setModel(&*model);
    view.resize(1200, 700);
    view.show();
    QApplication::processEvents();
    const int selectedRow = count / 2;
    const QModelIndex selected = model->index(selectedRow, 0);
    view.setCurrentIndex(selected);
    view.selectionModel()->select(selected, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    view.scrollTo(selected, QAbstractItemView::PositionAtCenter);
    QApplication::processEvents();
    const QString selectedId = selected.data(JobListModel::IdRole).toString();
    const int scrollBefore = view.verticalScrollBar()->value();
    int resets = 0, layouts = 0, removals = 0;
    QObject::connect(&*model, &QAbstractItemModel::modelReset, &view, [&] { ++resets; });
    QObject::connect(&*model, &QAbstractItemModel::layoutChanged, &view, [&] { ++layouts; });
    QObject::connect(&*model, &QAbstractItemModel::rowsRemoved, &view, [&] { ++removals; });
    QElapsedTimer timer;
    timer.start();
    model->setJobs(next);
    QApplication::processEvents();
    const double withViewMs = double(timer.nsecsElapsed()) / 1e6;
    const QModelIndexList selection = view.selectionModel()->selectedRows();
    const int rowAfter = selection.size() == 1 ? selection.first().row() : -1;
    const QString idAfter = selection.size() == 1 ? selection.first().data(JobListModel::IdRole).toString() : QString();
    const int scrollAfter = view.verticalScrollBar()->value();
    std::printf("\noffscreen QTreeView over the model, row %d of %d selected and scrolled to the middle; the "
                "update above applied:\n",
                selectedRow, int(model->rowCount()));
    std::printf("  selected row: %d (job %s) -> %d (job %s): %s\n", selectedRow, qPrintable(selectedId), rowAfter,
                qPrintable(idAfter), rowAfter == selectedRow && idAfter == selectedId ? "unchanged" : "CHANGED");
    std::printf("  current index: %s\n", view.currentIndex().row() == selectedRow ? "unchanged" : "CHANGED");
    std::printf("  vertical scroll position: %d -> %d: %s\n", scrollBefore, scrollAfter,
                scrollBefore == scrollAfter ? "unchanged" : "CHANGED");
    std::printf("  modelReset %d, layoutChanged %d, rowsRemoved %d\n", resets, layouts, removals);
    std::printf("  update with the view attached, repaint included: %.1f ms (one run)\n", withViewMs);
    return 0;
}
