// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/monitor/MonitorSamples.h"
#include "sshcore/Result.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>

namespace app {

class MonitorStore;

// A job as the store kept it: its facts, series and GPUs.
struct StoredJob
{
    std::optional<JobFacts> facts;
    JobSeries series;
    QList<GpuSeries> gpus;
};

// The MonitorStore of one cluster, used from the window's thread without ever waiting for the
// disk: every call runs on the archives' own thread (one for all clusters, so SQLite's connections
// stay with the thread that opened them) in the order made, and answers come back in the main
// thread, not at all if the context (an object of the main thread) is gone by then. The store opens on first use; what
// its opening had to say (a damaged file set aside) and any failure to write come as problem(), once each.
class MonitorArchive : public QObject
{
    Q_OBJECT

public:
    MonitorArchive(QString filePath, QString clusterName, QObject *parent = nullptr);
    // Closes the store on its thread, after what was asked before; does not wait for it.
    ~MonitorArchive() override;

    QString filePath() const { return m_filePath; }

    // One refresh's samples, in one transaction; then the store's hourly upkeep (down-sampling, expiry).
    void record(MonitorBatch batch);
    void readJob(const QString &jobId, QObject *context, std::function<void(sshcore::Result<StoredJob>)> done);
    void readKnownJobs(QObject *context, std::function<void(sshcore::Result<QList<KnownJob>>)> done);
    // Blocks until what was asked so far is done (no event loop runs): for tests, benchmarks and the
    // command line only, never the window.
    void flush();

Q_SIGNALS:
    void problem(const QString &message);

private:
    struct Shared;
    void post(std::function<void(Shared &)> work);

    QString m_filePath;
    std::shared_ptr<Shared> m_shared;
};

} // namespace app
