#include "app/transfers/TransferQueue.h"

#include "sshcore/SshCommand.h"
#include "sshcore/SshConnection.h"
#include "sshcore/sftp/SftpClient.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QThread>

#include <filesystem>
#include <system_error>

#include <cerrno>
#include <unistd.h>

using namespace std::chrono_literals;
using sshcore::Result;
using sshcore::SftpEntry;

namespace app {

Q_DECLARE_LOGGING_CATEGORY(transfersLog)
Q_LOGGING_CATEGORY(transfersLog, "clusterdesk.transfers", QtWarningMsg)

namespace {

constexpr int maxAttempts = 10; // per file, across dropped connections

QByteArray parentOf(const QByteArray &path)
{
    const qsizetype slash = path.lastIndexOf('/');
    return slash <= 0 ? QByteArray("/") : path.left(slash);
}

QByteArray baseOf(const QByteArray &path)
{
    return path.mid(path.lastIndexOf('/') + 1);
}

QByteArray joinRemote(const QByteArray &directory, const QByteArray &name)
{
    return directory.endsWith('/') ? QByteArray(directory + name) : QByteArray(directory + '/' + name);
}

quint32 modeFromPermissions(QFile::Permissions permissions)
{
    quint32 mode = 0;
    const std::pair<QFile::Permission, quint32> bits[] = {
        {QFile::ReadOwner, 0400}, {QFile::WriteOwner, 0200}, {QFile::ExeOwner, 0100},
        {QFile::ReadGroup, 0040}, {QFile::WriteGroup, 0020}, {QFile::ExeGroup, 0010},
        {QFile::ReadOther, 0004}, {QFile::WriteOther, 0002}, {QFile::ExeOther, 0001}};
    for (const auto &[permission, bit] : bits) {
        if (permissions & permission)
            mode |= bit;
    }
    return mode;
}

// "data.csv" → "data (1).csv"; "archive.tar.gz" → "archive (1).tar.gz"; ".bashrc" → ".bashrc (1)".
QString numberedName(const QString &name, int number)
{
    qsizetype dot = name.indexOf(u'.', 1);
    if (dot < 0)
        dot = name.size();
    return QStringLiteral("%1 (%2)%3").arg(name.left(dot)).arg(number).arg(name.mid(dot));
}

// A local symbolic link's target as written (relative targets stay relative).
QByteArray localLinkTarget(const QString &path)
{
    QByteArray target(4096, Qt::Uninitialized);
    const ssize_t n = ::readlink(QFile::encodeName(path).constData(), target.data(), size_t(target.size()));
    if (n < 0 || n >= target.size())
        return {};
    target.truncate(n);
    return target;
}

// An SFTP status (no such file, permission denied, disk full) or a local file problem is the answer;
// a lost connection or one that stopped answering may only be the link going down.
bool mayBeTheLink(const sshcore::Error &error)
{
    return error.is(sshcore::ErrorKind::LinkLost) || error.is(sshcore::ErrorKind::TimedOut);
}

} // namespace

TransferQueue::TransferQueue(sshcore::SshConnection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_sftp(std::make_unique<sshcore::SftpClient>(connection))
{
    m_clock.start();
    m_progressTimer.setInterval(250);
    connect(&m_progressTimer, &QTimer::timeout, this, &TransferQueue::sampleRate);
    connect(connection, &sshcore::SshConnection::stateChanged, this, &TransferQueue::onConnectionState);
}

TransferQueue::~TransferQueue() = default;

QByteArray TransferQueue::temporaryRemoteName(const QByteArray &remote)
{
    return joinRemote(parentOf(remote), '.' + baseOf(remote) + ".cdpart");
}

QString TransferQueue::temporaryLocalName(const QString &local)
{
    const QFileInfo info(local);
    return info.dir().filePath(u'.' + info.fileName() + QStringLiteral(".cdpart"));
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

int TransferQueue::upload(const QString &localPath, const QByteArray &remoteDirectory, const TransferOptions &options)
{
    Job job;
    job.id = m_nextId++;
    job.direction = Direction::Upload;
    job.source = localPath;
    job.destination = QString::fromUtf8(remoteDirectory);
    job.options = options;
    scanLocal(job, QFileInfo(localPath).absoluteFilePath(), remoteDirectory);
    m_jobs.append(std::make_shared<Job>(job));
    Q_EMIT jobAdded(job.id);
    if (job.state == JobState::Finished) {
        Q_EMIT jobFinished(job.id);
        return job.id;
    }
    makeDirectories(job.id);
    return job.id;
}

void TransferQueue::scanLocal(Job &job, const QString &localPath, const QByteArray &remoteDirectory)
{
    const QFileInfo root(localPath);
    if (!root.exists() && !root.isSymLink()) {
        job.error = tr("'%1' does not exist (any more).").arg(localPath);
        job.state = JobState::Finished;
        return;
    }
    const auto fileFor = [](const QFileInfo &info, const QByteArray &remote) {
        File file;
        file.local = info.absoluteFilePath();
        file.remote = remote;
        file.symlink = info.isSymLink();
        if (!file.symlink) {
            file.size = quint64(info.size());
            file.permissions = modeFromPermissions(info.permissions());
        }
        file.modified = info.lastModified(QTimeZone::UTC).toSecsSinceEpoch();
        return file;
    };
    const QByteArray top = joinRemote(remoteDirectory, QFile::encodeName(root.fileName()));
    if (root.isSymLink() || !root.isDir()) {
        job.files.append(fileFor(root, top));
    } else {
        job.remoteDirectories.append(top);
        // Links to folders are not followed: a tree with a loop cannot make this run forever.
        QDirIterator it(localPath, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QFileInfo info = it.nextFileInfo();
            const QByteArray remote = joinRemote(top, QFile::encodeName(QDir(localPath).relativeFilePath(info.filePath())));
            if (info.isSymLink()) {
                job.files.append(fileFor(info, remote));
            } else if (info.isDir()) {
                job.remoteDirectories.append(remote);
            } else if (info.isFile()) {
                job.files.append(fileFor(info, remote));
            } else {
                File special = fileFor(info, remote);
                special.state = FileState::Skipped;
                special.error = tr("Not a regular file (a device, socket or pipe): skipped.");
                job.files.append(special);
            }
        }
    }
    job.state = JobState::Queued;
}

int TransferQueue::download(const QByteArray &remotePath, const QString &localDirectory, const TransferOptions &options)
{
    Job job;
    job.id = m_nextId++;
    job.direction = Direction::Download;
    job.source = QString::fromUtf8(remotePath);
    job.destination = localDirectory;
    job.options = options;
    m_jobs.append(std::make_shared<Job>(job));
    Q_EMIT jobAdded(job.id);
    scanRemote(job.id, remotePath, QDir(localDirectory).absolutePath());
    return job.id;
}

void TransferQueue::scanRemote(int id, const QByteArray &remotePath, const QString &localDirectory)
{
    // Breadth first; pending counts the listings still on their way.
    auto pending = std::make_shared<int>(1);
    const auto done = [this, id, pending] {
        if (--*pending > 0)
            return;
        m_scanners.remove(id);
        Job *job = findJob(id);
        if (!job || job->state == JobState::Cancelled)
            return;
        if (job->state == JobState::Scanning)
            job->state = JobState::Queued;
        Q_EMIT jobChanged(id);
        makeDirectories(id);
    };
    const auto fileFor = [](const SftpEntry &entry, const QByteArray &remote, const QString &local) {
        File file;
        file.remote = remote;
        file.local = local;
        file.size = entry.size;
        file.modified = entry.modified;
        file.permissions = entry.permissions & 07777;
        file.symlink = entry.type == SftpEntry::Type::Symlink;
        if (file.symlink)
            file.size = 0; // the link itself is made, with its target's name; nothing is read through it
        return file;
    };
    auto listInto = std::make_shared<std::function<void(QByteArray, QString)>>();
    *listInto = [this, id, pending, done, fileFor, weakList = std::weak_ptr(listInto)](QByteArray remoteDir,
                                                                                        QString localDir) {
        m_sftp->list(remoteDir, this, [=, this](const Result<QList<SftpEntry>> &entries) {
            Job *job = findJob(id);
            if (!job)
                return;
            if (!entries) {
                File failed;
                failed.remote = remoteDir;
                failed.local = localDir;
                failed.state = FileState::Failed;
                failed.error = entries.error().message;
                job->files.append(failed);
            } else {
                for (const SftpEntry &entry : *entries) {
                    const QByteArray remote = joinRemote(remoteDir, entry.name);
                    const QString local = QDir(localDir).filePath(QFile::decodeName(entry.name));
                    if (entry.type == SftpEntry::Type::Directory) {
                        job->localDirectories.append(local);
                        ++*pending;
                        if (auto list = weakList.lock())
                            (*list)(remote, local);
                    } else if (entry.type == SftpEntry::Type::File || entry.type == SftpEntry::Type::Symlink) {
                        job->files.append(fileFor(entry, remote, local));
                    } else {
                        File special = fileFor(entry, remote, local);
                        special.state = FileState::Skipped;
                        special.error = tr("Not a regular file (a device, socket or pipe): skipped.");
                        job->files.append(special);
                    }
                }
            }
            done();
        });
    };
    m_sftp->stat(remotePath, this, [=, this](const Result<SftpEntry> &root) {
        Job *job = findJob(id);
        if (!job)
            return;
        if (!root) {
            job->error = root.error().message;
            job->state = JobState::Finished;
            Q_EMIT jobChanged(id);
            Q_EMIT jobFinished(id);
            return;
        }
        const QString local = QDir(localDirectory).filePath(QFile::decodeName(baseOf(remotePath)));
        if (root->type == SftpEntry::Type::Directory) {
            job->localDirectories.append(local);
            m_scanners.insert(id, listInto); // until the last listing is in
            (*listInto)(remotePath, local);
        } else {
            job->files.append(fileFor(*root, remotePath, local));
            done();
        }
    });
}

void TransferQueue::makeDirectories(int id)
{
    Job *job = findJob(id);
    if (!job || job->directoriesMade)
        return;
    if (job->direction == Direction::Download) {
        for (const QString &directory : std::as_const(job->localDirectories)) {
            if (!QDir().mkpath(directory)) {
                for (File &file : job->files) {
                    if (file.local.startsWith(directory + u'/') && file.state == FileState::Queued) {
                        file.state = FileState::Failed;
                        file.error = tr("Cannot create the local folder '%1'.").arg(directory);
                    }
                }
            }
        }
        job->directoriesMade = true;
        schedule();
        jobMaybeFinished(id);
        return;
    }
    // One after another (a parent before its children); each is "mkdir -p".
    auto next = std::make_shared<std::function<void(int)>>();
    *next = [this, id, weakNext = std::weak_ptr(next), keep = next](int index) mutable {
        Job *current = findJob(id);
        if (!current || current->state == JobState::Cancelled)
            return;
        if (index >= current->remoteDirectories.size()) {
            keep.reset();
            listDestinations(id);
            return;
        }
        if (!connected()) { // made again once the connection is back
            return;
        }
        const QByteArray directory = current->remoteDirectories.at(index);
        m_sftp->makePath(directory, this, [this, id, index, directory, weakNext](const Result<> &made) {
            Job *again = findJob(id);
            if (!again)
                return;
            if (!made) {
                for (File &file : again->files) {
                    if (file.remote.startsWith(QByteArray(directory + '/')) && file.state == FileState::Queued) {
                        file.state = FileState::Failed;
                        file.error = made.error().message;
                    }
                }
            }
            if (auto step = weakNext.lock())
                (*step)(index + 1);
        });
    };
    (*next)(0);
}

// What the destination folders of an upload hold, one listing each, so that each file's conflict and
// partial copy are known without a round trip of its own. Then the files start.
void TransferQueue::listDestinations(int id)
{
    Job *job = findJob(id);
    QSet<QByteArray> folders;
    for (const File &file : job->files) {
        if (file.state == FileState::Queued)
            folders.insert(parentOf(file.remote));
    }
    auto pending = std::make_shared<qsizetype>(folders.size() + 1);
    const auto oneDone = [this, id, pending] {
        if (--*pending > 0)
            return;
        if (Job *current = findJob(id)) {
            current->directoriesMade = true;
            schedule();
            jobMaybeFinished(id);
        }
    };
    for (const QByteArray &folder : std::as_const(folders)) {
        m_sftp->list(folder, this, [this, id, folder, oneDone](const Result<QList<SftpEntry>> &entries) {
            Job *current = findJob(id);
            if (current && entries) { // else each file looks for itself
                current->listedFolders.insert(folder);
                for (const SftpEntry &entry : *entries)
                    current->listed.insert(joinRemote(folder, entry.name), entry);
            }
            oneDone();
        });
    }
    oneDone();
}

// --- running -------------------------------------------------------------------------------------

// Files in flight at once: up to options.parallelFiles, so that the round trips of small files (open,
// write, close, rename) overlap, while the bytes in flight (each file's rest, up to its buffer) stay
// within the queue's budget; a file larger than the budget runs, pipelined, when nothing else does.
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
            const qint64 bytes
                = std::min<qint64>(qint64(file.size - std::min(file.size, file.done)), qint64(job.options.bufferSize));
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
    File &file = job->files[index];
    file.state = FileState::Running;
    file.error.clear();
    ++file.attempts;
    ++m_running;
    if (job->state == JobState::Queued) {
        job->state = JobState::Running;
        Q_EMIT jobChanged(id);
    }
    checkDestination(id, index, job->options.conflict);
}

void TransferQueue::checkDestination(int id, int index, TransferOptions::Conflict decision)
{
    Job *job = findJob(id);
    const File &file = job->files.at(index);
    if (job->direction == Direction::Upload) {
        if (file.attempts == 1 && !file.lookAgain && job->listedFolders.contains(parentOf(file.remote))) {
            const auto found = job->listed.constFind(file.remote);
            decideConflict(id, index, found == job->listed.constEnd() ? nullptr : &*found,
                           found == job->listed.constEnd() ? TransferOptions::Conflict::Overwrite : decision);
            return;
        }
        m_sftp->stat(file.remote, this, [this, id, index, decision](const Result<SftpEntry> &existing) {
            if (!findJob(id))
                return;
            if (existing)
                decideConflict(id, index, &*existing, decision);
            else if (existing.error().is(sshcore::ErrorKind::NotFound))
                decideConflict(id, index, nullptr, TransferOptions::Conflict::Overwrite);
            else
                finishFile(id, index, sshcore::failure(existing.error()));
        });
        return;
    }
    const QFileInfo local(file.local);
    if (local.exists() || local.isSymLink()) {
        SftpEntry existing;
        existing.size = quint64(local.size());
        existing.modified = local.lastModified(QTimeZone::UTC).toSecsSinceEpoch();
        decideConflict(id, index, &existing, decision);
    } else {
        decideConflict(id, index, nullptr, TransferOptions::Conflict::Overwrite);
    }
}

void TransferQueue::decideConflict(int id, int index, const SftpEntry *existing, TransferOptions::Conflict decision)
{
    using Conflict = TransferOptions::Conflict;
    Job *job = findJob(id);
    File &file = job->files[index];
    qCDebug(transfersLog) << "decide" << file.local << (existing != nullptr) << int(decision);
    if (existing && decision == Conflict::Ask && m_rememberedConflict)
        decision = *m_rememberedConflict;
    if (!existing)
        decision = Conflict::Overwrite;
    switch (decision) {
    case Conflict::Ask: {
        ConflictQuestion question;
        question.job = id;
        question.file = index;
        question.name = job->direction == Direction::Upload ? QString::fromUtf8(file.remote) : file.local;
        question.existingSize = existing->size;
        question.existingModified = existing->modified;
        question.newSize = file.size;
        question.newModified = file.modified;
        Q_EMIT conflict(question); // resolveConflict() carries on
        return;
    }
    case Conflict::Skip:
        file.state = FileState::Skipped;
        file.error = tr("Skipped: it exists at the destination.");
        finishFile(id, index, {});
        return;
    case Conflict::OnlyIfNewer:
        if (existing->modified >= file.modified) {
            file.state = FileState::Skipped;
            file.error = tr("Skipped: the destination is as new or newer.");
            finishFile(id, index, {});
            return;
        }
        break;
    case Conflict::KeepBoth: {
        // The first free "name (n)" beside it.
        const auto tryNumber = std::make_shared<std::function<void(int)>>();
        *tryNumber = [this, id, index, weak = std::weak_ptr(tryNumber), keep = tryNumber](int number) mutable {
            Job *current = findJob(id);
            File &item = current->files[index];
            if (current->direction == Direction::Download) {
                const QFileInfo info(item.local);
                const QString candidate = info.dir().filePath(numberedName(info.fileName(), number));
                if (QFileInfo::exists(candidate)) {
                    (*weak.lock())(number + 1);
                    return;
                }
                item.local = candidate;
                keep.reset();
                decideConflict(id, index, nullptr, TransferOptions::Conflict::Overwrite);
                return;
            }
            const QByteArray candidate = joinRemote(
                parentOf(item.remote), numberedName(QString::fromUtf8(baseOf(item.remote)), number).toUtf8());
            m_sftp->stat(candidate, this, [this, id, index, number, candidate, weak](const Result<SftpEntry> &taken) {
                Job *again = findJob(id);
                if (!again)
                    return;
                if (taken && number < 1000) {
                    if (auto next = weak.lock())
                        (*next)(number + 1);
                    return;
                }
                again->files[index].remote = candidate;
                decideConflict(id, index, nullptr, TransferOptions::Conflict::Overwrite);
            });
        };
        (*tryNumber)(1);
        return;
    }
    case Conflict::Resume:
        if (!file.symlink && existing->size <= file.size) {
            if (existing->size == file.size) {
                file.state = FileState::Skipped;
                file.error = tr("Skipped: it is already complete at the destination.");
                file.done = file.size;
                finishFile(id, index, {});
                return;
            }
            // The existing file becomes our partial one, continued from its length.
            const quint64 offset = existing->size;
            if (job->direction == Direction::Download) {
                std::error_code error;
                std::filesystem::rename(QFile::encodeName(file.local).toStdString(),
                                        QFile::encodeName(temporaryLocalName(file.local)).toStdString(), error);
                sendFile(id, index, error ? 0 : offset);
                return;
            }
            m_sftp->rename(file.remote, temporaryRemoteName(file.remote), this,
                           [this, id, index, offset](const Result<> &renamed) {
                               if (findJob(id))
                                   sendFile(id, index, renamed ? offset : 0);
                           });
            return;
        }
        break; // bigger than the source: not a partial copy of it
    case Conflict::Overwrite:
        break;
    }

    if (file.symlink) {
        copyLink(id, index, existing);
        return;
    }
    // Write under the temporary name, continuing a partial one this queue (or an earlier run) left.
    if (job->direction == Direction::Download) {
        const QFileInfo partial(temporaryLocalName(file.local));
        const quint64 offset = partial.exists() && quint64(partial.size()) <= file.size ? quint64(partial.size()) : 0;
        sendFile(id, index, offset);
        return;
    }
    if (file.attempts == 1 && !file.lookAgain && job->listedFolders.contains(parentOf(file.remote))) {
        const auto partial = job->listed.constFind(temporaryRemoteName(file.remote));
        sendFile(id, index, resumeOffset(file, partial == job->listed.constEnd() ? nullptr : &*partial));
        return;
    }
    m_sftp->stat(temporaryRemoteName(file.remote), this, [this, id, index](const Result<SftpEntry> &partial) {
        Job *current = findJob(id);
        if (!current)
            return;
        sendFile(id, index, resumeOffset(current->files.at(index), partial ? &*partial : nullptr));
    });
}

// Where an upload continues its remote partial copy: at its length, unless that copy was written over
// several channels and stopped without being cut back (its mode says so): then only this queue knows
// how much of it is complete, and a copy from an earlier run starts again from zero.
quint64 TransferQueue::resumeOffset(const File &file, const SftpEntry *partial)
{
    if (!partial || partial->type != SftpEntry::Type::File || partial->size > file.size)
        return 0;
    if ((partial->permissions & 07777) != sshcore::SftpTransferOptions::UnorderedPartialMode)
        return partial->size;
    return file.attempts > 1 ? std::min(partial->size, file.done) : 0;
}

// A symbolic link is made again on the other side with the same target, never followed; what is in
// its way (a file or another link, never a folder) is replaced, as the conflict rule decided.
void TransferQueue::copyLink(int id, int index, const SftpEntry *existing)
{
    Job *job = findJob(id);
    const File &file = job->files.at(index);
    const bool replace = existing != nullptr;
    const auto fail = [this, id, index](const sshcore::Error &why) { finishFile(id, index, sshcore::failure(why)); };
    if (job->direction == Direction::Upload) {
        const QByteArray target = localLinkTarget(file.local);
        if (target.isEmpty()) {
            fail({sshcore::ErrorKind::NotFound, tr("Cannot read the link '%1' (it vanished?).").arg(file.local)});
            return;
        }
        if (replace && existing->type == SftpEntry::Type::Directory) {
            fail({sshcore::ErrorKind::Refused,
                  tr("A folder named '%1' is in the way of the link.").arg(QString::fromUtf8(file.remote))});
            return;
        }
        const auto make = [this, id, index, target] {
            if (Job *current = findJob(id))
                m_sftp->makeLink(target, current->files.at(index).remote, this,
                                 [this, id, index](const Result<> &made) { finishFile(id, index, made); });
        };
        if (!replace) {
            make();
            return;
        }
        m_sftp->remove(file.remote, false, this, [make, fail](const Result<> &removed) {
            if (removed)
                make();
            else
                fail(removed.error());
        });
        return;
    }
    m_sftp->readLink(file.remote, this, [this, id, index, fail](const Result<QByteArray> &target) {
        Job *current = findJob(id);
        if (!current)
            return;
        if (!target) {
            fail(target.error());
            return;
        }
        const QString local = current->files.at(index).local;
        const QFileInfo info(local);
        const QByteArray name = QFile::encodeName(local);
        if (info.isDir() && !info.isSymLink()) {
            fail({sshcore::ErrorKind::Refused, tr("A folder named '%1' is in the way of the link.").arg(local)});
            return;
        }
        if ((info.exists() || info.isSymLink()) && ::unlink(name.constData()) != 0) {
            const int error = errno;
            fail({sshcore::errnoKind(error), tr("Cannot replace '%1': %2.").arg(local, qt_error_string(error))});
            return;
        }
        if (::symlink(target->constData(), name.constData()) != 0) {
            const int error = errno;
            fail({sshcore::errnoKind(error), tr("Cannot create the link '%1': %2.").arg(local, qt_error_string(error))});
            return;
        }
        finishFile(id, index, {});
    });
}

void TransferQueue::resolveConflict(int id, int index, TransferOptions::Conflict decision, bool rememberForQueue)
{
    Job *job = findJob(id);
    if (!job || index < 0 || index >= job->files.size() || job->files.at(index).state != FileState::Running)
        return;
    if (rememberForQueue && decision != TransferOptions::Conflict::Ask)
        m_rememberedConflict = decision;
    job->files[index].lookAgain = true; // not from the listing: it may have changed while the person decided
    checkDestination(id, index, decision); // the destination may have changed while the person decided
}

// Streams the file to its temporary name from offset (what is there already), then places it.
void TransferQueue::sendFile(int id, int index, quint64 offset)
{
    Job *job = findJob(id);
    File &file = job->files[index];
    qCDebug(transfersLog) << "send" << file.local << "from" << offset;
    file.done = offset;
    sshcore::SftpTransferOptions options;
    options.offset = offset;
    options.bufferSize = job->options.bufferSize;
    file.stop = std::make_shared<std::atomic_bool>(false);
    options.stop = file.stop;
    // Set on the open file, before it is closed.
    if (job->options.preserveTimes)
        options.modified = file.modified;
    if (job->options.preservePermissions)
        options.permissions = file.permissions;
    // Without a check of both ends, the rename into place is the transfer's own last step (one trip
    // to the connection's thread and back per file).
    const bool placedThere = !job->options.verify;
    if (placedThere)
        options.placeAs = job->direction == Direction::Upload ? file.remote : QFile::encodeName(file.local);
    auto progress = [this, id, index, offset](quint64 bytes, quint64) {
        if (Job *current = findJob(id)) {
            File &item = current->files[index];
            current->transferred += bytes - std::max(item.done, offset);
            item.transferred = bytes - offset;
            item.done = bytes;
        }
    };
    auto done = [this, id, index, placedThere, progress](const Result<quint64> &sent) {
        if (!sent) {
            finishFile(id, index, sshcore::failure(sent.error()));
            return;
        }
        progress(*sent, 0); // the last count comes with the result
        if (placedThere)
            finishFile(id, index, {});
        else
            verifyAndPlace(id, index);
    };
    if (job->direction == Direction::Upload)
        m_sftp->upload(file.local, temporaryRemoteName(file.remote), options, this, std::move(done), std::move(progress));
    else
        m_sftp->download(file.remote, temporaryLocalName(file.local), options, this, std::move(done), std::move(progress));
}

void TransferQueue::verifyAndPlace(int id, int index)
{
    Job *job = findJob(id);
    if (!job)
        return;
    const File &file = job->files.at(index);
    qCDebug(transfersLog) << "verify" << file.local;

    // Last: the rename that makes it appear under its name, complete.
    const auto rename = [this, id, index] {
        Job *current = findJob(id);
        const File &item = current->files.at(index);
        if (current->direction == Direction::Upload) {
            m_sftp->rename(temporaryRemoteName(item.remote), item.remote, this,
                           [this, id, index](const Result<> &renamed) { finishFile(id, index, renamed); });
            return;
        }
        std::error_code error;
        std::filesystem::rename(QFile::encodeName(temporaryLocalName(item.local)).toStdString(),
                                QFile::encodeName(item.local).toStdString(), error);
        finishFile(id, index, error ? sshcore::failure(tr("Cannot rename '%1' into place: %2.")
                                                            .arg(item.local, QString::fromStdString(error.message())))
                                    : Result<>());
    };
    const bool upload = job->direction == Direction::Upload;
    const QString localFile = upload ? file.local : temporaryLocalName(file.local);
    const QByteArray remoteFile = upload ? temporaryRemoteName(file.remote) : file.remote;
    // Both ends at once: the remote sha256sum and the local hash on a thread of its own.
    struct Hashes
    {
        QByteArray local;
        QByteArray remote;
        QString error;
        int pending = 2;
    };
    auto hashes = std::make_shared<Hashes>();
    const auto compare = [this, id, index, hashes, rename] {
        if (--hashes->pending > 0)
            return;
        if (!hashes->error.isEmpty())
            finishFile(id, index, sshcore::failure(hashes->error));
        else if (hashes->local != hashes->remote)
            finishFile(id, index, sshcore::failure(tr("The copy differs from the original (SHA-256 %1 here, %2 "
                                                      "on the cluster); it was not put in place.")
                                                       .arg(QString::fromLatin1(hashes->local),
                                                            QString::fromLatin1(hashes->remote))));
        else
            rename();
    };
    sshcore::SshCommand *command = m_connection->run({"sha256sum", "--", remoteFile}, {}, this);
    connect(command, &sshcore::SshCommand::finished, this, [command, hashes, compare] {
        command->deleteLater();
        const auto &result = command->result();
        if (!result)
            hashes->error = result.error().message;
        else if (result->exitStatus != 0)
            hashes->error = tr("sha256sum on the cluster failed: %1").arg(QString::fromUtf8(result->standardError).trimmed());
        else
            hashes->remote = result->standardOutput.left(64);
        compare();
    });
    QThread *thread = QThread::create([localFile, hashes] {
        QFile input(localFile);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        if (input.open(QIODevice::ReadOnly) && hash.addData(&input))
            hashes->local = hash.result().toHex();
    });
    connect(thread, &QThread::finished, this, [thread, hashes, compare, localFile] {
        thread->deleteLater();
        if (hashes->local.isEmpty() && hashes->error.isEmpty())
            hashes->error = tr("Cannot read '%1' to check it.").arg(localFile);
        compare();
    });
    thread->start();
}

void TransferQueue::finishFile(int id, int index, const Result<> &result)
{
    qCDebug(transfersLog) << "finish" << id << index << (result ? QString() : result.error().message);
    --m_running;
    m_bytesInFlight.remove(quint64(id) << 32 | quint32(index));
    Job *job = findJob(id);
    if (!job)
        return;
    File &file = job->files[index];
    if (file.state == FileState::Running && file.stop && file.stop->load() && !result) {
        // Stopped on purpose: paused (continued later from its partial copy) or cancelled.
        file.stop.reset();
        if (job->state == JobState::Paused) {
            requeue(*job, index);
        } else {
            file.state = FileState::Skipped;
            file.error = tr("Cancelled.");
            if (job->direction == Direction::Upload)
                m_sftp->remove(temporaryRemoteName(file.remote), false, this, [](const Result<> &) {});
            else
                QFile::remove(temporaryLocalName(file.local));
        }
        Q_EMIT jobChanged(id);
        jobMaybeFinished(id);
        schedule();
        return;
    }
    file.stop.reset();
    if (file.state == FileState::Running) {
        if (result) {
            file.state = FileState::Done;
            file.done = file.size;
        } else if (file.attempts < maxAttempts && job->state != JobState::Cancelled && mayBeTheLink(result.error())) {
            // Was it the link? The operation may hear of a broken link before the connection says so:
            // wait a moment, then resume once it is back, or report the error if the link stayed up.
            file.error = result.error().message; // still Running, in its slot, while we wait
            ++m_running;
            const quint64 generation = m_linkLosses;
            QTimer::singleShot(std::chrono::milliseconds(1500), this, [this, id, index, generation] {
                --m_running;
                Job *current = findJob(id);
                if (!current)
                    return;
                File &item = current->files[index];
                if (generation == m_linkLosses && connected()) {
                    item.state = FileState::Failed;
                } else {
                    qCDebug(transfersLog) << "link lost: will resume" << item.local;
                    requeue(*current, index);
                }
                Q_EMIT jobChanged(id);
                jobMaybeFinished(id);
                schedule();
            });
            return;
        } else if (job->direction == Direction::Upload && result.error().is(sshcore::ErrorKind::NoSpace)) {
            // A partial copy would only keep the disk full: remove it (in its slot), then report.
            file.error = result.error().message;
            ++m_running;
            m_sftp->remove(temporaryRemoteName(file.remote), false, this, [this, id, index](const Result<> &removed) {
                --m_running;
                Job *current = findJob(id);
                if (!current)
                    return;
                File &item = current->files[index];
                item.state = FileState::Failed;
                if (removed)
                    item.error += tr(" The partial copy was removed to give the space back.");
                Q_EMIT jobChanged(id);
                jobMaybeFinished(id);
                schedule();
            });
            return;
        } else {
            file.state = FileState::Failed;
            file.error = result.error().message;
        }
    }
    Q_EMIT jobChanged(id);
    jobMaybeFinished(id);
    schedule();
}

void TransferQueue::requeue(Job &job, int index)
{
    File &file = job.files[index];
    file.state = FileState::Queued;
    file.error.clear();
    job.scanFrom = std::min(job.scanFrom, index);
}

void TransferQueue::jobMaybeFinished(int id)
{
    Job *job = findJob(id);
    if (!job || job->state == JobState::Finished || job->state == JobState::Cancelled || !job->directoriesMade)
        return;
    const bool open = std::ranges::any_of(job->files, [](const File &file) {
        return file.state == FileState::Queued || file.state == FileState::Running;
    });
    if (open)
        return;
    job->state = JobState::Finished;
    Q_EMIT jobChanged(id);
    Q_EMIT jobFinished(id);
    if (isIdle()) {
        m_progressTimer.stop();
        Q_EMIT idle();
    }
}

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
    job->state = JobState::Queued;
    Q_EMIT jobChanged(id);
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
    for (File &file : job->files) {
        if (file.state == FileState::Queued) {
            file.state = FileState::Skipped;
            file.error = tr("Cancelled.");
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
    bool any = false;
    for (int index = 0; index < job->files.size(); ++index) {
        if (job->files.at(index).state == FileState::Failed) {
            requeue(*job, index);
            job->files[index].attempts = 0;
            any = true;
        }
    }
    if (!any)
        return;
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
    const qint64 now = m_clock.elapsed();
    m_samples.append({now, total});
    while (m_samples.size() > 2 && now - m_samples.first().at > 5000)
        m_samples.removeFirst();
    const Sample &first = m_samples.first();
    m_rate = now > first.at ? double(total - first.bytes) * 1000.0 / double(now - first.at) : 0;
    for (const int id : jobIds()) {
        if (const Job *job = this->job(id); job && job->state == JobState::Running)
            Q_EMIT jobChanged(id);
    }
}

TransferQueue::Progress TransferQueue::progress(int id) const
{
    Progress progress;
    const Job *job = this->job(id);
    if (!job)
        return progress;
    for (const File &file : job->files) {
        progress.bytesTotal += file.size;
        ++progress.filesTotal;
        switch (file.state) {
        case FileState::Done:
        case FileState::Skipped:
            progress.bytesDone += file.size;
            ++progress.filesDone;
            break;
        case FileState::Failed:
            ++progress.filesFailed;
            break;
        case FileState::Running:
        case FileState::Queued:
            progress.bytesDone += file.done;
            break;
        }
    }
    if (job->state == JobState::Running) {
        progress.bytesPerSecond = m_rate;
        if (m_rate > 0)
            progress.remaining = std::chrono::seconds(qint64(double(progress.bytesTotal - progress.bytesDone) / m_rate));
    }
    return progress;
}

TransferQueue::Progress TransferQueue::overall() const
{
    Progress all;
    for (const auto &job : m_jobs) {
        const Progress one = progress(job->id);
        all.bytesDone += one.bytesDone;
        all.bytesTotal += one.bytesTotal;
        all.filesDone += one.filesDone;
        all.filesTotal += one.filesTotal;
        all.filesFailed += one.filesFailed;
    }
    all.bytesPerSecond = m_rate;
    if (m_rate > 0 && !isIdle())
        all.remaining = std::chrono::seconds(qint64(double(all.bytesTotal - all.bytesDone) / m_rate));
    return all;
}

} // namespace app
