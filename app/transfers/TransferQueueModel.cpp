// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/transfers/TransferQueueModel.h"

#include <QFileInfo>
#include <QLocale>

namespace app {

using Job = TransferQueue::Job;
using JobState = TransferQueue::JobState;

TransferQueueModel::TransferQueueModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void TransferQueueModel::setQueue(TransferQueue *queue)
{
    if (queue == m_queue)
        return;
    beginResetModel();
    if (m_queue)
        disconnect(m_queue, nullptr, this, nullptr);
    m_queue = queue;
    m_jobs = queue ? queue->jobIds() : QList<int>();
    if (queue) {
        connect(queue, &TransferQueue::jobAdded, this, &TransferQueueModel::onJobAdded);
        connect(queue, &TransferQueue::jobChanged, this, &TransferQueueModel::onJobChanged);
        connect(queue, &TransferQueue::jobFinished, this, &TransferQueueModel::onJobChanged);
        connect(queue, &QObject::destroyed, this, [this] { setQueue(nullptr); });
    }
    endResetModel();
}

void TransferQueueModel::onJobAdded(int id)
{
    if (m_jobs.contains(id))
        return;
    beginInsertRows({}, int(m_jobs.size()), int(m_jobs.size()));
    m_jobs.append(id);
    endInsertRows();
}

void TransferQueueModel::onJobChanged(int id)
{
    const int row = rowOf(id);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void TransferQueueModel::clearFinished()
{
    if (!m_queue)
        return;
    for (int row = int(m_jobs.size()) - 1; row >= 0; --row) {
        const Job *job = m_queue->job(m_jobs.at(row));
        if (job && (job->state == JobState::Finished || job->state == JobState::Cancelled)
            && job->totals.filesFailed() == 0) {
            beginRemoveRows({}, row, row);
            m_jobs.removeAt(row);
            endRemoveRows();
        }
    }
}

int TransferQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_jobs.size());
}

int TransferQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TransferQueueModel::durationText(std::chrono::seconds seconds)
{
    const qint64 s = seconds.count();
    if (s < 60)
        return tr("%1 s").arg(s);
    if (s < 3600)
        return tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

QString TransferQueueModel::stateText(const Job &job, const TransferQueue::Progress &progress)
{
    switch (job.state) {
    case JobState::Scanning: return tr("Looking at the files…");
    case JobState::Queued: return tr("Waiting");
    case JobState::Paused: return tr("Paused");
    case JobState::Cancelled: return tr("Cancelled");
    case JobState::Running: return tr("Transferring");
    case JobState::Finished:
        if (!job.error.isEmpty())
            return tr("Failed: %1").arg(job.error);
        if (progress.filesFailed > 0)
            return tr("%n file(s) failed", nullptr, progress.filesFailed);
        return tr("Done");
    }
    return {};
}

QVariant TransferQueueModel::data(const QModelIndex &index, int role) const
{
    if (!m_queue || !index.isValid() || index.row() >= m_jobs.size())
        return {};
    const int id = m_jobs.at(index.row());
    const Job *job = m_queue->job(id);
    if (!job)
        return {};
    const TransferQueue::Progress progress = m_queue->progress(id);
    const QLocale locale;
    const bool running = job->state == JobState::Running;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn: {
            const QString name = QFileInfo(job->source).fileName();
            return job->direction == TransferQueue::Direction::Upload ? tr("↑ %1").arg(name) : tr("↓ %1").arg(name);
        }
        case ProgressColumn:
            return tr("%1 of %2 · %3 of %4 files")
                .arg(locale.formattedDataSize(qint64(progress.bytesDone), 1),
                     locale.formattedDataSize(qint64(progress.bytesTotal), 1))
                .arg(progress.filesDone)
                .arg(progress.filesTotal);
        case RateColumn:
            return running && progress.bytesPerSecond > 0
                       ? tr("%1/s").arg(locale.formattedDataSize(qint64(progress.bytesPerSecond), 1))
                       : QString();
        case RemainingColumn: return running && progress.remaining ? durationText(*progress.remaining) : QString();
        case StateColumn: return stateText(*job, progress);
        default: return {};
        }
    case Qt::ToolTipRole: {
        QString tip = tr("%1\n→ %2").arg(job->source, job->destination);
        const QStringList failures = data(index, FailuresRole).toStringList();
        if (!failures.isEmpty())
            tip += QStringLiteral("\n\n") + failures.mid(0, 10).join(u'\n');
        return tip;
    }
    case JobIdRole: return id;
    case ProgressRole:
        return progress.bytesTotal > 0   ? int(1000 * progress.bytesDone / progress.bytesTotal)
               : progress.filesTotal > 0 ? int(1000 * progress.filesDone / progress.filesTotal)
                                         : (job->state == JobState::Finished ? 1000 : -1);
    case FailuresRole: {
        // Only the failed files, from the job's counters: never a walk over all of them.
        QStringList failures;
        if (!job->error.isEmpty())
            failures.append(job->error);
        for (const int failed : job->totals.failedFiles()) {
            const auto &file = job->files.at(failed);
            failures.append(tr("%1: %2").arg(job->direction == TransferQueue::Direction::Upload
                                                 ? file.local
                                                 : QString::fromUtf8(file.remote),
                                             file.error));
        }
        return failures;
    }
    case CanPauseRole: return job->state == JobState::Running || job->state == JobState::Queued;
    case CanResumeRole: return job->state == JobState::Paused;
    case CanCancelRole: return job->state != JobState::Finished && job->state != JobState::Cancelled;
    case CanRetryRole: return job->state == JobState::Finished && progress.filesFailed > 0;
    default: return {};
    }
}

QVariant TransferQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Transfer");
    case ProgressColumn: return tr("Progress");
    case RateColumn: return tr("Speed");
    case RemainingColumn: return tr("Time left");
    case StateColumn: return tr("State");
    default: return {};
    }
}

} // namespace app
