// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/jobs/Poller.h"
#include "app/monitor/JobTrack.h"
#include "app/monitor/MonitorSamples.h"
#include "app/monitor/Usage.h"
#include "app/schedulers/Job.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointF>
#include <QPointer>

#include <chrono>
#include <memory>

namespace sshcore {
class SshCommand;
class SshConnection;
} // namespace sshcore

namespace app {

class MonitorArchive;
class SchedulerClient;
struct RefreshParse;

// One partition's use over time, as sampled while connected.
struct PartitionTrack
{
    QString partition;
    PartitionUse now;
    Series cpusAllocated, cpusTotal, memoryAllocatedBytes, gpusAllocated, gpusTotal;
    Series pending, running;
};

// The Monitor's sampling of one cluster. Once per refresh it sends ONE command (whatever is
// watched): the watched running jobs' use (one sstat for all), the partitions' use, and everyone's
// queue, which says when watched jobs start and end and gives the queue chart its counts. Each
// watched running GPU job also gets one long-running sampling step inside its own allocation
// (nvidia-smi, streamed over the connection's session), stopped when nobody watches the job any
// more or it ends. Series are kept in memory for as long as the sampler lives; with an archive,
// each refresh's samples are also stored (one transaction), and a job watched again after a
// restart starts with what was stored of it.
class MonitorSampler : public QObject
{
    Q_OBJECT

public:
    MonitorSampler(SchedulerClient *client, sshcore::SshConnection *ssh, QObject *parent = nullptr);
    ~MonitorSampler() override;

    // Where samples are kept across runs (null: nowhere).
    void setArchive(MonitorArchive *archive);
    MonitorArchive *archive() const;

    // How often to sample while someone looks (a view of the cluster is shown, or jobs are watched);
    // otherwise the cluster's use is sampled only every BackgroundInterval (at most), sparing a big
    // cluster's controller a listing of everyone's jobs every few seconds.
    void setInterval(std::chrono::milliseconds interval);
    std::chrono::milliseconds interval() const { return m_interval; }
    static constexpr std::chrono::seconds BackgroundInterval{60};
    // A view shows the cluster's charts (counted: each view says true when shown, false when hidden).
    // A view shown after a while of background pace gets a sample at once.
    void setViewed(bool viewed);
    bool isViewed() const { return m_viewers > 0; }
    // The time between samples now.
    std::chrono::milliseconds pace() const { return m_poller.interval(); }
    // Samples now and every interval, until stop(). The cluster's own charts need nothing watched.
    void start();
    void stop();
    bool isActive() const { return m_poller.isActive(); }
    void refresh() { m_poller.trigger(); }

    // Watching is counted: a job watched from two places stops being sampled when both stop.
    void watch(const QString &jobId);
    void unwatch(const QString &jobId);
    QStringList watched() const;
    const JobTrack *track(const QString &jobId) const;
    // The partitions, in the cluster's order, with their series.
    const QList<PartitionTrack> &partitions() const { return m_partitions; }
    // Why the cluster's use or the queue is not known now (empty: it is).
    QString clusterProblem() const { return m_clusterProblem; }
    QDateTime lastRefresh() const { return m_lastRefresh; }

    // For the benchmark and tests: commands sent so far, and GPU sampling steps running now.
    int commandsSent() const { return m_commandsSent; }
    int gpuSamplersRunning() const;
    // The connection's user's jobs in the last queue listing, for the job picker.
    const QList<Job> &myJobs() const { return m_myJobs; }

Q_SIGNALS:
    void refreshed();
    void jobUpdated(const QString &jobId);
    // A watched job's state changed (started, ended) as the queue lists it.
    void jobStateChanged(const QString &jobId, app::JobState previous, app::JobState now);
    void failed(const QString &message);

private:
    void sample();
    void sampled(const RefreshParse &parse, qint64 ms);
    void applyPartitions(const QList<PartitionUse> &uses, const QList<QueueCounts> &counts, qint64 ms);
    void updateGpuSampler(const QString &jobId);
    void stopGpuSampler(const QString &jobId);
    // The pace for now: interval() while viewed or watched, else the background one.
    void updatePace();

    QPointer<SchedulerClient> m_client;
    QPointer<sshcore::SshConnection> m_ssh;
    QPointer<MonitorArchive> m_archive;
    Poller m_poller;
    MonitorBatch m_batch; // what this refresh learnt, for the archive
    QHash<QString, int> m_watchers;
    QHash<QString, JobTrack> m_tracks;
    QHash<QString, QPointer<sshcore::SshCommand>> m_gpuSamplers;
    QHash<QString, int> m_gpuFailures;
    QList<PartitionTrack> m_partitions;
    QList<Job> m_myJobs;
    QString m_clusterProblem;
    QDateTime m_lastRefresh;
    int m_commandsSent = 0;
    int m_viewers = 0;
    std::chrono::milliseconds m_interval{10000};
};

} // namespace app
