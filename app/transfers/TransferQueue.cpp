// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/transfers/TransferQueue.h"

#include "app/transfers/ExtraSessions.h"
#include "app/transfers/LocalFolders.h"
#include "app/transfers/LocalTreeScan.h"
#include "app/transfers/PartialName.h"
#include "app/transfers/RemoteTreeScan.h"
#include "app/transfers/Sha256Verifier.h"
#include "sshcore/RemotePath.h"
#include "sshcore/SshConnection.h"
#include "sshcore/sftp/SftpClient.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTimeZone>

using namespace std::chrono_literals;
using sshcore::Result;
using sshcore::SftpEntry;
namespace RemotePath = sshcore::RemotePath;

namespace app {

Q_DECLARE_LOGGING_CATEGORY(transfersLog)
Q_LOGGING_CATEGORY(transfersLog, "clusterdesk.transfers", QtWarningMsg)

namespace {

constexpr int diskThreads = 2; // tree walks and local folders at once, per queue

} // namespace

TransferQueue::TransferQueue(sshcore::SshConnection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_sftp(std::make_unique<sshcore::SftpClient>(connection))
    , m_verifier(std::make_unique<Sha256Verifier>(connection))
    , m_extraSessions(std::make_unique<ExtraSessions>(connection))
{
    m_extraSessions->setMaximum(defaultExtraSessions());
    m_disk.setMaxThreadCount(diskThreads);
    m_disk.setObjectName(QStringLiteral("clusterdesk.transfers.disk"));
    m_progressTimer.setInterval(250);
    connect(&m_progressTimer, &QTimer::timeout, this, &TransferQueue::sampleRate);
    connect(connection, &sshcore::SshConnection::stateChanged, this, &TransferQueue::onConnectionState);
}

// The walks still running stop at their next entry; m_disk's destruction then waits for them (and
// the verifier's for its hashes), and their answers, addressed to this object, are dropped with it.
TransferQueue::~TransferQueue()
{
    for (const auto &stop : std::as_const(m_localScans))
        stop->store(true);
}

int TransferQueue::defaultExtraSessions()
{
    return 3;
}

void TransferQueue::setExtraSessions(int sessions)
{
    m_extraSessions->setMaximum(sessions);
}

int TransferQueue::extraSessions() const
{
    return m_extraSessions->maximum();
}

void TransferQueue::setSplitFrom(quint64 bytes)
{
    m_splitFrom = bytes;
}

void TransferQueue::setExtraSessionsIdleTimeout(std::chrono::milliseconds timeout)
{
    m_extraSessions->setIdleTimeout(timeout);
}

int TransferQueue::extraSessionsLoggedIn() const
{
    return m_extraSessions->loggedIn();
}

QByteArray TransferQueue::temporaryRemoteName(const QByteArray &remote)
{
    return PartialName::forRemote(remote);
}

QString TransferQueue::temporaryLocalName(const QString &local)
{
    return PartialName::forLocal(local);
}

TransferQueue::Job *TransferQueue::findJob(int id)
{
    for (const auto &job : m_jobs) {
        if (job->id == id)
            return job.get();
    }
    return nullptr;
}

const TransferQueue::Job *TransferQueue::job(int id) const
{
    return const_cast<TransferQueue *>(this)->findJob(id);
}

QList<int> TransferQueue::jobIds() const
{
    QList<int> ids;
    for (const auto &job : m_jobs)
        ids.append(job->id);
    return ids;
}

bool TransferQueue::connected() const
{
    return m_connection && m_connection->state() == sshcore::SshConnectionState::Connected;
}

bool TransferQueue::isIdle() const
{
    return std::ranges::all_of(m_jobs, [](const auto &pointer) {
        const Job &job = *pointer;
        return job.state == JobState::Finished || job.state == JobState::Cancelled || job.state == JobState::Paused;
    });
}

// --- scanning ------------------------------------------------------------------------------------

int TransferQueue::addJob(Direction direction, const QString &source, const QString &destination,
                          const TransferOptions &options)
{
    auto job = std::make_shared<Job>();
    job->id = m_nextId++;
    job->direction = direction;
    job->source = source;
    job->destination = destination;
    job->options = options;
    m_jobs.append(job);
    Q_EMIT jobAdded(job->id);
    return job->id;
}

int TransferQueue::upload(const QString &localPath, const QByteArray &remoteDirectory, const TransferOptions &options)
{
    const int id = addJob(Direction::Upload, localPath, QString::fromUtf8(remoteDirectory), options);
    scanLocal(id, QFileInfo(localPath).absoluteFilePath(), remoteDirectory);
    return id;
}

// The job stays in Scanning while a worker walks the tree; its files arrive all at once.
void TransferQueue::scanLocal(int id, const QString &localPath, const QByteArray &remoteDirectory)
{
    auto stop = std::make_shared<std::atomic_bool>(false);
    m_localScans.insert(id, stop);
    LocalTreeScan::start(&m_disk, localPath, remoteDirectory, stop)
        .then(this, [this, id](QFuture<LocalTreeScan::Result> done) {
            m_localScans.remove(id);
            // Taken out of the future, not copied: the job's files are its own, and a file's
            // reference stays valid while the queue changes others (no copy on write behind it).
            LocalTreeScan::Result scan = done.takeResult();
            Job *job = findJob(id);
            if (!job || job->state == JobState::Cancelled || scan.stopped)
                return;
            if (!scan.error.isEmpty()) {
                scanFailed(id, scan.error);
                return;
            }
            job->files = std::move(scan.files);
            job->totals = std::move(scan.totals);
            job->remoteDirectories = std::move(scan.remoteDirectories);
            if (job->state == JobState::Scanning)
                job->state = JobState::Queued;
            Q_EMIT jobChanged(id);
            makeDirectories(id);
        });
}

int TransferQueue::download(const QByteArray &remotePath, const QString &localDirectory, const TransferOptions &options)
{
    const int id = addJob(Direction::Download, QString::fromUtf8(remotePath), localDirectory, options);
    scanRemote(id, remotePath, QDir(localDirectory).absolutePath());
    return id;
}

void TransferQueue::scanRemote(int id, const QByteArray &remotePath, const QString &localDirectory)
{
    auto *scan = new RemoteTreeScan(
        m_sftp.get(),
        [this, id](Result<RemoteTreeScan::Tree> tree) {
            if (RemoteTreeScan *done = m_remoteScans.take(id))
                done->deleteLater();
            Job *job = findJob(id);
            if (!job || job->state == JobState::Cancelled)
                return;
            if (!tree) {
                scanFailed(id, tree.error().message);
                return;
            }
            job->files = std::move(tree->files); // its own, as above
            job->totals = std::move(tree->totals);
            job->localDirectories = std::move(tree->localDirectories);
            if (job->state == JobState::Scanning)
                job->state = JobState::Queued;
            Q_EMIT jobChanged(id);
            makeDirectories(id);
        },
        this);
    m_remoteScans.insert(id, scan);
    scan->start(remotePath, localDirectory);
}

void TransferQueue::scanFailed(int id, const QString &error)
{
    Job *job = findJob(id);
    job->error = error;
    job->state = JobState::Finished;
    Q_EMIT jobChanged(id);
    Q_EMIT jobFinished(id);
}

void TransferQueue::makeDirectories(int id)
{
    Job *job = findJob(id);
    if (!job || job->directoriesMade || job->makingDirectories)
        return;
    job->makingDirectories = true;
    if (job->direction == Direction::Upload) {
        makeRemoteDirectory(id, 0);
        return;
    }
    LocalFolders::make(&m_disk, job->localDirectories).then(this, [this, id](const QStringList &failed) {
        Job *current = findJob(id);
        current->makingDirectories = false;
        if (current->state == JobState::Cancelled) {
            Q_EMIT jobChanged(id); // nothing of it touches the disk any more
            return;
        }
        for (const QString &directory : failed) {
            const QString inside = directory + u'/';
            for (int index = 0; index < current->files.size(); ++index) {
                const File &file = current->files.at(index);
                if (file.local.startsWith(inside) && file.state == FileState::Queued) {
                    changeFile(*current, index, [&](File &item) {
                        item.state = FileState::Failed;
                        item.error = tr("Cannot create the local folder '%1'.").arg(directory);
                    });
                }
            }
        }
        current->directoriesMade = true;
        if (!failed.isEmpty())
            Q_EMIT jobChanged(id);
        schedule();
        jobMaybeFinished(id);
    });
}

// One after another (a parent before its children); each is "mkdir -p". Then the destinations'
// listing.
void TransferQueue::makeRemoteDirectory(int id, int index)
{
    Job *job = findJob(id);
    if (job->state == JobState::Cancelled || !connected()) { // made again once the connection is back
        job->makingDirectories = false;
        return;
    }
    if (index >= job->remoteDirectories.size()) {
        listDestinations(id);
        return;
    }
    const QByteArray directory = job->remoteDirectories.at(index);
    m_sftp->makePath(directory, this, [this, id, index, directory](const Result<> &made) {
        Job *current = findJob(id);
        if (!made) {
            const QByteArray inside = directory + '/';
            for (int at = 0; at < current->files.size(); ++at) {
                const File &file = current->files.at(at);
                if (file.remote.startsWith(inside) && file.state == FileState::Queued) {
                    changeFile(*current, at, [&](File &item) {
                        item.state = FileState::Failed;
                        item.error = made.error().message;
                    });
                }
            }
        }
        makeRemoteDirectory(id, index + 1);
    });
}

// What the destination folders of an upload hold, one listing each, so that each file's conflict
// and partial copy are known without a round trip of its own. Then the files start.
void TransferQueue::listDestinations(int id)
{
    Job *job = findJob(id);
    QSet<QByteArray> folders;
    for (const File &file : std::as_const(job->files)) {
        if (file.state == FileState::Queued)
            folders.insert(RemotePath::parent(file.remote));
    }
    auto pending = std::make_shared<qsizetype>(folders.size() + 1);
    const auto oneDone = [this, id, pending] {
        if (--*pending > 0)
            return;
        Job *current = findJob(id);
        current->makingDirectories = false;
        current->directoriesMade = true;
        schedule();
        jobMaybeFinished(id);
    };
    for (const QByteArray &folder : std::as_const(folders)) {
        m_sftp->list(folder, this, [this, id, folder, oneDone](const Result<QList<SftpEntry>> &entries) {
            Job *current = findJob(id);
            if (entries) { // else each file looks for itself
                current->listedFolders.insert(folder);
                for (const SftpEntry &entry : *entries)
                    current->listed.insert(RemotePath::join(folder, entry.name), entry);
            }
            oneDone();
        });
    }
    oneDone();
}

// --- running -------------------------------------------------------------------------------------

// Files in flight at once: up to options.parallelFiles, so that the round trips of small files
// (open, write, close, rename) overlap, while the bytes in flight (each file's rest, up to its
// buffer) stay within the queue's budget; a file larger than the budget runs, pipelined, when
// nothing else does.
void TransferQueue::schedule()
{
    if (!connected())
        return;
    qint64 used = 0;
    for (const qint64 bytes : std::as_const(m_bytesInFlight))
        used += bytes;
    for (const auto &pointer : m_jobs) {
        Job &job = *pointer;
        if ((job.state != JobState::Queued && job.state != JobState::Running) || !job.directoriesMade)
            continue;
        for (int index = job.scanFrom; index < job.files.size(); ++index) {
            if (job.files.at(index).state != FileState::Queued) {
                if (index == job.scanFrom)
                    ++job.scanFrom;
                continue;
            }
            if (m_running >= std::max(1, job.options.parallelFiles))
                return;
            const File &file = job.files.at(index);
            const qint64 bytes = std::min<qint64>(qint64(file.size - std::min(file.size, file.done)),
                                                  qint64(job.options.bufferSize));
            if (m_running > 0 && used + bytes > job.options.queueBytesInFlight())
                return; // in order: a large file waits for room rather than be overtaken for ever
            used += bytes;
            m_bytesInFlight.insert(quint64(job.id) << 32 | quint32(index), bytes);
            startFile(job.id, index);
        }
    }
    if (m_running > 0 && !m_progressTimer.isActive())
        m_progressTimer.start();
}

void TransferQueue::startFile(int id, int index)
{
    Job *job = findJob(id);
    changeFile(*job, index, [](File &file) {
        file.state = FileState::Running;
        file.error.clear();
        ++file.attempts;
    });
    ++m_running;
    if (job->state == JobState::Queued) {
        job->state = JobState::Running;
        Q_EMIT jobChanged(id);
    }
    checkDestination(id, index, job->options.conflict);
}

void TransferQueue::requeue(Job &job, int index)
{
    changeFile(job, index, [](File &file) {
        file.state = FileState::Queued;
        file.error.clear();
    });
    job.scanFrom = std::min(job.scanFrom, index);
}

void TransferQueue::jobMaybeFinished(int id)
{
    Job *job = findJob(id);
    if (!job || job->state == JobState::Finished || job->state == JobState::Cancelled || !job->directoriesMade
        || job->totals.filesOpen() > 0)
        return;
    job->state = JobState::Finished;
    Q_EMIT jobChanged(id);
    Q_EMIT jobFinished(id);
    if (isIdle()) {
        m_progressTimer.stop();
        Q_EMIT idle();
    }
}

// --- the person's controls -----------------------------------------------------------------------

void TransferQueue::pause(int id)
{
    Job *job = findJob(id);
    if (!job || job->state == JobState::Finished || job->state == JobState::Cancelled)
        return;
    job->state = JobState::Paused; // no new file starts, and those in flight stop
    for (File &file : job->files) {
        if (file.stop)
            file.stop->store(true);
    }
    Q_EMIT jobChanged(id);
}

void TransferQueue::resume(int id)
{
    Job *job = findJob(id);
    if (!job || job->state != JobState::Paused)
        return;
    const bool scanned = !m_localScans.contains(id) && !m_remoteScans.contains(id);
    job->state = scanned ? JobState::Queued : JobState::Scanning;
    Q_EMIT jobChanged(id);
    if (!scanned)
        return;
    makeDirectories(id);
    schedule();
    jobMaybeFinished(id);
}

void TransferQueue::cancel(int id)
{
    Job *job = findJob(id);
    if (!job || job->state == JobState::Finished || job->state == JobState::Cancelled)
        return;
    job->state = JobState::Cancelled;
    if (const auto stop = m_localScans.take(id))
        stop->store(true);
    if (RemoteTreeScan *scan = m_remoteScans.take(id))
        scan->deleteLater();
    for (int index = 0; index < job->files.size(); ++index) {
        File &file = job->files[index];
        if (file.state == FileState::Queued) {
            changeFile(*job, index, [this](File &item) {
                item.state = FileState::Skipped;
                item.error = tr("Cancelled.");
            });
        }
        if (file.stop)
            file.stop->store(true);
    }
    Q_EMIT jobChanged(id);
    Q_EMIT jobFinished(id);
}

void TransferQueue::retry(int id)
{
    Job *job = findJob(id);
    if (!job)
        return;
    const QList<int> failed = job->totals.failedFiles();
    if (failed.isEmpty())
        return;
    for (const int index : failed) {
        requeue(*job, index);
        job->files[index].attempts = 0;
    }
    job->state = JobState::Queued;
    job->directoriesMade = false;
    Q_EMIT jobChanged(id);
    makeDirectories(id);
}

void TransferQueue::onConnectionState()
{
    if (!connected()) {
        ++m_linkLosses;
        return;
    }
    QList<int> pending;
    for (const auto &job : std::as_const(m_jobs)) {
        if ((job->state == JobState::Queued || job->state == JobState::Running) && !job->directoriesMade)
            pending.append(job->id);
    }
    for (const int id : pending)
        makeDirectories(id);
    schedule();
}

// --- progress ------------------------------------------------------------------------------------

void TransferQueue::sampleRate()
{
    quint64 total = 0;
    for (const auto &job : std::as_const(m_jobs))
        total += job->transferred;
    m_rate.sample(total);
    for (const auto &job : std::as_const(m_jobs)) {
        if (job->state == JobState::Running)
            Q_EMIT jobChanged(job->id);
    }
}

TransferQueue::Progress TransferQueue::progress(int id) const
{
    Progress progress;
    const Job *job = this->job(id);
    if (!job)
        return progress;
    progress.bytesDone = job->totals.bytesDone();
    progress.bytesTotal = job->totals.bytesTotal();
    progress.filesDone = job->totals.filesDone();
    progress.filesTotal = job->totals.filesTotal();
    progress.filesFailed = job->totals.filesFailed();
    const double rate = m_rate.bytesPerSecond();
    if (job->state == JobState::Running) {
        progress.bytesPerSecond = rate;
        if (rate > 0)
            progress.remaining = std::chrono::seconds(qint64(double(progress.bytesTotal - progress.bytesDone) / rate));
    }
    return progress;
}

TransferQueue::Progress TransferQueue::overall() const
{
    Progress all;
    for (const auto &job : m_jobs) {
        all.bytesDone += job->totals.bytesDone();
        all.bytesTotal += job->totals.bytesTotal();
        all.filesDone += job->totals.filesDone();
        all.filesTotal += job->totals.filesTotal();
        all.filesFailed += job->totals.filesFailed();
    }
    all.bytesPerSecond = m_rate.bytesPerSecond();
    if (all.bytesPerSecond > 0 && !isIdle())
        all.remaining = std::chrono::seconds(qint64(double(all.bytesTotal - all.bytesDone) / all.bytesPerSecond));
    return all;
}

} // namespace app
