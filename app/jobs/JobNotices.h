// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/jobs/JobRow.h"
#include "app/notify/Notice.h"
#include "app/schedulers/JobAccounting.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

namespace app {

class JobListModel;

// Tells the desktop about the jobs the Jobs area follows: a job that starts running (JobStarted), and
// one that ended, with its state, exit code and a line of how much of what it asked for it used
// (JobEnded; JobFailed when it failed, timed out, ran out of memory, was cancelled or preempted).
// Watches the area's JobListModel: what the list holds when it is filled (the first listing, or
// after it was emptied) is what was already there, and is not announced. One notice per job
// ("job:<id>"): its end replaces its start.
class JobNotices : public QObject
{
    Q_OBJECT

public:
    JobNotices(JobListModel *model, QObject *parent = nullptr);

    // Where notices go; null: nowhere (changes are still followed).
    void setNotifier(Notifier *notifier) { m_notifier = notifier; }
    // The name of the cluster the list's jobs run on (the notices' cluster).
    void setCluster(const QString &cluster) { m_cluster = cluster; }
    QString cluster() const { return m_cluster; }
    // Whose jobs are announced (the list may show everyone's): the connection's user; empty: all.
    void setUser(const QString &user) { m_user = user; }

    static QString subject(const QString &jobId) { return QStringLiteral("job:") + jobId; }
    static Notice startedNotice(const QString &cluster, const Job &job);
    // record: the job's accounting record, when there is one of its own (not for an array's range).
    static Notice endedNotice(const QString &cluster, const JobRow &row, const JobAccounting *record);
    // "CPU 85 %, memory 40 % of 4.0 GiB, time 12 % of the limit"; empty when nothing is known.
    static QString efficiencyLine(const JobAccounting &record);

private:
    struct Seen
    {
        JobState state = JobState::Unknown;
        bool told = false; // its end was announced (or it had ended when first seen)
    };

    void rememberAll();
    void look(int first, int last);
    void accounted(const QList<JobAccounting> &records);
    void forgetRows(int first, int last);
    void tellEnd(const JobRow &row, const JobAccounting *record);
    bool isMine(const Job &job) const { return m_user.isEmpty() || job.user.isEmpty() || job.user == m_user; }

    QPointer<JobListModel> m_model;
    QPointer<Notifier> m_notifier;
    QString m_cluster;
    QString m_user;
    QHash<QString, Seen> m_seen; // job id → what was last seen of it
    bool m_resetIsNews = false;
};

} // namespace app
