// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/jobs/JobListModel.h"

#include "app/jobs/JobListFill.h"

#include <QSet>

#include <algorithm>
#include <array>

namespace app {

namespace {

using Phase = JobRow::Phase;

// The parts of an array range "[3-9]", "[1,4,7-9]", "[1-99:2%4]": first, last, step each.
struct RangePart
{
    qint64 first = 0;
    qint64 last = 0;
    qint64 step = 1;
};

QList<RangePart> rangeParts(QStringView taskId)
{
    QList<RangePart> parts;
    if (!taskId.startsWith(u'[') || !taskId.endsWith(u']'))
        return parts;
    QStringView inner = taskId.sliced(1, taskId.size() - 2);
    if (const qsizetype limit = inner.indexOf(u'%'); limit >= 0)
        inner = inner.first(limit); // "%4": how many at once, not which
    for (QStringView piece : inner.split(u',')) {
        RangePart part;
        if (const qsizetype colon = piece.indexOf(u':'); colon >= 0) {
            part.step = std::max<qint64>(1, piece.sliced(colon + 1).toLongLong());
            piece = piece.first(colon);
        }
        const qsizetype dash = piece.indexOf(u'-');
        bool ok = false;
        part.first = (dash < 0 ? piece : piece.first(dash)).toLongLong(&ok);
        if (!ok)
            return {};
        part.last = dash < 0 ? part.first : piece.sliced(dash + 1).toLongLong(&ok);
        if (!ok || part.last < part.first)
            return {};
        parts.append(part);
    }
    return parts;
}

// Of several tasks' ends, the one the array's row shows: any failure before a cancellation before
// success.
int severity(JobState state)
{
    switch (state) {
    case JobState::Completed: return 0;
    case JobState::Preempted: return 1;
    case JobState::Cancelled: return 2;
    case JobState::TimedOut: return 3;
    case JobState::OutOfMemory: return 4;
    case JobState::NodeFailed: return 5;
    case JobState::Failed: return 6;
    default: return 7;
    }
}

// An end accounting can report for a job that left the queue (Preempted without a requeue too).
bool isFinalState(JobState state)
{
    return isFinished(state) || state == JobState::Preempted;
}

} // namespace

JobListModel::JobListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int JobListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int JobListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JobListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const JobRow &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return row.text(index.column(), QDateTime::currentDateTimeUtc());
    case Qt::ToolTipRole: return row.toolTip(index.column(), m_staleReason);
    case Qt::TextAlignmentRole: return QVariant::fromValue(JobRow::alignment(index.column()));
    case JobRole: return QVariant::fromValue(row.job);
    case IdRole: return row.job.id;
    case StateRole: return int(row.shownState());
    case FinishedRole: return row.phase == Phase::Finished;
    case StaleRole: return row.stale;
    case SortRole: return row.sortKey(index.column());
    case VanishedRole: return row.phase == Phase::Vanished;
    default: return {};
    }
}

QVariant JobListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    static const char *const titles[ColumnCount] = {
        QT_TR_NOOP("ID"),      QT_TR_NOOP("Name"),      QT_TR_NOOP("State"), QT_TR_NOOP("Partition"),
        QT_TR_NOOP("Elapsed"), QT_TR_NOOP("Time left"), QT_TR_NOOP("Nodes"), QT_TR_NOOP("CPUs"),
        QT_TR_NOOP("GPUs"),    QT_TR_NOOP("Where"),     QT_TR_NOOP("Start"), QT_TR_NOOP("Submitted"),
    };
    static const char *const tips[ColumnCount] = {
        QT_TR_NOOP("The job's id (array tasks: job_task)"),
        QT_TR_NOOP("The job's name"),
        QT_TR_NOOP("Where the job is in its life"),
        QT_TR_NOOP("The partition (queue) it runs in"),
        QT_TR_NOOP("Time used so far"),
        QT_TR_NOOP("Time until its time limit"),
        QT_TR_NOOP("Number of nodes"),
        QT_TR_NOOP("Number of CPUs"),
        QT_TR_NOOP("Number of GPUs"),
        QT_TR_NOOP("Its nodes while it runs; why it waits while it is pending or held"),
        QT_TR_NOOP("When it started, or is expected to start"),
        QT_TR_NOOP("When it was submitted"),
    };
    switch (role) {
    case Qt::DisplayRole: return tr(titles[section]);
    case Qt::ToolTipRole: return tr(tips[section]);
    case Qt::TextAlignmentRole: return QVariant::fromValue(JobRow::alignment(section));
    default: return {};
    }
}

QHash<int, QByteArray> JobListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(JobRole, "job");
    names.insert(IdRole, "id");
    names.insert(StateRole, "state");
    names.insert(FinishedRole, "finished");
    names.insert(StaleRole, "stale");
    names.insert(SortRole, "sort");
    names.insert(VanishedRole, "vanished");
    return names;
}

QList<JobRow::SortKey> JobListModel::sortKeys(int column) const
{
    QList<JobRow::SortKey> keys;
    keys.reserve(m_rows.size());
    for (const JobRow &row : m_rows)
        keys.append(row.typedSortKey(column));
    return keys;
}

void JobListModel::setJobs(const QList<Job> &jobs)
{
    if (m_rows.isEmpty())
        return adopt(JobListFill::make(jobs));
    ++m_generation;
    m_staleReason.clear();
    QList<Change> changes;
    QList<qsizetype> added;                         // indices into jobs
    std::optional<QMultiHash<QString, int>> ranges; // array id → its range rows, made when needed
    for (qsizetype i = 0; i < jobs.size(); ++i) {
        const Job &job = jobs.at(i);
        const auto found = m_rowOf.constFind(job.id);
        if (found == m_rowOf.cend()) {
            if (!job.arrayTaskId.startsWith(u'[') || !replaceRange(job, ranges, changes))
                added.append(i);
            continue;
        }
        JobRow &row = m_rows[*found];
        if (row.seen == m_generation)
            continue; // listed twice: the first one counts
        row.seen = m_generation;
        const bool same = row.job == job;
        auto [first, last] = same ? std::pair{-1, -1} : JobRow::changedColumns(row.job, job);
        if (!same)
            row.setJob(job);
        if (row.phase != Phase::Listed) { // back in the queue (requeued)
            row.phase = Phase::Listed;
            row.exitCode.clear();
            row.note.clear();
            first = 0;
            last = ColumnCount - 1;
        }
        if (row.stale) {
            row.stale = false;
            first = first < 0 ? int(StateColumn) : std::min<int>(first, StateColumn);
            last = std::max<int>(last, StateColumn);
        }
        if (first >= 0)
            changes.append({int(found.value()), first, last});
    }

    // Rows this listing does not have: a range whose tasks are all listed now goes; other jobs
    // left the queue, and stay until accounting says how they ended.
    QSet<QString> splitArrays;
    for (const JobRow &row : std::as_const(m_rows)) {
        if (row.phase == Phase::Listed && row.seen != m_generation && row.isArrayRange())
            splitArrays.insert(row.job.arrayJobId);
    }
    if (!splitArrays.isEmpty()) {
        QSet<QString> listed;
        for (const Job &job : jobs) {
            if (splitArrays.contains(job.arrayJobId))
                listed.insert(job.arrayJobId);
        }
        splitArrays = listed;
    }
    QList<int> gone;
    for (int r = 0; r < m_rows.size(); ++r) {
        JobRow &row = m_rows[r];
        if (row.seen == m_generation)
            continue;
        const bool wasStale = row.stale;
        row.stale = false;
        if (row.phase == Phase::Listed) {
            if (row.isArrayRange() && splitArrays.contains(row.job.arrayJobId)) {
                gone.append(r);
                continue;
            }
            row.phase = Phase::Vanished;
            changes.append({r, StateColumn, TimeLeftColumn});
        } else if (wasStale) {
            changes.append({r, StateColumn, StateColumn});
        }
    }
    emitChanges(changes);
    removeRows(gone);
    appendJobs(jobs, added);
}

// A pending range of an array ("12_[3-9]") is renamed as its tasks start ("12_[4-9]"): the same
// row, so a selected range stays selected.
bool JobListModel::replaceRange(const Job &job, std::optional<QMultiHash<QString, int>> &ranges, QList<Change> &changes)
{
    if (!ranges) {
        ranges.emplace();
        for (int r = 0; r < m_rows.size(); ++r) {
            if (m_rows[r].phase == Phase::Listed && m_rows[r].isArrayRange())
                ranges->insert(m_rows[r].job.arrayJobId, r);
        }
    }
    for (auto it = ranges->constFind(job.arrayJobId); it != ranges->cend() && it.key() == job.arrayJobId; ++it) {
        JobRow &row = m_rows[*it];
        if (row.seen == m_generation)
            continue;
        m_rowOf.remove(row.job.id);
        m_rowOf.insert(job.id, *it);
        row.setJob(job);
        row.seen = m_generation;
        row.stale = false;
        changes.append({*it, 0, ColumnCount - 1});
        return true;
    }
    return false;
}

void JobListModel::appendJobs(const QList<Job> &jobs, const QList<qsizetype> &which)
{
    // A row per id, even if a listing had one twice.
    QList<qsizetype> fresh;
    fresh.reserve(which.size());
    for (const qsizetype i : which) {
        const qsizetype before = m_rowOf.size();
        int &slot = m_rowOf[jobs.at(i).id]; // one lookup: it grows only for a new id
        if (m_rowOf.size() == before)
            continue;
        slot = int(m_rows.size() + fresh.size());
        fresh.append(i);
    }
    if (fresh.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    for (const qsizetype i : std::as_const(fresh)) {
        JobRow &row = m_rows.emplaceBack();
        row.setJob(jobs.at(i));
        row.seen = m_generation;
    }
    endInsertRows();
}

void JobListModel::adopt(JobListFill fill)
{
    if (!m_rows.isEmpty()) { // the list was filled meanwhile: this listing is a refresh of it
        QList<Job> jobs;
        jobs.reserve(fill.rows.size());
        for (const JobRow &row : std::as_const(fill.rows))
            jobs.append(row.job);
        return setJobs(jobs);
    }
    // The rows say they were seen in JobListFill::Generation: with no older rows about, the list's
    // count of listings can start again from there (no pass over the rows in this thread).
    m_staleReason.clear();
    if (fill.rows.isEmpty()) {
        m_generation = JobListFill::Generation;
        return; // empty, and still empty: nothing for a view to hear
    }
    // A reset, not an insertion: there is no selection or scroll to keep, and a sorting proxy then
    // sorts once, where rows inserted into it are placed one at a time (a GUI stall at this size).
    // hasBeenListed() tells the reset's watchers whether a listing came before this one.
    beginResetModel();
    m_rows = std::move(fill.rows);
    m_rowOf = std::move(fill.rowOf);
    endResetModel();
    m_generation = JobListFill::Generation;
}

void JobListModel::emitChanges(QList<Change> &changes)
{
    if (changes.isEmpty())
        return;
    std::ranges::sort(changes, {}, &Change::row);
    // Runs of neighbouring rows become one signal each (a refresh where every running job's
    // elapsed time moved is thousands of rows, not thousands of signals).
    qsizetype start = 0;
    while (start < changes.size()) {
        qsizetype end = start + 1;
        int first = changes[start].first;
        int last = changes[start].last;
        while (end < changes.size() && changes[end].row <= changes[end - 1].row + 1) {
            first = std::min(first, changes[end].first);
            last = std::max(last, changes[end].last);
            ++end;
        }
        Q_EMIT dataChanged(index(changes[start].row, first), index(changes[end - 1].row, last));
        start = end;
    }
}

QStringList JobListModel::vanishedJobs() const
{
    QStringList ids;
    for (const JobRow &row : m_rows) {
        if (row.phase == Phase::Vanished)
            ids.append(row.job.id);
    }
    return ids;
}

void JobListModel::setFinished(const QList<JobAccounting> &records)
{
    QList<Change> changes;
    bool anyRange = false;
    for (const JobAccounting &record : records) {
        const auto found = m_rowOf.constFind(record.id);
        if (found == m_rowOf.cend()) {
            anyRange = true; // perhaps a task of a range row
            continue;
        }
        JobRow &row = m_rows[*found];
        if (row.phase != Phase::Vanished && row.phase != Phase::Ended)
            continue; // still queued, or finished already
        if (!isFinalState(record.state))
            continue; // accounting has not caught up yet
        row.phase = Phase::Finished;
        row.stale = false;
        row.job.state = record.state;
        row.job.stateText = record.stateText;
        row.exitCode = record.exitCode;
        row.note.clear();
        if (record.elapsedSeconds)
            row.job.elapsedSeconds = record.elapsedSeconds;
        row.job.timeLeftSeconds.reset();
        if (record.startTime.isValid())
            row.job.startTime = record.startTime;
        row.job.endTime = record.endTime;
        changes.append({int(found.value()), 0, ColumnCount - 1});
    }
    if (anyRange) {
        for (int r = 0; r < m_rows.size(); ++r) {
            JobRow &row = m_rows[r];
            if ((row.phase == Phase::Vanished || row.phase == Phase::Ended) && row.isArrayRange()
                && finishRange(row, records)) {
                changes.append({r, 0, ColumnCount - 1});
            }
        }
    }
    if (changes.isEmpty())
        return;
    emitChanges(changes);
    Q_EMIT accountingApplied(records);
}

bool JobListModel::finishRange(JobRow &row, const QList<JobAccounting> &records)
{
    const QList<RangePart> parts = rangeParts(row.job.arrayTaskId);
    if (parts.isEmpty())
        return false;
    qint64 size = 0;
    for (const RangePart &part : parts)
        size += (part.last - part.first) / part.step + 1;
    const QString prefix = row.job.arrayJobId + u'_';
    QSet<qint64> seen;
    const JobAccounting *worst = nullptr;
    qint64 elapsed = 0;
    QDateTime end;
    std::array<int, int(JobState::Preempted) + 1> counts{};
    for (const JobAccounting &record : records) {
        if (!record.id.startsWith(prefix) || !isFinalState(record.state))
            continue;
        bool ok = false;
        const qint64 task = QStringView(record.id).sliced(prefix.size()).toLongLong(&ok);
        const bool inRange = ok && std::ranges::any_of(parts, [task](const RangePart &p) {
                                 return task >= p.first && task <= p.last && (task - p.first) % p.step == 0;
                             });
        if (!inRange || seen.contains(task))
            continue;
        seen.insert(task);
        ++counts[size_t(record.state)];
        if (!worst || severity(record.state) > severity(worst->state))
            worst = &record;
        elapsed = std::max(elapsed, record.elapsedSeconds.value_or(0));
        if (record.endTime.isValid() && (!end.isValid() || record.endTime > end))
            end = record.endTime;
    }
    if (!worst || seen.size() < size)
        return false; // some tasks not accounted for yet
    row.phase = Phase::Finished;
    row.stale = false;
    row.job.state = worst->state;
    row.job.stateText = worst->stateText;
    row.exitCode = worst->exitCode;
    row.job.elapsedSeconds = elapsed;
    row.job.timeLeftSeconds.reset();
    row.job.endTime = end;
    QStringList summary;
    for (size_t state = 0; state < counts.size(); ++state) {
        if (counts[state] > 0)
            summary << QStringLiteral("%1 %2").arg(counts[state]).arg(jobStateName(JobState(state)).toLower());
    }
    const QString tasks = size == 1 ? tr("1 task") : tr("%1 tasks").arg(size);
    row.note = tasks + u": " + summary.join(QStringLiteral(", "));
    return true;
}

void JobListModel::setOutcomeUnknown(const QStringList &ids, const QString &why)
{
    QList<Change> changes;
    for (const QString &id : ids) {
        const auto found = m_rowOf.constFind(id);
        if (found == m_rowOf.cend())
            continue;
        JobRow &row = m_rows[*found];
        if (row.phase != Phase::Vanished)
            continue;
        row.phase = Phase::Ended;
        row.note = why;
        changes.append({int(found.value()), StateColumn, StateColumn});
    }
    emitChanges(changes);
}

void JobListModel::markUnknown(const QString &reason)
{
    m_staleReason = reason;
    QList<Change> changes;
    for (int r = 0; r < m_rows.size(); ++r) {
        JobRow &row = m_rows[r];
        if (row.phase == Phase::Finished || row.phase == Phase::Ended)
            continue;
        // Already stale rows get the new reason (their tooltip) too.
        row.stale = true;
        changes.append({r, StateColumn, StateColumn});
    }
    emitChanges(changes);
}

void JobListModel::removeFinished()
{
    QList<int> ended;
    for (int r = 0; r < m_rows.size(); ++r) {
        if (m_rows[r].phase == Phase::Finished || m_rows[r].phase == Phase::Ended)
            ended.append(r);
    }
    removeRows(ended);
}

void JobListModel::removeRows(const QList<int> &rows)
{
    if (rows.isEmpty())
        return;
    // From the bottom up, a run of neighbours at a time (rows is ascending).
    qsizetype end = rows.size();
    while (end > 0) {
        qsizetype start = end - 1;
        while (start > 0 && rows[start - 1] == rows[start] - 1)
            --start;
        beginRemoveRows({}, rows[start], rows[end - 1]);
        m_rows.remove(rows[start], end - start);
        endRemoveRows();
        end = start;
    }
    reindex();
}

void JobListModel::reindex()
{
    m_rowOf.clear();
    m_rowOf.reserve(m_rows.size());
    for (int r = 0; r < m_rows.size(); ++r)
        m_rowOf.insert(m_rows[r].job.id, r);
}

void JobListModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_rowOf.clear();
    m_staleReason.clear();
    m_generation = 0;
    endResetModel();
}

const Job *JobListModel::job(const QString &id) const
{
    const JobRow *found = row(id);
    return found ? &found->job : nullptr;
}

const JobRow *JobListModel::row(const QString &id) const
{
    const auto found = m_rowOf.constFind(id);
    return found == m_rowOf.cend() ? nullptr : &m_rows.at(*found);
}

QModelIndex JobListModel::indexOf(const QString &id, int column) const
{
    const auto found = m_rowOf.constFind(id);
    if (found == m_rowOf.cend() || column < 0 || column >= ColumnCount)
        return {};
    return index(*found, column);
}

} // namespace app
