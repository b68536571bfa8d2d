// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/schedulers/Job.h"

#include <QDateTime>
#include <QString>
#include <QTypeInfo>
#include <QVariant>

#include <optional>
#include <utility>

namespace app {

// One row of the job list: the job as last listed, and where it is in its life as far as the
// list knows (still queued, gone from the queue, finished with a known outcome). Knows how each
// column of the list shows it, so the model only stores and diffs rows.
struct JobRow
{
    enum class Phase {
        Listed,   // in the last successful queue listing
        Vanished, // left the queue; accounting has not said how it ended yet
        Finished, // accounting gave its final state
        Ended,    // left the queue, and accounting never said how it ended
    };

    Job job;
    Phase phase = Phase::Listed;
    bool stale = false; // the last query failed: what the row says may no longer be true
    QString exitCode;   // from accounting, once finished
    QString note;       // why the outcome is not known (Ended)
    quint32 seen = 0;   // the listing that last had the job (JobListModel's generation)
    qint64 idKey = 0;   // idSortKey(job.id), made once: sorting compares it many times per row

    void setJob(const Job &listed)
    {
        job = listed;
        idKey = idSortKey(job.id);
    }

    // What the State column and StateRole give: Unknown while stale, Completing while vanished.
    JobState shownState() const;
    bool isArrayRange() const { return job.arrayTaskId.startsWith(u'['); }

    // Per column (JobListModel::Column); now is the time relative times are measured from.
    QString text(int column, const QDateTime &now) const;
    QString toolTip(int column, const QString &staleReason) const;
    // What the list sorts a column by: a number for the columns that hold one (ids, states, times,
    // counts, epoch seconds), otherwise the column's text.
    struct SortKey
    {
        qint64 number = 0;
        QString text; // null for a numeric column

        friend bool operator<(const SortKey &a, const SortKey &b)
        {
            return a.number != b.number ? a.number < b.number : a.text < b.text;
        }
    };
    std::optional<qint64> numericSortKey(int column) const;
    SortKey typedSortKey(int column) const;
    QVariant sortKey(int column) const; // the same as a QVariant (SortRole)
    static Qt::Alignment alignment(int column);
    // The first and last column whose text differs between two listings of the same job, or
    // {-1, -1} when none does (fields no column shows count as the Id column's: its tooltip).
    static std::pair<int, int> changedColumns(const Job &before, const Job &after);

    // GPUs the job was given: per node ("gres/gpu:2", "gpu:a100:2", "ngpus=1") times its nodes.
    static int gpuCount(const Job &job);
    // "1234_7" sorts after "1234_6" and before "1235"; ranges after their listed tasks.
    static qint64 idSortKey(QStringView id);
};

} // namespace app

// Moved in memory as bytes (a Job is QStrings, QDateTimes and numbers, all relocatable): a list of
// rows that outgrows its capacity is reallocated, not moved row by row.
Q_DECLARE_TYPEINFO(app::JobRow, Q_RELOCATABLE_TYPE);
