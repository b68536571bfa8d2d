// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/transfers/TransferQueue.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace app {

// The jobs of a transfer queue, one row each, for the queue panel: what, how far (bytes and files),
// how fast, how long still, and what went wrong. Rows are only appended; a finished job stays until
// clearFinished().
class TransferQueueModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, ProgressColumn, RateColumn, RemainingColumn, StateColumn, ColumnCount };
    enum Role {
        JobIdRole = Qt::UserRole + 1,
        ProgressRole, // 0..1000, or -1 while the size is unknown
        FailuresRole, // QStringList: "file: why"
        CanPauseRole,
        CanResumeRole,
        CanCancelRole,
        CanRetryRole,
    };

    explicit TransferQueueModel(QObject *parent = nullptr);

    void setQueue(TransferQueue *queue); // null: empty
    TransferQueue *queue() const { return m_queue; }
    int jobAt(int row) const { return m_jobs.value(row); }
    int rowOf(int job) const { return int(m_jobs.indexOf(job)); }
    void clearFinished();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString stateText(const TransferQueue::Job &job, const TransferQueue::Progress &progress);
    static QString durationText(std::chrono::seconds seconds);

private:
    void onJobAdded(int id);
    void onJobChanged(int id);

    QPointer<TransferQueue> m_queue;
    QList<int> m_jobs;
};

} // namespace app
