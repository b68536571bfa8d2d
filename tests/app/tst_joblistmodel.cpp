// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The Jobs area's model, checked as a model: refreshes are diffs (only changed rows signal, nothing
// is reset or moved), jobs that leave the queue stay until accounting says how they ended, a failed
// query shows Unknown rather than stale states, array ranges follow their tasks, and the sort role
// sorts ids and times as numbers.

#include "app/jobs/JobListFill.h"
#include "app/jobs/JobListModel.h"
#include "app/jobs/JobSortModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace Qt::StringLiterals;
using app::Job;
using app::JobAccounting;
using app::JobListFill;
using app::JobListModel;
using app::JobSortModel;
using app::JobState;

namespace {

Job pending(const QString &id, const QString &reason = u"Priority"_s)
{
    Job job;
    job.id = id;
    job.name = u"job "_s + id;
    job.user = u"alice"_s;
    job.partition = u"cpu"_s;
    job.state = JobState::Pending;
    job.stateText = u"PENDING"_s;
    job.reason = reason;
    job.elapsedSeconds = 0;
    job.timeLimitSeconds = 3600;
    job.timeLeftSeconds = 3600;
    job.nodeCount = 1;
    job.cpuCount = 2;
    job.submitTime = QDateTime::fromSecsSinceEpoch(1'795'391'442);
    job.workDirectory = u"/home/alice"_s;
    if (const qsizetype underscore = id.indexOf(u'_'); underscore > 0) {
        job.arrayJobId = id.first(underscore);
        job.arrayTaskId = id.sliced(underscore + 1);
    }
    return job;
}

Job running(const QString &id, qint64 elapsed = 60)
{
    Job job = pending(id, {});
    job.state = JobState::Running;
    job.stateText = u"RUNNING"_s;
    job.elapsedSeconds = elapsed;
    job.timeLeftSeconds = 3600 - elapsed;
    job.nodeList = u"node01"_s;
    job.startTime = QDateTime::fromSecsSinceEpoch(1'795'391'500);
    return job;
}

JobAccounting record(const QString &id, JobState state, const QString &stateText)
{
    JobAccounting r;
    r.id = id;
    r.state = state;
    r.stateText = stateText;
    r.exitCode = state == JobState::Completed ? u"0:0"_s : u"1:0"_s;
    r.elapsedSeconds = 125;
    r.startTime = QDateTime::fromSecsSinceEpoch(1'795'391'500);
    r.endTime = QDateTime::fromSecsSinceEpoch(1'795'391'625);
    return r;
}

QList<Job> listing(int count)
{
    QList<Job> jobs;
    for (int i = 0; i < count; ++i)
        jobs.append(i % 2 ? running(QString::number(100 + i)) : pending(QString::number(100 + i)));
    return jobs;
}

QString text(const JobListModel &model, const QString &id, int column, int role = Qt::DisplayRole)
{
    return model.indexOf(id, column).data(role).toString();
}

// Spies on everything that would lose a view's selection or scroll position.
struct Disruptions
{
    explicit Disruptions(QAbstractItemModel *model)
        : reset(model, &QAbstractItemModel::modelReset)
        , layout(model, &QAbstractItemModel::layoutChanged)
        , removed(model, &QAbstractItemModel::rowsRemoved)
        , moved(model, &QAbstractItemModel::rowsMoved)
    {}
    bool none() const { return reset.isEmpty() && layout.isEmpty() && removed.isEmpty() && moved.isEmpty(); }
    QSignalSpy reset;
    QSignalSpy layout;
    QSignalSpy removed;
    QSignalSpy moved;
};

} // namespace

class tst_JobListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstFill()
    {
        JobListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setJobs(listing(10));
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(model.columnCount(), int(JobListModel::ColumnCount));
        // An empty list filled is one reset (a sorting proxy sorts once), not an insertion.
        QCOMPARE(reset.size(), 1);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(model.headerData(JobListModel::TimeLeftColumn, Qt::Horizontal).toString(), u"Time left"_s);

        QCOMPARE(text(model, u"101"_s, JobListModel::StateColumn), u"Running"_s);
        QCOMPARE(text(model, u"101"_s, JobListModel::WhereColumn), u"node01"_s);
        QCOMPARE(text(model, u"100"_s, JobListModel::WhereColumn), u"Priority"_s);
        QVERIFY(text(model, u"100"_s, JobListModel::WhereColumn, Qt::ToolTipRole).contains(u"higher priority"));
        QCOMPARE(text(model, u"101"_s, JobListModel::ElapsedColumn), u"00:01:00"_s);
        QCOMPARE(text(model, u"101"_s, JobListModel::TimeLeftColumn), u"00:59:00"_s);
        QCOMPARE(text(model, u"101"_s, JobListModel::CpusColumn), u"2"_s);
        QCOMPARE(text(model, u"101"_s, JobListModel::GpusColumn), QString());
        QVERIFY(!text(model, u"101"_s, JobListModel::StartColumn, Qt::ToolTipRole).isEmpty());
        const QModelIndex state = model.indexOf(u"101"_s, JobListModel::StateColumn);
        QCOMPARE(state.data(JobListModel::StateRole).toInt(), int(JobState::Running));
        QCOMPARE(state.data(JobListModel::IdRole).toString(), u"101"_s);
        QCOMPARE(state.data(JobListModel::JobRole).value<Job>(), running(u"101"_s));
        QCOMPARE(state.data(JobListModel::FinishedRole).toBool(), false);
        QCOMPARE(state.data(JobListModel::StaleRole).toBool(), false);
        QCOMPARE(
            model.indexOf(u"101"_s, JobListModel::ElapsedColumn).data(Qt::TextAlignmentRole).value<Qt::Alignment>(),
            Qt::AlignRight | Qt::AlignVCenter);
        QVERIFY(model.job(u"105"_s));
        QCOMPARE(model.job(u"105"_s)->state, JobState::Running);
        QVERIFY(!model.job(u"nosuch"_s));
        QVERIFY(!model.indexOf(u"nosuch"_s).isValid());
        QVERIFY(model.vanishedJobs().isEmpty());
    }

    void pendingStartIsRelative()
    {
        JobListModel model;
        Job job = pending(u"7"_s);
        job.startTime = QDateTime::currentDateTimeUtc().addSecs(2 * 3600 + 30);
        model.setJobs({job});
        QCOMPARE(text(model, u"7"_s, JobListModel::StartColumn), u"in 2 h"_s);
        QVERIFY(text(model, u"7"_s, JobListModel::StartColumn, Qt::ToolTipRole).startsWith(u"Expected to start: "));
    }

    // A big first listing made into rows on a worker thread (JobMonitor's way), then adopted: the
    // same rows as setJobs makes, one reset, and the next listing is a diff against it as usual.
    void firstFillMadeAsideThenDiffed()
    {
        QList<Job> jobs = listing(JobListFill::AsideFrom + 10);
        jobs.append(jobs.at(3)); // listed twice: one row
        JobListModel direct;
        direct.setJobs(jobs);
        JobListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        JobSortModel sorted;
        sorted.setSourceModel(&model);
        sorted.sort(JobListModel::IdColumn, Qt::DescendingOrder);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QFuture<JobListFill> made = JobListFill::prepare(jobs);
        made.waitForFinished();
        model.adopt(made.takeResult());
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.rowCount(), direct.rowCount());
        QCOMPARE(model.rowCount(), int(JobListFill::AsideFrom + 10));
        for (int r = 0; r < model.rowCount(); ++r)
            QCOMPARE(model.index(r, 0).data().toString(), direct.index(r, 0).data().toString());
        QCOMPARE(sorted.index(0, 0).data().toString(), QString::number(100 + JobListFill::AsideFrom + 9));

        // The next listing: one job gone, one started, one new; a diff, no reset.
        Disruptions disruptions(&model);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        const QString gone = jobs.takeAt(5).id;
        jobs[6] = running(jobs[6].id, 5);
        jobs.append(pending(u"99999"_s));
        model.setJobs(jobs);
        QVERIFY(disruptions.none());
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.indexOf(gone).data(JobListModel::VanishedRole).toBool(), true);
        QCOMPARE(model.vanishedJobs(), QStringList{gone});
        QCOMPARE(text(model, jobs[6].id, JobListModel::StateColumn), u"Running"_s);
        QCOMPARE(sorted.index(0, 0).data().toString(), u"99999"_s);

        // A fill that comes when the list is no longer empty is applied as a listing.
        QFuture<JobListFill> late = JobListFill::prepare(listing(3));
        late.waitForFinished();
        model.adopt(late.takeResult());
        QVERIFY(disruptions.none());
        QCOMPARE(model.vanishedJobs().size(), model.rowCount() - 3);
    }

    void updateOfAFewRowsSignalsOnlyThoseRows()
    {
        JobListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<Job> jobs = listing(20);
        model.setJobs(jobs);
        Disruptions disruptions(&model);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        model.setJobs(jobs); // the same listing: nothing to say
        QCOMPARE(changed.size(), 0);

        jobs[4] = running(jobs[4].id, 5); // pending → running
        jobs[11].elapsedSeconds = 120;    // time moved on
        jobs[11].timeLeftSeconds = 3480;
        jobs[17].name = u"renamed"_s;
        model.setJobs(jobs);
        QVERIFY(disruptions.none());
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(changed.size(), 3);
        const auto span = [&](int i) {
            const auto from = changed.at(i).at(0).value<QModelIndex>();
            const auto to = changed.at(i).at(1).value<QModelIndex>();
            return std::tuple{from.row(), to.row(), from.column(), to.column()};
        };
        // Row 4: state, times, nodes and start changed; 11: only the times; 17: only the name.
        QCOMPARE(span(0), std::tuple(4, 4, int(JobListModel::StateColumn), int(JobListModel::StartColumn)));
        QCOMPARE(span(1), std::tuple(11, 11, int(JobListModel::ElapsedColumn), int(JobListModel::TimeLeftColumn)));
        QCOMPARE(span(2), std::tuple(17, 17, int(JobListModel::NameColumn), int(JobListModel::NameColumn)));
        QCOMPARE(text(model, jobs[4].id, JobListModel::StateColumn), u"Running"_s);
        QCOMPARE(text(model, jobs[17].id, JobListModel::NameColumn), u"renamed"_s);
    }

    void neighbouringChangesAreOneSignal()
    {
        JobListModel model;
        QList<Job> jobs = listing(10);
        model.setJobs(jobs);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        for (int i = 2; i <= 5; ++i)
            jobs[i].elapsedSeconds = 999;
        model.setJobs(jobs);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 2);
        QCOMPARE(changed.first().at(1).value<QModelIndex>().row(), 5);
    }

    void newJobsAreAppended()
    {
        JobListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<Job> jobs = listing(5);
        model.setJobs(jobs);
        Disruptions disruptions(&model);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        jobs.prepend(pending(u"50"_s)); // wherever the scheduler lists them, new rows come last
        jobs.append(running(u"300"_s));
        jobs.append(running(u"300"_s)); // listed twice: still one row
        model.setJobs(jobs);
        QVERIFY(disruptions.none());
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 5);
        QCOMPARE(inserted.first().at(2).toInt(), 6);
        QCOMPARE(model.rowCount(), 7);
        QCOMPARE(model.indexOf(u"50"_s).row(), 5);
        QCOMPARE(model.indexOf(u"300"_s).row(), 6);
        QCOMPARE(model.indexOf(u"100"_s).row(), 0);
    }

    void vanishedJobsWaitForAccounting()
    {
        JobListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<Job> jobs = listing(4);
        model.setJobs(jobs);
        Disruptions disruptions(&model);
        const QString gone = jobs.takeAt(1).id; // running, then no longer listed
        model.setJobs(jobs);
        QVERIFY(disruptions.none());
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.vanishedJobs(), QStringList{gone});
        const QModelIndex state = model.indexOf(gone, JobListModel::StateColumn);
        QCOMPARE(state.data().toString(), u"Finishing…"_s);
        QVERIFY(state.data(Qt::ToolTipRole).toString().contains(u"Last state seen: Running"));
        QCOMPARE(state.data(JobListModel::VanishedRole).toBool(), true);
        QCOMPARE(state.data(JobListModel::FinishedRole).toBool(), false);

        // Accounting lags: it still says running. Nothing changes.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setFinished({record(gone, JobState::Running, u"RUNNING"_s)});
        QCOMPARE(changed.size(), 0);
        QCOMPARE(model.vanishedJobs(), QStringList{gone});

        model.setFinished(
            {record(gone, JobState::Failed, u"FAILED"_s), record(u"999"_s, JobState::Completed, u"COMPLETED"_s)});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(state.data().toString(), u"Failed"_s);
        QCOMPARE(state.data(JobListModel::FinishedRole).toBool(), true);
        QCOMPARE(state.data(JobListModel::VanishedRole).toBool(), false);
        QCOMPARE(state.data(JobListModel::StateRole).toInt(), int(JobState::Failed));
        QVERIFY(state.data(Qt::ToolTipRole).toString().contains(u"Exit code: 1:0"));
        QCOMPARE(text(model, gone, JobListModel::ElapsedColumn), u"00:02:05"_s);
        QCOMPARE(text(model, gone, JobListModel::TimeLeftColumn), QString());
        QVERIFY(model.vanishedJobs().isEmpty());
        QVERIFY(disruptions.none());

        // Still finished on the next listing; then cleared on request.
        model.setJobs(jobs);
        QCOMPARE(state.data(JobListModel::FinishedRole).toBool(), true);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.removeFinished();
        QCOMPARE(removed.size(), 1);
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(!model.indexOf(gone).isValid());
        QCOMPARE(model.indexOf(jobs.last().id).row(), 2); // ids still find their rows
    }

    void accountingThatNeverKnowsLeavesTheOutcomeUnknown()
    {
        JobListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setJobs({running(u"1"_s), running(u"2"_s)});
        model.setJobs({running(u"2"_s)});
        model.setOutcomeUnknown({u"1"_s, u"2"_s}, u"accounting has no record of how it ended."_s); // 2 is queued
        QVERIFY(model.vanishedJobs().isEmpty());
        const QModelIndex state = model.indexOf(u"1"_s, JobListModel::StateColumn);
        QCOMPARE(state.data().toString(), u"Ended"_s);
        QCOMPARE(state.data(JobListModel::FinishedRole).toBool(), false); // never shown finished
        QCOMPARE(state.data(JobListModel::StateRole).toInt(), int(JobState::Unknown));
        QVERIFY(state.data(Qt::ToolTipRole).toString().contains(u"no record"));
        QCOMPARE(text(model, u"2"_s, JobListModel::StateColumn), u"Running"_s);
        // Late accounting still settles it.
        model.setFinished({record(u"1"_s, JobState::Completed, u"COMPLETED"_s)});
        QCOMPARE(state.data().toString(), u"Completed"_s);
    }

    void failedQueryShowsUnknownUntilTheNextListing()
    {
        JobListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<Job> jobs = listing(4);
        model.setJobs(jobs);
        model.setJobs(jobs.first(3)); // 103 vanished
        model.setFinished({record(u"103"_s, JobState::Completed, u"COMPLETED"_s)});
        Disruptions disruptions(&model);

        model.markUnknown(u"squeue timed out"_s);
        for (const QString &id : {u"100"_s, u"101"_s, u"102"_s}) {
            const QModelIndex state = model.indexOf(id, JobListModel::StateColumn);
            QCOMPARE(state.data().toString(), u"Unknown"_s);
            QCOMPARE(state.data(JobListModel::StateRole).toInt(), int(JobState::Unknown));
            QCOMPARE(state.data(JobListModel::StaleRole).toBool(), true);
            QCOMPARE(state.data(JobListModel::FinishedRole).toBool(), false);
            const QString tip = state.data(Qt::ToolTipRole).toString();
            QVERIFY2(tip.contains(u"squeue timed out") && tip.contains(u"Last known state: "), qPrintable(tip));
        }
        QVERIFY(text(model, u"101"_s, JobListModel::StateColumn, Qt::ToolTipRole).contains(u"Running"));
        // A finished job stays finished.
        QCOMPARE(text(model, u"103"_s, JobListModel::StateColumn), u"Completed"_s);
        QCOMPARE(model.indexOf(u"103"_s).data(JobListModel::StaleRole).toBool(), false);

        model.setJobs(jobs.first(3));
        QCOMPARE(text(model, u"101"_s, JobListModel::StateColumn), u"Running"_s);
        QCOMPARE(model.indexOf(u"101"_s).data(JobListModel::StaleRole).toBool(), false);
        QVERIFY(disruptions.none());
    }

    void requeuedJobComesBack()
    {
        JobListModel model;
        model.setJobs({running(u"5"_s)});
        model.setJobs({});
        model.setFinished({record(u"5"_s, JobState::NodeFailed, u"NODE_FAIL"_s)});
        QCOMPARE(text(model, u"5"_s, JobListModel::StateColumn), u"Node failed"_s);
        model.setJobs({pending(u"5"_s, u"BeginTime"_s)});
        QCOMPARE(text(model, u"5"_s, JobListModel::StateColumn), u"Pending"_s);
        QCOMPARE(model.indexOf(u"5"_s).data(JobListModel::FinishedRole).toBool(), false);
        QCOMPARE(model.rowCount(), 1);
    }

    void arrayTasksAndRanges()
    {
        JobListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setJobs({running(u"12_2"_s), pending(u"12_[3-9]"_s)});
        QCOMPARE(model.job(u"12_[3-9]"_s)->arrayJobId, u"12"_s);
        QVERIFY(text(model, u"12_2"_s, JobListModel::IdColumn, Qt::ToolTipRole).contains(u"Task 2 of array job 12"));
        const int rangeRow = model.indexOf(u"12_[3-9]"_s).row();

        // Task 3 starts: the range row becomes "12_[4-9]" in place, the task is a new row.
        Disruptions disruptions(&model);
        model.setJobs({running(u"12_2"_s), running(u"12_3"_s), pending(u"12_[4-9]"_s)});
        QVERIFY(disruptions.none());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.indexOf(u"12_[4-9]"_s).row(), rangeRow);
        QVERIFY(!model.indexOf(u"12_[3-9]"_s).isValid());
        QVERIFY(model.vanishedJobs().isEmpty());

        // All of them start: the range has nothing left to show and goes.
        QList<Job> tasks;
        for (int task = 2; task <= 9; ++task)
            tasks.append(running(u"12_%1"_s.arg(task)));
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.setJobs(tasks);
        QCOMPARE(removed.size(), 1);
        QVERIFY(!model.indexOf(u"12_[4-9]"_s).isValid());
        QCOMPARE(model.rowCount(), 8);
        QCOMPARE(model.indexOf(u"12_9"_s).row(), 7);
        QVERIFY(model.vanishedJobs().isEmpty());
    }

    void vanishedRangeFinishesFromItsTasks()
    {
        JobListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setJobs({pending(u"20_[1-3]"_s)});
        model.setJobs({}); // ran and ended between two listings
        QCOMPARE(model.vanishedJobs(), QStringList{u"20_[1-3]"_s});
        model.setFinished(
            {record(u"20_1"_s, JobState::Completed, u"COMPLETED"_s), record(u"20_2"_s, JobState::Failed, u"FAILED"_s)});
        QCOMPARE(model.vanishedJobs(), QStringList{u"20_[1-3]"_s}); // task 3 not accounted for yet
        model.setFinished({record(u"20_1"_s, JobState::Completed, u"COMPLETED"_s),
                           record(u"20_2"_s, JobState::Failed, u"FAILED"_s),
                           record(u"20_3"_s, JobState::Completed, u"COMPLETED"_s)});
        QVERIFY(model.vanishedJobs().isEmpty());
        QCOMPARE(text(model, u"20_[1-3]"_s, JobListModel::StateColumn), u"Failed"_s);
        const QString tip = text(model, u"20_[1-3]"_s, JobListModel::StateColumn, Qt::ToolTipRole);
        QVERIFY2(tip.contains(u"3 tasks: 2 completed, 1 failed"), qPrintable(tip));

        // A range cancelled before any task ran is accounted under its own id.
        model.setJobs({pending(u"21_[0-99%5]"_s)});
        model.setJobs({});
        model.setFinished({record(u"21_[0-99%5]"_s, JobState::Cancelled, u"CANCELLED by 1000"_s)});
        QCOMPARE(text(model, u"21_[0-99%5]"_s, JobListModel::StateColumn), u"Cancelled"_s);
    }

    void gpuCount_data()
    {
        QTest::addColumn<QString>("gres");
        QTest::addColumn<int>("nodes");
        QTest::addColumn<int>("gpus");
        QTest::newRow("none") << QString() << 1 << 0;
        QTest::newRow("slurm") << u"gres/gpu:2"_s << 1 << 2;
        QTest::newRow("per node") << u"gres/gpu:2"_s << 3 << 6;
        QTest::newRow("typed") << u"gres/gpu:a100:4"_s << 1 << 4;
        QTest::newRow("typed, no count") << u"gres/gpu:a100"_s << 1 << 1;
        QTest::newRow("with index") << u"gpu:2(IDX:0-1)"_s << 1 << 2;
        QTest::newRow("tres") << u"gres/gpu=1"_s << 1 << 1;
        QTest::newRow("pbs") << u"ngpus=1"_s << 1 << 1;
        QTest::newRow("other gres") << u"gres/shard:2,gres/gpumem:40G"_s << 1 << 0;
        QTest::newRow("mixed") << u"gres/gpu:1,gres/shard:4"_s << 2 << 2;
    }

    void gpuCount()
    {
        QFETCH(QString, gres);
        QFETCH(int, nodes);
        QFETCH(int, gpus);
        Job job = running(u"1"_s);
        job.gres = gres;
        job.nodeCount = nodes;
        QCOMPARE(app::JobRow::gpuCount(job), gpus);
    }

    void sortRoleSortsNumbersAsNumbers()
    {
        JobListModel model;
        QList<Job> jobs{running(u"10"_s, 30),   running(u"9"_s, 4000),   pending(u"12_[3-9]"_s),
                        running(u"12_10"_s, 1), running(u"12_4"_s, 100), pending(u"1234"_s)};
        jobs[5].startTime = QDateTime::fromSecsSinceEpoch(1'795'400'000); // expected
        model.setJobs(jobs);
        // The Jobs area's proxy (typed comparisons) and a plain one on SortRole agree.
        JobSortModel proxy;
        proxy.setSourceModel(&model);
        QSortFilterProxyModel plain;
        plain.setSourceModel(&model);
        plain.setSortRole(JobListModel::SortRole);
        const auto order = [&](int column) {
            proxy.sort(column);
            plain.sort(column);
            QStringList ids;
            QStringList plainIds;
            for (int r = 0; r < proxy.rowCount(); ++r) {
                ids << proxy.index(r, 0).data().toString();
                plainIds << plain.index(r, 0).data().toString();
            }
            return ids == plainIds ? ids.join(u' ')
                                   : u"proxies disagree: "_s + ids.join(u' ') + u" / "_s + plainIds.join(u' ');
        };
        QCOMPARE(order(JobListModel::IdColumn), u"9 10 12_[3-9] 12_4 12_10 1234"_s);
        QCOMPARE(order(JobListModel::ElapsedColumn), u"12_[3-9] 1234 12_10 10 12_4 9"_s);
        // Started jobs by their start, then expected starts, then those with no estimate.
        QCOMPARE(order(JobListModel::StartColumn).section(u' ', -2), u"1234 12_[3-9]"_s);
        for (int column = 0; column < JobListModel::ColumnCount; ++column)
            QVERIFY2(!order(column).startsWith(u"proxies"_s), qPrintable(order(column)));
        QCOMPARE(model.indexOf(u"9"_s, JobListModel::SubmittedColumn).data(JobListModel::SortRole).toLongLong(),
                 1'795'391'442);
        QCOMPARE(model.indexOf(u"9"_s, JobListModel::StateColumn).data(JobListModel::SortRole).toInt(),
                 int(JobState::Running));
    }

    void clearResets()
    {
        JobListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setJobs(listing(3));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.clear();
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.job(u"100"_s));
    }
};

QTEST_GUILESS_MAIN(tst_JobListModel)
#include "tst_joblistmodel.moc"
