// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/monitor/MonitorSamples.h"
#include "sshcore/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

class QSqlDatabase;
class QThread;

namespace app {

// The samples the Monitor keeps of one cluster: an SQLite database (Qt SQL, WAL mode) in the app's
// data folder, one file per cluster. Synchronous: meant for a worker thread, and only the thread
// that opened a store may use it (Qt SQL's connections belong to one thread; from another, every
// call is an error value). Each store has its own named connection, removed when it closes, also
// when it is destroyed on another thread.
//
// A file that is not a database, fails SQLite's quick check or holds another schema is moved aside
// (with its -wal and -shm files) and a new one started; open() says so in words for a person.
// A full disk or an unwritable folder is an error value (NoSpace, PermissionDenied), never a crash;
// damage met after opening is Malformed (opening the file again then sets it aside).
class MonitorStore
{
public:
    MonitorStore();
    ~MonitorStore();
    MonitorStore(const MonitorStore &) = delete;
    MonitorStore &operator=(const MonitorStore &) = delete;

    // "<data>/monitor/<safe name>.sqlite" in QStandardPaths::AppDataLocation.
    static QString defaultFilePath(const QString &clusterId);
    // A file name stem any cluster id (a profile's UUID, or any text) can have: a UUID as its usual
    // text, anything else as its plain letters and digits with a hash of the whole (so "a/b" and
    // "a:b" differ), never a path, never hidden, at most 60 characters.
    static QString safeFileStem(const QString &clusterId);

    // Opens (making the folder and the file if needed). The value is what a person should be told
    // about it: empty when all was well, else what happened to a damaged file. clusterName is the
    // name the person knows the cluster by, for that message.
    sshcore::Result<QString> open(const QString &filePath, const QString &clusterName);
    bool isOpen() const;
    void close();
    QString filePath() const { return m_filePath; }
    // Unique to this store (for tests that look at the connection).
    QString connectionName() const { return m_connectionName; }

    // Writes everything in one transaction: all of it or, on failure, none.
    sshcore::Result<void> write(const MonitorBatch &batch);
    sshcore::Result<void> setJobFacts(const QList<JobFacts> &facts);
    sshcore::Result<void> addJobSamples(const QList<JobSample> &samples);
    sshcore::Result<void> addGpuSamples(const QList<JobGpuReading> &readings);
    sshcore::Result<void> addClusterSamples(const QDateTime &time, const QList<PartitionUse> &partitions,
                                            const QList<QueueCounts> &queues);

    // Reads; an invalid from or to leaves that end open.
    sshcore::Result<JobSeries> jobSeries(const QString &jobId, const QDateTime &from, const QDateTime &to);
    sshcore::Result<QList<GpuSeries>> gpuSeries(const QString &jobId, const QDateTime &from, const QDateTime &to);
    // One partition's samples, or every partition's with an empty name.
    sshcore::Result<ClusterSeries> clusterSeries(const QString &partition, const QDateTime &from, const QDateTime &to);
    // The jobs with samples, the most recently sampled first.
    sshcore::Result<QList<KnownJob>> knownJobs();
    std::optional<JobFacts> jobFacts(const QString &jobId);

    struct Maintenance
    {
        bool ran = false; // false: it ran less than an hour ago
        int rowsMerged = 0;
        int rowsDropped = 0;
    };
    // Samples older than a day are merged to one per minute per series (a job's RSS and a GPU's
    // utilisation, memory and temperature keep the minute's peak; cores busy and power its
    // average, weighted by how many samples it stands for; cumulative CPU its last; partitions the
    // minute's last snapshot; queues the minute's most pending and running); samples older than 90
    // days are dropped, and jobs left without samples forgotten. Runs at most once an hour (the
    // time of the last run is kept in the file), and only looks at what changed since.
    sshcore::Result<Maintenance> maintain(const QDateTime &now);

    static constexpr int schemaVersion = 1;
    static constexpr qint64 rawForMs = 24LL * 3600 * 1000;
    static constexpr qint64 keptForMs = 90LL * 24 * 3600 * 1000;
    static constexpr qint64 bucketMs = 60 * 1000;
    static constexpr qint64 maintainEveryMs = 3600 * 1000;

private:
    enum class Health { Good, Empty, Damaged, Foreign, Newer };
    sshcore::Result<void> connect();
    sshcore::Result<Health> health(QString *why);
    sshcore::Result<void> runStatement(const QString &sql, const QString &what);
    sshcore::Result<QString> setAside(Health health, const QString &why, const QString &clusterName);
    sshcore::Result<void> createSchema();
    sshcore::Result<void> transaction(const std::function<sshcore::Result<void>()> &work);
    sshcore::Result<void> writeFacts(const QList<JobFacts> &facts);
    sshcore::Result<void> writeJobSamples(const QList<JobSample> &samples);
    sshcore::Result<void> writeGpuReadings(const QList<JobGpuReading> &readings);
    sshcore::Result<void> writeCluster(const QDateTime &time, const QList<PartitionUse> &partitions,
                                       const QList<QueueCounts> &queues);
    sshcore::Result<qint64> jobKey(const QString &jobId, bool create);
    sshcore::Result<qint64> partitionKey(const QString &partition);
    sshcore::Result<int> downSample(qint64 from, qint64 to);
    sshcore::Result<int> dropBefore(qint64 cutoff);
    sshcore::Result<std::optional<qint64>> metaValue(const QString &key);
    sshcore::Result<void> setMetaValue(const QString &key, qint64 value);
    QSqlDatabase database() const;
    sshcore::Result<void> usable() const;

    QString m_connectionName;
    QThread *m_thread = nullptr; // where the connection was opened
    QString m_filePath;
    std::optional<qint64> m_lastMaintainedMs;
};

} // namespace app
