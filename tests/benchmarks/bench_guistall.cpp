// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// bench_guistall: does the window's thread ever wait? (issue 14, "The window's thread never waits")
// With the Files and Jobs areas shown and connected to the demo cluster as alice, a 10 ms timer on
// the GUI thread records the gaps between its ticks while
//   (a) an upload of a local tree of 100,000 small files is queued, scanned and sent for a bounded
//       time, then cancelled (through TransferQueue's public API only, so it measures whatever
//       thread the scanning runs on), and
//   (b) a 50,000-job squeue listing, then the next one, go through the Jobs area's path: the Slurm
//       back end's parser, then the area's own JobListModel (with its sorting proxy and view).
// It prints, for each case and each of its phases, the longest gap (the time the event loop did not
// run, tick interval included) and how many gaps were over 50 ms. Goal: none. Figures, not asserts.

#include "SqueueListing.h"
#include "app/ReleaseAside.h"
#include "app/clusters/ClusterListModel.h"
#include "app/connections/ClusterConnection.h"
#include "app/demo/DemoCluster.h"
#include "app/jobs/JobListFill.h"
#include "app/jobs/JobListModel.h"
#include "app/jobs/JobMonitor.h"
#include "app/schedulers/Scheduler.h"
#include "app/schedulers/SchedulerClient.h"
#include "app/transfers/TransferQueue.h"
#include "sshcore/SshCommand.h"
#include "sshcore/SshConnection.h"
#include "ui/files/FilesArea.h"
#include "ui/jobs/JobsArea.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QRandomGenerator>
#include <QSplitter>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr qint64 StallMs = 50; // the goal: no gap over this

void note(const QString &line)
{
    std::fprintf(stderr, "%s\n", qPrintable(line));
}

// Records the gaps between the ticks of a 10 ms timer on the thread it lives on (the GUI thread):
// a gap much longer than 10 ms is a time the event loop did not run. A new phase starts with a tick
// of its own, and a gap is counted in the phase it began in, so a call that blocks (upload(),
// cancel()) is charged to the phase it was made in.
class StallMeter : public QObject
{
public:
    struct Phase
    {
        QString name;
        qint64 longestMs = 0;
        int over = 0; // gaps over StallMs
        int ticks = 0;
        qint64 startedMs = 0;
        qint64 endedMs = 0;
    };

    StallMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(10ms);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] { tick(); });
    }

    void start(const QString &firstPhase)
    {
        m_phases.clear();
        m_clock.start();
        m_last = 0;
        m_phaseAtLastTick = 0;
        phase(firstPhase);
        m_timer.start();
    }

    // From now on, gaps that begin are counted in a new phase.
    void phase(const QString &name)
    {
        if (m_timer.isActive())
            tick(); // the gap so far is the old phase's; what is called from here on, the new one's
        const qint64 now = m_clock.isValid() ? m_clock.elapsed() : 0;
        if (!m_phases.isEmpty())
            m_phases.last().endedMs = now;
        m_phases.append({name, 0, 0, 0, now, now});
        m_phaseAtLastTick = int(m_phases.size()) - 1;
    }

    void stop()
    {
        tick(); // a stall under way when stopping counts too
        m_timer.stop();
        m_phases.last().endedMs = m_clock.elapsed();
    }

    const QList<Phase> &phases() const { return m_phases; }

    Phase total() const
    {
        Phase all{u"whole case"_s, 0, 0, 0, 0, m_phases.isEmpty() ? 0 : m_phases.last().endedMs};
        for (const Phase &p : m_phases) {
            all.longestMs = std::max(all.longestMs, p.longestMs);
            all.over += p.over;
            all.ticks += p.ticks;
        }
        return all;
    }

private:
    void tick()
    {
        const qint64 now = m_clock.elapsed();
        Phase &current = m_phases[m_phaseAtLastTick];
        const qint64 gap = now - m_last;
        current.longestMs = std::max(current.longestMs, gap);
        current.over += gap > StallMs;
        ++current.ticks;
        m_last = now;
        m_phaseAtLastTick = int(m_phases.size()) - 1;
    }

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    int m_phaseAtLastTick = 0;
    QList<Phase> m_phases;
};

// Runs the event loop until done() holds or timeout passes; whether it held.
bool waitFor(const std::function<bool()> &done, std::chrono::milliseconds timeout)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    poll.start(5ms);
    QTimer::singleShot(timeout, &loop, &QEventLoop::quit);
    loop.exec();
    return done();
}

// Lets the window settle (repaints, queued signals) for a while.
void idle(std::chrono::milliseconds time)
{
    waitFor([] { return false; }, time);
}

bool remoteRun(sshcore::SshConnection &connection, const QList<QByteArray> &arguments)
{
    std::unique_ptr<sshcore::SshCommand> command(connection.run(arguments));
    waitFor([&] { return command->isFinished(); }, 120s);
    const auto &result = command->result();
    if (!command->isFinished() || !result || result->exitStatus != 0) {
        note(u"'%1' failed: %2"_s.arg(QString::fromUtf8(arguments.join(' ')),
                                      !command->isFinished() ? u"no answer"_s
                                      : !result              ? result.error().message
                                                             : QString::fromUtf8(result->standardError)));
        return false;
    }
    return true;
}

// count files of `size` bytes in folders of 100 under root.
bool makeTree(const QString &root, int count, int size)
{
    const QByteArray data(size, 'x');
    for (int i = 0; i < count; ++i) {
        const QString folder = root + u"/d%1"_s.arg(i / 100, 4, 10, QLatin1Char('0'));
        if (i % 100 == 0 && !QDir().mkpath(folder))
            return false;
        QFile file(folder + u"/f%1.txt"_s.arg(i % 100, 2, 10, QLatin1Char('0')));
        if (!file.open(QIODevice::WriteOnly) || file.write(data) != size)
            return false;
    }
    return true;
}

void printCase(const QString &title, const StallMeter &meter)
{
    std::printf("\n%s\n", qPrintable(title));
    std::printf("  %-52s %9s %12s %7s %9s\n", "phase", "longest", "gaps >50 ms", "ticks", "lasted");
    const auto row = [](const StallMeter::Phase &p) {
        std::printf("  %-52s %6lld ms %12d %7d %7.1f s\n", qPrintable(p.name), static_cast<long long>(p.longestMs),
                    p.over, p.ticks, double(p.endedMs - p.startedMs) / 1000.0);
    };
    for (const StallMeter::Phase &p : meter.phases())
        row(p);
    const StallMeter::Phase all = meter.total();
    row(all);
    std::printf("  goal, no gap over %lld ms: %s\n", static_cast<long long>(StallMs),
                all.over == 0 ? "met" : "NOT met");
}

// Case (a): the upload of the tree, queued, scanned, sent for at most runFor, then cancelled.
bool uploadCase(app::TransferQueue &queue, const QString &tree, const QByteArray &remote, int files,
                std::chrono::milliseconds runFor, StallMeter &meter)
{
    using State = app::TransferQueue::JobState;
    int id = -1;
    bool finished = false;
    QObject context;
    QObject::connect(&queue, &app::TransferQueue::jobFinished, &context,
                     [&](int which) { finished = finished || which == id; });
    const auto state = [&] {
        const app::TransferQueue::Job *job = queue.job(id);
        return job ? job->state : State::Finished;
    };
    QElapsedTimer clock;
    meter.start(u"upload(): queueing and scanning %1 files"_s.arg(files));
    clock.start();
    id = queue.upload(tree, remote, {});
    const qint64 queuedMs = clock.elapsed();
    const bool scanned = waitFor([&] { return finished || state() != State::Scanning; }, 10min);
    const qint64 scannedMs = clock.elapsed();
    meter.phase(u"transferring (at most %1 s)"_s.arg(runFor.count() / 1000.0));
    waitFor([&] { return finished; }, runFor);
    const app::TransferQueue::Progress progress = queue.progress(id);
    const bool cancelled = !finished;
    meter.phase(u"cancel() and the job's end"_s);
    if (cancelled)
        queue.cancel(id);
    const bool ended = waitFor([&] { return finished; }, 2min);
    meter.phase(u"afterwards (1 s)"_s);
    idle(1s);
    meter.stop();
    std::printf("\nupload: upload() returned after %lld ms, scanning ended after %lld ms%s; %d of "
                "%d files sent "
                "when %s\n",
                static_cast<long long>(queuedMs), static_cast<long long>(scannedMs),
                scanned ? "" : " (NOT within 10 min)", progress.filesDone, progress.filesTotal,
                cancelled ? "cancelled" : "it finished");
    if (const app::TransferQueue::Job *job = queue.job(id); job && !job->error.isEmpty())
        note(u"the upload failed: "_s + job->error);
    if (!ended)
        note(u"the job did not end within 2 minutes of cancel()"_s);
    return ended;
}

// Case (b): the first listing, then the next one, through the Slurm back end's parser and the Jobs
// area's model, each handed over from the event loop as JobMonitor's answer is.
bool queueCase(const app::Scheduler &slurm, app::JobListModel &model, int count, StallMeter &meter)
{
    bench::Listing shape;
    QList<qint64> applied; // ms setJobs or adopt took (the model, its sorting proxy and the view's slots)
    const QByteArray first = bench::makeListing(count, false, 20, 10, nullptr);
    const QByteArray next = bench::makeListing(count, true, 20, 10, &shape);
    bool ok = true;
    const auto deliver = [&](const QByteArray &listing) {
        bool done = false;
        const auto timed = [&](const std::function<void()> &apply) {
            QElapsedTimer applying;
            applying.start();
            apply();
            applied.append(applying.elapsed());
            done = true;
        };
        const auto parsed = [&](sshcore::Result<QList<app::Job>> jobs) {
            if (!jobs) {
                note(u"the listing does not parse: "_s + jobs.error().message);
                ok = false;
                done = true;
            } else if (model.rowCount() == 0 && jobs->size() >= app::JobListFill::AsideFrom) {
                // JobMonitor's way with a big first listing: its rows made aside, then adopted.
                app::JobListFill::prepare(*jobs).then(&model, [&](QFuture<app::JobListFill> made) {
                    timed([&] { model.adopt(made.takeResult()); });
                });
            } else {
                timed([&] { model.setJobs(*jobs); });
                app::releaseAside(std::move(*jobs)); // as JobMonitor does
            }
        };
        sshcore::CommandResult squeue; // what the cluster answered, exit status 0
        squeue.standardOutput = listing;
        // From here on the path SchedulerClient::queue() takes once squeue has answered: parsed aside,
        // then the Jobs area's model updated in the window's thread.
        app::SchedulerClient::parseAside<QList<app::Job>>([&slurm, squeue] { return slurm.parseQueue(squeue); }, &model,
                                                          parsed);
        waitFor([&] { return done; }, 5min);
    };
    meter.start(u"first listing: parse, fill the model, repaint"_s);
    deliver(first);
    idle(1s);
    meter.phase(u"next listing: %1 jobs started, 10 new"_s.arg(shape.started));
    deliver(next);
    idle(1s);
    meter.stop();
    std::printf("\nqueue: %d jobs (%.1f MiB of squeue output); the model holds %d rows; applying it took", count,
                double(first.size()) / (1024 * 1024), model.rowCount());
    for (const qint64 ms : std::as_const(applied))
        std::printf(" %lld ms", static_cast<long long>(ms));
    std::printf(" (first, next)\n");
    return ok;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication application(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"The longest time the GUI thread does not run its event loop while a big "
                                     "upload is queued and a big queue listing is shown (demo cluster)."_s);
    parser.addHelpOption();
    const QCommandLineOption filesOption(u"files"_s, u"Files in the uploaded tree (default 100000)."_s, u"N"_s,
                                         u"100000"_s);
    const QCommandLineOption sizeOption(u"file-bytes"_s, u"Size of each file (default 1024)."_s, u"bytes"_s, u"1024"_s);
    const QCommandLineOption runOption(u"run-seconds"_s,
                                       u"How long the upload runs once scanned before it is cancelled (default 15)."_s,
                                       u"s"_s, u"15"_s);
    const QCommandLineOption jobsOption(u"jobs"_s, u"Jobs in the queue listing (default 50000)."_s, u"N"_s, u"50000"_s);
    parser.addOptions({filesOption, sizeOption, runOption, jobsOption});
    parser.process(application);
    const int files = std::max(1, parser.value(filesOption).toInt());
    const int fileBytes = std::max(0, parser.value(sizeOption).toInt());
    const auto runFor = std::chrono::milliseconds(qint64(std::max(0.0, parser.value(runOption).toDouble()) * 1000));
    const int jobs = std::max(100, parser.value(jobsOption).toInt());

    const auto cluster = app::DemoCluster::load(app::DemoCluster::defaultFilePath());
    if (!cluster) {
        note(cluster.error().message);
        return 2;
    }
    const QString shm = u"/dev/shm"_s;
    QTemporaryDir local((QFileInfo(shm).isWritable() ? shm : QDir::tempPath()) + u"/clusterdesk-guistall-XXXXXX"_s);
    if (!local.isValid()) {
        note(u"Cannot make a temporary folder."_s);
        return 2;
    }
    if (QFile config(local.filePath(u"ssh_config"_s));
        !config.open(QIODevice::WriteOnly)) { // empty: the profile is all
        note(u"Cannot write %1."_s.arg(config.fileName()));
        return 2;
    }

    // The window: the Files area over the Jobs area, both connected, as the main window shows them.
    app::ClusterConnection connection(app::ClusterListModel::demoProfile(*cluster), local.filePath(u"ssh_config"_s),
                                      nullptr, nullptr);
    QSplitter window(Qt::Vertical);
    auto *filesArea = new ui::FilesArea(&window);
    auto *jobsArea = new ui::JobsArea(&window);
    window.addWidget(filesArea);
    window.addWidget(jobsArea);
    window.resize(1400, 1000);
    window.show();
    connection.open();
    filesArea->setConnection(&connection);
    jobsArea->setConnection(&connection);
    if (!waitFor(
            [&] { return connection.schedulerClient()->isReady() && connection.transfers() && jobsArea->monitor(); },
            60s)) {
        note(u"Cannot connect to the demo cluster: "_s + connection.message());
        return 2;
    }
    idle(2s);                    // the first listings of both areas
    jobsArea->monitor()->stop(); // the listings fed below are the only ones it shows

    int status = 0;
    note(u"making %1 files of %2 bytes in %3"_s.arg(files).arg(fileBytes).arg(local.path()));
    const QString tree = local.filePath(u"tree"_s);
    const QByteArray remote = "/tmp/clusterdesk-guistall-"
                              + QByteArray::number(QRandomGenerator::global()->generate(), 16);
    if (!makeTree(tree, files, fileBytes) || !remoteRun(*connection.ssh(), {"mkdir", "-p", remote})) {
        note(u"Cannot make the files to upload."_s);
        return 2;
    }
    StallMeter uploadMeter;
    if (!uploadCase(*connection.transfers(), tree, remote, files, runFor, uploadMeter))
        status = 1;
    remoteRun(*connection.ssh(), {"rm", "-rf", remote});

    StallMeter queueMeter;
    if (!queueCase(*connection.schedulerClient()->scheduler(), *jobsArea->model(), jobs, queueMeter))
        status = 1;

    printCase(u"(a) upload of %1 files of %2 bytes, queued from the GUI thread with the Files area shown"_s.arg(files)
                  .arg(fileBytes),
              uploadMeter);
    printCase(u"(b) %1-job queue refresh through the Slurm parser and the Jobs area's model"_s.arg(jobs), queueMeter);
    QFile loadFile(u"/proc/loadavg"_s);
    std::printf("\nthe gaps are between ticks of a 10 ms timer on the GUI thread (so 10 ms means "
                "no stall); "
                "offscreen window of the Files area over the Jobs area, connected as alice to the "
                "demo cluster; "
                "machine: %d CPUs, load average %s\n",
                QThread::idealThreadCount(),
                loadFile.open(QIODevice::ReadOnly) ? loadFile.readAll().split(' ').value(0).constData() : "?");
    return status;
}
