// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/jobs/JobRow.h"
#include "app/schedulers/Job.h"
#include "app/schedulers/JobAccounting.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace app {

struct JobListFill;

// The Jobs area's list: one row per job (or array task) of the queue, kept by id across refreshes.
// A refresh is a diff, never a reset (only the first fill of an empty list is one): changed rows
// get dataChanged (for the columns that changed), new jobs are appended, and jobs that left the
// queue stay, shown as finishing until accounting says how they ended (setFinished). A failed query marks every
// unfinished row Unknown rather than leaving stale states on screen; the next listing clears that. Tens of thousands of
// rows are normal (allUsers on a big cluster): a listing is applied in one pass over a hash of ids, and row texts are
// made only when a view asks for them.
class JobListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        IdColumn,
        NameColumn,
        StateColumn,
        PartitionColumn,
        ElapsedColumn, // time used
        TimeLeftColumn,
        NodesColumn, // count
        CpusColumn,
        GpusColumn,  // from gres
        WhereColumn, // nodes while running, the reason while pending or held
        StartColumn, // actual, or expected while pending (relative; absolute in the tooltip)
        SubmittedColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        JobRole = Qt::UserRole + 1, // app::Job as last listed (and completed by accounting)
        IdRole,                     // QString
        StateRole,                  // int(app::JobState) as shown: Unknown while stale
        FinishedRole,               // bool: ended with a known outcome
        StaleRole,                  // bool: the last query failed
        SortRole,                   // numbers and epoch seconds for sorting, text otherwise
        VanishedRole,               // bool: left the queue, outcome not known (yet)
    };
    Q_ENUM(Role)

    explicit JobListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // A successful queue listing.
    void setJobs(const QList<app::Job> &jobs);
    // A first listing made into rows already (on a worker thread: JobListFill::prepare); if the list
    // is no longer empty, it is applied as setJobs would.
    void adopt(JobListFill fill);
    // Ids that left the queue and whose end is not known yet (for accounting).
    QStringList vanishedJobs() const;
    // Accounting records; those that say how a vanished job ended finish its row. A record of a
    // still running job (accounting lags behind the queue) leaves the row as it is.
    void setFinished(const QList<app::JobAccounting> &records);
    // Accounting could not tell how these vanished jobs ended: they stay, shown as ended, and are
    // no longer listed by vanishedJobs().
    void setOutcomeUnknown(const QStringList &ids, const QString &why);
    // A query failed or timed out: every unfinished job shows Unknown until the next listing.
    void markUnknown(const QString &reason);
    // Drops the rows of jobs that ended (finished, or ended with an unknown outcome).
    void removeFinished();
    void clear();
    // A listing was applied since the list was made or cleared (even an empty one): rows that
    // appear now are new jobs, not the ones that were there before.
    bool hasBeenListed() const { return m_generation != 0; }

    const app::Job *job(const QString &id) const;
    QModelIndex indexOf(const QString &id, int column = 0) const;
    // The row's life as the list knows it; null for an unknown id.
    const JobRow *row(const QString &id) const;
    // Every row's sort key for column (JobRow::typedSortKey), by row: what JobSortModel sorts on.
    QList<JobRow::SortKey> sortKeys(int column) const;
    JobRow::SortKey sortKey(int row, int column) const { return m_rows.at(row).typedSortKey(column); }

Q_SIGNALS:
    // setFinished finished rows (after their dataChanged) with these records: what the end of a job
    // is announced with (JobNotices), efficiency figures included.
    void accountingApplied(const QList<app::JobAccounting> &records);

private:
    struct Change
    {
        int row;
        int first;
        int last;
    };
    void emitChanges(QList<Change> &changes);
    void appendJobs(const QList<app::Job> &jobs, const QList<qsizetype> &which);
    bool replaceRange(const app::Job &job, std::optional<QMultiHash<QString, int>> &ranges, QList<Change> &changes);
    void removeRows(const QList<int> &rows);
    void reindex();
    // Finishes a vanished range row ("12_[3-9]") from the records of its array's tasks.
    bool finishRange(JobRow &row, const QList<app::JobAccounting> &records);

    QList<JobRow> m_rows;
    QHash<QString, int> m_rowOf; // id → row
    quint32 m_generation = 0;
    QString m_staleReason;
};

} // namespace app
