// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/monitor/MonitorArchive.h"

#include "app/monitor/MonitorStore.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QSemaphore>
#include <QThreadPool>

namespace app {

namespace {

// One thread for every cluster's store, kept for the program's life (a pool thread that expired
// would strand SQLite connections made on it).
QThreadPool &archiveThread()
{
    static QThreadPool *pool = [] {
        auto *made = new QThreadPool(QCoreApplication::instance());
        made->setMaxThreadCount(1);
        made->setExpiryTimeout(-1);
        made->setObjectName(QStringLiteral("monitor store"));
        return made;
    }();
    return *pool;
}

// Runs work in the main thread (the application object's), later. The objects it answers may go
// in the meantime: work checks its QPointers there, where they are deleted.
void toMainThread(std::function<void()> work)
{
    QMetaObject::invokeMethod(QCoreApplication::instance(), std::move(work), Qt::QueuedConnection);
}

} // namespace

struct MonitorArchive::Shared
{
    QString filePath;
    QString clusterName;
    std::unique_ptr<MonitorStore> store; // made, used and deleted on the archive thread
    QPointer<MonitorArchive> owner;
    QString lastProblem;

    // Opens the store on first use; false (and a problem said) when it cannot be.
    bool ready()
    {
        if (store && store->isOpen())
            return true;
        store = std::make_unique<MonitorStore>();
        const sshcore::Result<QString> opened = store->open(filePath, clusterName);
        if (!opened) {
            tell(opened.error().message);
            store.reset();
            return false;
        }
        if (!opened->isEmpty())
            tell(*opened);
        return true;
    }

    void tell(const QString &message)
    {
        if (message == lastProblem)
            return;
        lastProblem = message;
        toMainThread([owner = owner, message] {
            if (owner)
                Q_EMIT owner->problem(message);
        });
    }
};

MonitorArchive::MonitorArchive(QString filePath, QString clusterName, QObject *parent)
    : QObject(parent)
    , m_filePath(std::move(filePath))
    , m_shared(std::make_shared<Shared>())
{
    m_shared->filePath = m_filePath;
    m_shared->clusterName = std::move(clusterName);
    m_shared->owner = this;
}

MonitorArchive::~MonitorArchive()
{
    post([](Shared &shared) { shared.store.reset(); });
}

void MonitorArchive::post(std::function<void(Shared &)> work)
{
    archiveThread().start([shared = m_shared, work = std::move(work)] { work(*shared); });
}

void MonitorArchive::record(MonitorBatch batch)
{
    if (batch.isEmpty())
        return;
    post([batch = std::move(batch)](Shared &shared) {
        if (!shared.ready())
            return;
        if (const auto written = shared.store->write(batch); !written)
            return shared.tell(written.error().message);
        if (const auto kept = shared.store->maintain(QDateTime::currentDateTimeUtc()); !kept)
            shared.tell(kept.error().message);
    });
}

void MonitorArchive::readJob(const QString &jobId, QObject *context,
                             std::function<void(sshcore::Result<StoredJob>)> done)
{
    post([jobId, context = QPointer(context), done = std::move(done)](Shared &shared) {
        sshcore::Result<StoredJob> answer = sshcore::failure(sshcore::ErrorKind::Other, shared.lastProblem);
        if (shared.ready()) {
            StoredJob job;
            job.facts = shared.store->jobFacts(jobId);
            auto series = shared.store->jobSeries(jobId, {}, {});
            auto gpus = shared.store->gpuSeries(jobId, {}, {});
            if (!series)
                answer = sshcore::failure(series.error());
            else if (!gpus)
                answer = sshcore::failure(gpus.error());
            else {
                job.series = std::move(*series);
                job.gpus = std::move(*gpus);
                answer = std::move(job);
            }
        }
        toMainThread([context, done, answer = std::move(answer)] {
            if (context)
                done(answer);
        });
    });
}

void MonitorArchive::readKnownJobs(QObject *context, std::function<void(sshcore::Result<QList<KnownJob>>)> done)
{
    post([context = QPointer(context), done = std::move(done)](Shared &shared) {
        sshcore::Result<QList<KnownJob>> answer = sshcore::failure(sshcore::ErrorKind::Other, shared.lastProblem);
        if (shared.ready())
            answer = shared.store->knownJobs();
        toMainThread([context, done, answer = std::move(answer)] {
            if (context)
                done(answer);
        });
    });
}

void MonitorArchive::flush()
{
    QSemaphore done;
    post([&done](Shared &) { done.release(); });
    done.acquire();
}

} // namespace app
