// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/monitor/MonitorSampler.h"

#include "app/monitor/MonitorArchive.h"
#include "app/monitor/NvidiaSmi.h"
#include "app/monitor/NvidiaSmiStream.h"
#include "app/monitor/QueueCounts.h"
#include "app/schedulers/CompoundCommand.h"
#include "app/schedulers/ResourceUnits.h"
#include "app/schedulers/SchedulerClient.h"
#include "sshcore/SshCommand.h"
#include "sshcore/SshConnection.h"

#include <QCoreApplication>
#include <QtConcurrentRun>

#include <optional>

using sshcore::CommandResult;
using sshcore::Result;

namespace app {

// What one refresh's command said, parsed on a worker thread.
struct RefreshParse
{
    QString failure;                              // the whole command failed
    std::optional<Result<QList<JobUsage>>> usage; // not asked when nothing watched runs
    Result<QList<PartitionUse>> partitions = sshcore::failure(QString());
    Result<QList<Job>> queue = sshcore::failure(QString());
    QList<QueueCounts> counts;
};

namespace {

constexpr std::chrono::seconds RefreshTimeout{60};
constexpr int MaxGpuRestarts = 3;

} // namespace

MonitorSampler::MonitorSampler(SchedulerClient *client, sshcore::SshConnection *ssh, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_ssh(ssh)
    , m_poller([this] { sample(); }, this)
{
    m_poller.setInterval(BackgroundInterval);
}

MonitorSampler::~MonitorSampler()
{
    for (const QString &jobId : m_gpuSamplers.keys())
        stopGpuSampler(jobId);
}

void MonitorSampler::setArchive(MonitorArchive *archive)
{
    m_archive = archive;
}

MonitorArchive *MonitorSampler::archive() const
{
    return m_archive;
}

void MonitorSampler::setInterval(std::chrono::milliseconds interval)
{
    m_interval = interval;
    updatePace();
}

void MonitorSampler::setViewed(bool viewed)
{
    const bool was = isViewed();
    m_viewers = std::max(0, m_viewers + (viewed ? 1 : -1));
    updatePace();
    // Shown after a while of background pace: a sample now, not up to a minute later.
    if (!was && isViewed() && m_poller.isActive()
        && (!m_lastRefresh.isValid() || m_lastRefresh.msecsTo(QDateTime::currentDateTime()) > m_interval.count()))
        m_poller.trigger();
}

void MonitorSampler::updatePace()
{
    const bool looked = isViewed() || !m_watchers.isEmpty();
    const std::chrono::milliseconds pace = looked ? m_interval
                                                  : std::max<std::chrono::milliseconds>(m_interval, BackgroundInterval);
    if (pace != m_poller.interval())
        m_poller.setInterval(pace);
}

void MonitorSampler::start()
{
    m_poller.start();
}

void MonitorSampler::stop()
{
    m_poller.stop();
    for (const QString &jobId : m_gpuSamplers.keys())
        stopGpuSampler(jobId);
}

void MonitorSampler::watch(const QString &jobId)
{
    if (m_watchers[jobId]++ == 0) {
        updatePace();
        JobTrack &track = m_tracks[jobId];
        track.job.id = jobId;
        for (const Job &job : std::as_const(m_myJobs)) {
            if (job.id == jobId)
                track.setListing(job);
        }
        if (m_archive) {
            m_archive->readJob(jobId, this, [this, jobId](sshcore::Result<StoredJob> stored) {
                auto it = m_tracks.find(jobId);
                if (!stored || it == m_tracks.end())
                    return;
                it->mergeStored(stored->facts, stored->series, stored->gpus);
                Q_EMIT jobUpdated(jobId);
            });
        }
        if (m_poller.isActive())
            m_poller.trigger();
    }
}

void MonitorSampler::unwatch(const QString &jobId)
{
    auto it = m_watchers.find(jobId);
    if (it == m_watchers.end())
        return;
    if (--it.value() > 0)
        return;
    m_watchers.erase(it);
    stopGpuSampler(jobId);
    updatePace();
}

QStringList MonitorSampler::watched() const
{
    QStringList ids = m_watchers.keys();
    ids.sort();
    return ids;
}

const JobTrack *MonitorSampler::track(const QString &jobId) const
{
    auto it = m_tracks.constFind(jobId);
    return it == m_tracks.constEnd() ? nullptr : &it.value();
}

int MonitorSampler::gpuSamplersRunning() const
{
    int running = 0;
    for (const QPointer<sshcore::SshCommand> &command : m_gpuSamplers)
        running += command && !command->isFinished();
    return running;
}

void MonitorSampler::sample()
{
    if (!m_client || !m_client->isReady()) {
        m_clusterProblem = m_client ? m_client->unavailableReason() : tr("Not connected to the cluster.");
        Q_EMIT failed(m_clusterProblem);
        m_poller.finished();
        return;
    }
    const std::shared_ptr<const Scheduler> scheduler = m_client->scheduler();
    QStringList running;
    for (auto it = m_watchers.cbegin(); it != m_watchers.cend(); ++it) {
        const JobTrack &track = m_tracks.value(it.key());
        if (track.job.state == JobState::Running || track.job.state == JobState::Completing)
            running << it.key();
    }
    running.sort();
    const QByteArray usage = running.isEmpty() ? QByteArray() : scheduler->usageCommand(running);
    QList<QByteArray> parts{scheduler->clusterUseCommand(), scheduler->queueCommand(true)};
    if (!usage.isEmpty())
        parts.prepend(usage);
    const CompoundCommand compound(parts);
    ++m_commandsSent;
    m_client->runCommand(compound.join(), true, RefreshTimeout, this,
                         [this, scheduler, compound, asked = !usage.isEmpty()](Result<CommandResult> result) {
                             const qint64 ms = QDateTime::currentMSecsSinceEpoch();
                             if (!result) {
                                 RefreshParse failedParse;
                                 failedParse.failure = result.error().message;
                                 sampled(failedParse, ms);
                                 return;
                             }
                             // A 50,000-job listing takes tens of milliseconds to parse: not on the window's thread.
                             QtConcurrent::run([scheduler, compound, asked, whole = *result] {
                                 RefreshParse parse;
                                 Result<QList<CommandResult>> split = compound.split(whole);
                                 if (!split) {
                                     parse.failure = split.error().message;
                                     return parse;
                                 }
                                 qsizetype part = 0;
                                 if (asked)
                                     parse.usage = scheduler->parseUsage(split->at(part++));
                                 parse.partitions = scheduler->parseClusterUse(split->at(part++));
                                 parse.queue = scheduler->parseQueue(split->at(part++));
                                 if (parse.queue)
                                     parse.counts = countQueue(*parse.queue);
                                 return parse;
                             }).then(this, [this, ms](const RefreshParse &parse) { sampled(parse, ms); });
                         });
}

void MonitorSampler::sampled(const RefreshParse &parse, qint64 ms)
{
    m_poller.finished();
    if (!parse.failure.isEmpty()) {
        m_clusterProblem = parse.failure;
        Q_EMIT failed(parse.failure);
        Q_EMIT refreshed();
        return;
    }
    m_lastRefresh = QDateTime::fromMSecsSinceEpoch(ms);
    QStringList changed;

    // Jobs: the user's own from everyone's listing; watched ones' states.
    if (parse.queue) {
        m_myJobs.clear();
        const QString user = m_ssh ? m_ssh->settings().user : QString();
        QHash<QString, const Job *> listed;
        for (const Job &job : *parse.queue) {
            listed.insert(job.id, &job);
            if (user.isEmpty() || job.user == user)
                m_myJobs.append(job);
        }
        for (auto it = m_watchers.cbegin(); it != m_watchers.cend(); ++it) {
            JobTrack &track = m_tracks[it.key()];
            const JobState previous = track.job.state;
            if (const Job *job = listed.value(it.key())) {
                track.setListing(*job);
            } else if (previous != JobState::Unknown && !isFinished(previous)) {
                // Gone from the queue: it ended (accounting says how; the area asks it).
                track.job.state = JobState::Completed;
                track.job.stateText = QStringLiteral("ENDED");
                track.facts.stateText = track.job.stateText;
                track.facts.end = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::UTC);
            }
            if (track.job.state != previous) {
                Q_EMIT jobStateChanged(it.key(), previous, track.job.state);
                changed << it.key();
            }
        }
    }

    // Use of the watched running jobs.
    if (parse.usage) {
        if (*parse.usage) {
            for (const JobUsage &usage : **parse.usage) {
                auto it = m_tracks.find(usage.jobId);
                if (it == m_tracks.end() || !m_watchers.contains(usage.jobId))
                    continue;
                m_batch.jobSamples.append(it->addUsage(usage, ms));
                it->usageProblem.clear();
                if (!changed.contains(usage.jobId))
                    changed << usage.jobId;
            }
        } else {
            for (auto it = m_watchers.cbegin(); it != m_watchers.cend(); ++it) {
                m_tracks[it.key()].usageProblem = parse.usage->error().message;
                changed << it.key();
            }
        }
    }

    m_clusterProblem.clear();
    if (parse.partitions)
        applyPartitions(*parse.partitions, parse.counts, ms);
    else
        m_clusterProblem = parse.partitions.error().message;
    if (!parse.queue)
        m_clusterProblem = parse.queue.error().message;

    for (auto it = m_watchers.cbegin(); it != m_watchers.cend(); ++it)
        updateGpuSampler(it.key());
    changed.removeDuplicates();
    if (m_archive) {
        for (const QString &jobId : std::as_const(changed))
            m_batch.facts.append(m_tracks.value(jobId).facts);
        m_batch.clusterTime = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::UTC);
        if (parse.partitions)
            m_batch.partitions = *parse.partitions;
        m_batch.queues = parse.counts;
        m_archive->record(std::exchange(m_batch, {}));
    } else {
        m_batch = {};
    }
    for (const QString &jobId : std::as_const(changed))
        Q_EMIT jobUpdated(jobId);
    Q_EMIT refreshed();
}

void MonitorSampler::applyPartitions(const QList<PartitionUse> &uses, const QList<QueueCounts> &counts, qint64 ms)
{
    QList<PartitionTrack> tracks;
    tracks.reserve(uses.size());
    for (const PartitionUse &use : uses) {
        PartitionTrack track;
        for (const PartitionTrack &known : std::as_const(m_partitions)) {
            if (known.partition == use.partition)
                track = known;
        }
        track.partition = use.partition;
        track.now = use;
        track.cpusAllocated.append(ms, float(use.cpusAllocated));
        track.cpusTotal.append(ms, float(use.cpusTotal()));
        if (use.hasMemory)
            track.memoryAllocatedBytes.append(ms, float(use.memoryAllocatedBytes));
        if (use.hasGpus) {
            track.gpusAllocated.append(ms, float(use.gpusAllocated));
            track.gpusTotal.append(ms, float(use.gpusTotal()));
        }
        int pending = 0, running = 0;
        for (const QueueCounts &count : counts) {
            if (count.partition == use.partition) {
                pending = count.pending;
                running = count.running;
            }
        }
        track.pending.append(ms, float(pending));
        track.running.append(ms, float(running));
        tracks.append(std::move(track));
    }
    m_partitions = std::move(tracks);
}

void MonitorSampler::updateGpuSampler(const QString &jobId)
{
    const JobTrack &track = m_tracks[jobId];
    const bool wanted = track.gpusRequested > 0 && track.job.state == JobState::Running;
    QPointer<sshcore::SshCommand> &command = m_gpuSamplers[jobId];
    if (!wanted) {
        stopGpuSampler(jobId);
        return;
    }
    if (command && !command->isFinished())
        return;
    if (!m_client || !m_ssh || !m_client->scheduler())
        return;
    if (m_gpuFailures.value(jobId) >= MaxGpuRestarts)
        return;
    const QByteArray line = m_client->scheduler()->gpuSamplingCommand(
        jobId, NvidiaSmi::samplingCommand(int(std::max<qint64>(1, qint64(m_interval.count()) / 1000))));
    if (line.isEmpty()) {
        m_tracks[jobId].gpuProblem = tr("%1 gives no way to sample a job's GPUs from inside its allocation.")
                                         .arg(m_client->scheduler()->name());
        return;
    }
    command = m_ssh->runShell(line, {}, this);
    auto stream = std::make_shared<NvidiaSmiStream>();
    connect(command, &sshcore::SshCommand::standardOutputReady, this, [this, jobId, stream](const QByteArray &chunk) {
        const QList<GpuReading> readings = stream->feed(chunk);
        if (readings.isEmpty())
            return;
        JobTrack &watched = m_tracks[jobId];
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        watched.addGpuReadings(readings, now);
        for (GpuReading reading : readings) {
            reading.time = QDateTime::fromMSecsSinceEpoch(now, QTimeZone::UTC);
            m_batch.gpuReadings.append(JobGpuReading{jobId, reading});
        }
        watched.gpuProblem.clear();
        m_gpuFailures.remove(jobId);
        Q_EMIT jobUpdated(jobId);
    });
    QPointer<sshcore::SshCommand> guard = command;
    connect(command, &sshcore::SshCommand::finished, this, [this, jobId, guard] {
        if (!guard)
            return;
        const Result<CommandResult> &result = guard->result();
        auto it = m_tracks.find(jobId);
        if (it != m_tracks.end() && it->job.state == JobState::Running && m_watchers.contains(jobId)) {
            // It stopped while the job runs: say why, and try again on the next refreshes.
            ++m_gpuFailures[jobId];
            QString why = result ? QString::fromUtf8(result->standardError).trimmed() : result.error().message;
            if (why.isEmpty())
                why = tr("the sampling step ended with status %1").arg(result ? result->exitStatus : -1);
            it->gpuProblem = tr("GPU figures stopped: %1").arg(why);
            Q_EMIT jobUpdated(jobId);
        }
        guard->deleteLater();
    });
}

void MonitorSampler::stopGpuSampler(const QString &jobId)
{
    QPointer<sshcore::SshCommand> command = m_gpuSamplers.take(jobId);
    if (command) {
        command->disconnect(this);
        command->deleteLater(); // deleting it cancels the remote step
    }
}

} // namespace app
