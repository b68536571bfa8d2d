// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/jobs/JobNotices.h"

#include "app/jobs/JobListModel.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace app {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::JobNotices)
};

using Phase = JobRow::Phase;

QString jobLabel(const Job &job)
{
    return job.name.isEmpty() ? Tr::tr("Job %1").arg(job.id) : Tr::tr("Job %1 (%2)").arg(job.id, job.name);
}

// Ended without reaching its end: failed, killed at its limits, cancelled or taken off its node.
bool isFailure(JobState state)
{
    switch (state) {
    case JobState::Failed:
    case JobState::Cancelled:
    case JobState::TimedOut:
    case JobState::OutOfMemory:
    case JobState::NodeFailed:
    case JobState::Preempted: return true;
    default: return false;
    }
}

QString percent(double fraction)
{
    return QStringLiteral("%1 %").arg(std::lround(fraction * 100));
}

QString duration(qint64 seconds)
{
    if (seconds < 60)
        return Tr::tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return Tr::tr("%1 min").arg(seconds / 60);
    return Tr::tr("%1 h %2 min").arg(seconds / 3600).arg(seconds % 3600 / 60);
}

} // namespace

JobNotices::JobNotices(JobListModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{
    // The first fill (after the list was made or emptied) is what was there already; a reset after
    // an earlier listing (one that found no jobs) brings new ones.
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this,
            [this] { m_resetIsNews = m_model->hasBeenListed(); });
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        if (!m_resetIsNews)
            return rememberAll();
        m_seen.clear();
        if (m_model->rowCount() > 0)
            look(0, m_model->rowCount() - 1);
    });
    connect(model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { look(first, last); });
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                look(topLeft.row(), bottomRight.row());
            });
    connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex &, int first, int last) { forgetRows(first, last); });
    connect(model, &JobListModel::accountingApplied, this, &JobNotices::accounted);
    rememberAll();
}

void JobNotices::rememberAll()
{
    m_seen.clear();
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const JobRow *row = m_model->row(m_model->index(r, 0).data(JobListModel::IdRole).toString());
        if (row)
            m_seen.insert(row->job.id, {row->job.state, row->phase != Phase::Listed && row->phase != Phase::Vanished});
    }
}

void JobNotices::forgetRows(int first, int last)
{
    for (int r = first; r <= last; ++r)
        m_seen.remove(m_model->index(r, 0).data(JobListModel::IdRole).toString());
}

void JobNotices::look(int first, int last)
{
    for (int r = first; r <= last; ++r) {
        const JobRow *row = m_model->row(m_model->index(r, 0).data(JobListModel::IdRole).toString());
        if (!row)
            continue;
        const auto found = m_seen.find(row->job.id);
        const bool known = found != m_seen.end();
        Seen &seen = known ? *found : m_seen[row->job.id];
        switch (row->phase) {
        case Phase::Listed:
            if (row->job.state == JobState::Running && (!known || seen.state != JobState::Running)) {
                if (m_notifier && isMine(row->job))
                    m_notifier->show(startedNotice(m_cluster, row->job));
            }
            seen.told = false; // listed again (requeued): its next end is news
            break;
        case Phase::Vanished: break;
        case Phase::Finished: break; // announced with its accounting record (accounted)
        case Phase::Ended:
            if (!seen.told)
                tellEnd(*row, nullptr);
            seen.told = true;
            break;
        }
        seen.state = row->job.state;
    }
}

void JobNotices::accounted(const QList<JobAccounting> &records)
{
    QHash<QString, const JobAccounting *> byId;
    for (const JobAccounting &record : records)
        byId.insert(record.id, &record);
    for (auto it = m_seen.begin(); it != m_seen.end(); ++it) {
        if (it->told)
            continue;
        const JobRow *row = m_model->row(it.key());
        if (!row || row->phase != Phase::Finished)
            continue;
        it->told = true;
        it->state = row->job.state;
        tellEnd(*row, byId.value(it.key()));
    }
}

void JobNotices::tellEnd(const JobRow &row, const JobAccounting *record)
{
    if (m_notifier && isMine(row.job))
        m_notifier->show(endedNotice(m_cluster, row, record));
}

Notice JobNotices::startedNotice(const QString &cluster, const Job &job)
{
    Notice notice;
    notice.kind = NoticeKind::JobStarted;
    notice.cluster = cluster;
    notice.subject = subject(job.id);
    notice.title = Tr::tr("%1 started").arg(jobLabel(job));
    const QString where = job.nodeList.isEmpty() ? cluster : Tr::tr("%1 on %2").arg(job.nodeList, cluster);
    notice.text = job.timeLimitSeconds
                      ? Tr::tr("Running on %1, for at most %2").arg(where, duration(*job.timeLimitSeconds))
                      : Tr::tr("Running on %1").arg(where);
    return notice;
}

Notice JobNotices::endedNotice(const QString &cluster, const JobRow &row, const JobAccounting *record)
{
    const Job &job = row.job;
    Notice notice;
    notice.cluster = cluster;
    notice.subject = subject(job.id);
    if (row.phase == Phase::Ended) {
        notice.kind = NoticeKind::JobEnded;
        notice.title = Tr::tr("%1 ended").arg(jobLabel(job));
        notice.text = Tr::tr("On %1; how it ended is not known: %2").arg(cluster, row.note);
        return notice;
    }
    notice.kind = isFailure(job.state) ? NoticeKind::JobFailed : NoticeKind::JobEnded;
    notice.title = Tr::tr("%1: %2").arg(jobLabel(job), jobStateName(job.state).toLower());
    QStringList first;
    first << (job.stateText.isEmpty() ? jobStateName(job.state) : job.stateText);
    if (!row.exitCode.isEmpty())
        first << Tr::tr("exit code %1").arg(row.exitCode);
    if (job.elapsedSeconds)
        first << Tr::tr("ran %1").arg(duration(*job.elapsedSeconds));
    first << cluster;
    QString text = first.join(QStringLiteral(" · "));
    if (record) {
        if (const QString efficiency = efficiencyLine(*record); !efficiency.isEmpty())
            text += u'\n' + efficiency;
    } else if (!row.note.isEmpty()) {
        text += u'\n' + row.note; // an array's tasks: how many ended how
    }
    notice.text = text;
    return notice;
}

QString JobNotices::efficiencyLine(const JobAccounting &record)
{
    QStringList parts;
    if (const auto cpu = record.cpuEfficiency())
        parts << Tr::tr("CPU %1").arg(percent(*cpu));
    if (const auto memory = record.memoryEfficiency()) {
        parts << Tr::tr("memory %1 of %2")
                     .arg(percent(*memory), QLocale().formattedDataSize(*record.requestedMemoryBytes, 1,
                                                                        QLocale::DataSizeTraditionalFormat));
    }
    if (const auto time = record.timeEfficiency())
        parts << Tr::tr("time %1 of the limit").arg(percent(*time));
    return parts.isEmpty() ? QString() : Tr::tr("Used: %1").arg(parts.join(QStringLiteral(", ")));
}

} // namespace app
