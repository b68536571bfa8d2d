// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// TransferQueue, continued: one file's way through the queue, from the look at its destination
// (conflict, partial copy) through sending, checking and the rename into place, to how it ended
// (done, failed, stopped, or waiting for the link to come back). The queue's jobs, scans and
// scheduling are in TransferQueue.cpp.

#include "app/transfers/ExtraSessions.h"
#include "app/transfers/LinkCopy.h"
#include "app/transfers/Sha256Verifier.h"
#include "app/transfers/SplitTransfer.h"
#include "app/transfers/TransferQueue.h"
#include "sshcore/RemotePath.h"
#include "sshcore/SshConnection.h"
#include "sshcore/sftp/SftpClient.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTimeZone>

#include <filesystem>
#include <sys/stat.h>
#include <system_error>

using namespace std::chrono_literals;
using sshcore::Result;
using sshcore::SftpEntry;
namespace RemotePath = sshcore::RemotePath;

namespace app {

Q_DECLARE_LOGGING_CATEGORY(transfersLog)

namespace {

constexpr int maxAttempts = 10; // per file, across dropped connections
// Less than this left of a big file is not worth splitting (sessions to open, parts to start).
constexpr quint64 splitAtLeast = quint64(32) << 20;

// A local partial file as the server would describe it: its length and mode (which may mark it as
// written in parts, see SplitTransfer).
std::optional<SftpEntry> localPartial(const QString &path)
{
    struct stat info = {};
    if (::lstat(QFile::encodeName(path).constData(), &info) != 0 || !S_ISREG(info.st_mode))
        return std::nullopt;
    SftpEntry entry;
    entry.type = SftpEntry::Type::File;
    entry.size = quint64(info.st_size);
    entry.permissions = quint32(info.st_mode & 07777);
    return entry;
}

// An SFTP status (no such file, permission denied, disk full) or a local file problem is the answer;
// a lost connection or one that stopped answering may only be the link going down.
bool mayBeTheLink(const sshcore::Error &error)
{
    return error.is(sshcore::ErrorKind::LinkLost) || error.is(sshcore::ErrorKind::TimedOut);
}

} // namespace

void TransferQueue::checkDestination(int id, int index, TransferOptions::Conflict decision)
{
    Job *job = findJob(id);
    const File &file = job->files.at(index);
    if (job->direction == Direction::Upload) {
        if (file.attempts == 1 && !file.lookAgain && job->listedFolders.contains(RemotePath::parent(file.remote))) {
            const auto found = job->listed.constFind(file.remote);
            decideConflict(id, index, found == job->listed.constEnd() ? nullptr : &*found, decision);
            return;
        }
        m_sftp->stat(file.remote, this, [this, id, index, decision](const Result<SftpEntry> &existing) {
            if (existing)
                decideConflict(id, index, &*existing, decision);
            else if (existing.error().is(sshcore::ErrorKind::NotFound))
                decideConflict(id, index, nullptr, decision);
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
        decideConflict(id, index, nullptr, decision);
    }
}

void TransferQueue::resolveConflict(int id, int index, TransferOptions::Conflict decision, bool rememberForQueue)
{
    Job *job = findJob(id);
    if (!job || index < 0 || index >= job->files.size() || job->files.at(index).state != FileState::Running)
        return;
    if (rememberForQueue && decision != TransferOptions::Conflict::Ask)
        m_conflicts.remember(decision);
    // Not from the listing: it may have changed while the person decided.
    job->files[index].lookAgain = true;
    checkDestination(id, index, decision);
}

void TransferQueue::decideConflict(int id, int index, const SftpEntry *existing, TransferOptions::Conflict decision)
{
    Job *job = findJob(id);
    const File &file = job->files.at(index);
    const ConflictPolicy::Outcome outcome = m_conflicts.decide(decision, existing, file);
    qCDebug(transfersLog) << "decide" << file.local << (existing != nullptr) << int(outcome.action);
    switch (outcome.action) {
    case ConflictPolicy::Action::Ask: {
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
    case ConflictPolicy::Action::Skip:
        changeFile(*job, index, [&](File &item) {
            item.state = FileState::Skipped;
            item.error = outcome.reason;
            if (outcome.complete)
                item.done = item.size;
        });
        finishFile(id, index, {});
        return;
    case ConflictPolicy::Action::KeepBoth: keepBoth(id, index); return;
    case ConflictPolicy::Action::Resume: resumeExisting(id, index, outcome.resumeFrom); return;
    case ConflictPolicy::Action::Write: break;
    }
    if (!file.symlink) {
        writeFile(id, index);
        return;
    }
    const auto done = [this, id, index](const Result<> &made) { finishFile(id, index, made); };
    if (job->direction == Direction::Upload)
        LinkCopy::upload(m_sftp.get(), file.local, file.remote, existing, this, done);
    else
        LinkCopy::download(m_sftp.get(), file.remote, file.local, this, done);
}

// Under the first free "name (n)" beside it.
void TransferQueue::keepBoth(int id, int index)
{
    Job *job = findJob(id);
    File &file = job->files[index];
    if (job->direction == Direction::Download) {
        file.local = ConflictPolicy::freeLocalName(file.local);
        decideConflict(id, index, nullptr, TransferOptions::Conflict::Overwrite);
        return;
    }
    ConflictPolicy::findFreeRemoteName(m_sftp.get(), file.remote, this, [this, id, index](const QByteArray &free) {
        findJob(id)->files[index].remote = free;
        decideConflict(id, index, nullptr, TransferOptions::Conflict::Overwrite);
    });
}

// The existing destination becomes our partial copy, continued from its length.
void TransferQueue::resumeExisting(int id, int index, quint64 offset)
{
    Job *job = findJob(id);
    const File &file = job->files.at(index);
    if (job->direction == Direction::Download) {
        std::error_code error;
        std::filesystem::rename(QFile::encodeName(file.local).toStdString(),
                                QFile::encodeName(temporaryLocalName(file.local)).toStdString(), error);
        sendFile(id, index, error ? 0 : offset);
        return;
    }
    m_sftp->rename(file.remote, temporaryRemoteName(file.remote), this,
                   [this, id, index, offset](const Result<> &renamed) { sendFile(id, index, renamed ? offset : 0); });
}

// Under the temporary name, continuing a partial one this queue (or an earlier run) left.
void TransferQueue::writeFile(int id, int index)
{
    Job *job = findJob(id);
    const File &file = job->files.at(index);
    if (job->direction == Direction::Download) {
        const QString temporary = temporaryLocalName(file.local);
        const std::optional<SftpEntry> partial = localPartial(temporary);
        if (partial && partial->permissions == sshcore::SftpTransferOptions::UnorderedLocalMode)
            QFile::setPermissions(temporary, QFile::ReadOwner | QFile::WriteOwner); // its count is taken below
        sendFile(id, index, ConflictPolicy::resumeOffset(file, partial ? &*partial : nullptr));
        return;
    }
    const QByteArray temporary = temporaryRemoteName(file.remote);
    if (file.attempts == 1 && !file.lookAgain && job->listedFolders.contains(RemotePath::parent(file.remote))) {
        const auto partial = job->listed.constFind(temporary);
        sendFile(id, index,
                 ConflictPolicy::resumeOffset(file, partial == job->listed.constEnd() ? nullptr : &*partial));
        return;
    }
    m_sftp->stat(temporary, this, [this, id, index](const Result<SftpEntry> &partial) {
        sendFile(id, index, ConflictPolicy::resumeOffset(findJob(id)->files.at(index), partial ? &*partial : nullptr));
    });
}

// Streams the file to its temporary name from offset (what is there already), then places it.
void TransferQueue::sendFile(int id, int index, quint64 offset)
{
    Job *job = findJob(id);
    auto stop = std::make_shared<std::atomic_bool>(false);
    changeFile(*job, index, [&](File &item) {
        item.done = offset;
        item.stop = stop;
    });
    const File &file = job->files.at(index);
    qCDebug(transfersLog) << "send" << file.local << "from" << offset;
    sshcore::SftpTransferOptions options;
    options.offset = offset;
    options.bufferSize = job->options.bufferSize;
    options.stop = stop;
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
        Job *current = findJob(id);
        changeFile(*current, index, [&](File &item) {
            current->transferred += bytes - std::max(item.done, offset);
            item.transferred = bytes - offset;
            item.done = bytes;
        });
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
    if (sendSplit(id, index, offset, options, done, progress))
        return;
    if (job->direction == Direction::Upload)
        m_sftp->upload(file.local, temporaryRemoteName(file.remote), options, this, std::move(done),
                       std::move(progress));
    else
        m_sftp->download(file.remote, temporaryLocalName(file.local), options, this, std::move(done),
                         std::move(progress));
}

// A big file, when the login needs no person: in parts over the connection and the extra sessions.
bool TransferQueue::sendSplit(int id, int index, quint64 offset, const sshcore::SftpTransferOptions &options,
                              std::function<void(const Result<quint64> &)> done,
                              std::function<void(quint64, quint64)> progress)
{
    const Job *job = findJob(id);
    const File &file = job->files.at(index);
    if (m_extraSessions->maximum() <= 0 || file.size < m_splitFrom || file.size - offset < splitAtLeast || !m_connection
        || !m_connection->loginNeedsNoPerson())
        return false;
    const bool upload = job->direction == Direction::Upload;
    SplitTransfer::Plan plan;
    plan.upload = upload;
    plan.localFile = upload ? file.local : temporaryLocalName(file.local);
    plan.remoteFile = upload ? temporaryRemoteName(file.remote) : file.remote;
    plan.offset = offset;
    plan.size = file.size;
    plan.bufferSize = options.bufferSize;
    plan.stop = options.stop;
    plan.modified = options.modified;
    plan.permissions = options.permissions;
    plan.placeAs = options.placeAs;
    qCDebug(transfersLog) << "send in parts" << file.local << "from" << offset;
    m_splitSince.insert(quint64(id) << 32 | quint32(index), m_linkLosses);
    auto *split = new SplitTransfer(m_sftp.get(), m_extraSessions.get(), plan, this);
    split->start(
        [this, split, done = std::move(done)](const Result<quint64> &result) {
            m_partsOnExtraSessions += split->partsOnExtraSessions();
            split->deleteLater();
            done(result);
        },
        std::move(progress));
    return true;
}

void TransferQueue::verifyAndPlace(int id, int index)
{
    const Job *job = findJob(id);
    const File &file = job->files.at(index);
    qCDebug(transfersLog) << "verify" << file.local;
    const bool upload = job->direction == Direction::Upload;
    m_verifier->compare(upload ? file.local : temporaryLocalName(file.local),
                        upload ? temporaryRemoteName(file.remote) : file.remote, this,
                        [this, id, index](const Result<> &same) {
                            if (same)
                                place(id, index);
                            else
                                finishFile(id, index, same);
                        });
}

// Last: the rename that makes it appear under its name, complete.
void TransferQueue::place(int id, int index)
{
    const Job *job = findJob(id);
    const File &file = job->files.at(index);
    if (job->direction == Direction::Upload) {
        m_sftp->rename(temporaryRemoteName(file.remote), file.remote, this,
                       [this, id, index](const Result<> &renamed) { finishFile(id, index, renamed); });
        return;
    }
    std::error_code error;
    std::filesystem::rename(QFile::encodeName(temporaryLocalName(file.local)).toStdString(),
                            QFile::encodeName(file.local).toStdString(), error);
    finishFile(id, index,
               error ? sshcore::failure(sshcore::errnoKind(error.value()),
                                        tr("Cannot rename '%1' into place: %2.")
                                            .arg(file.local, QString::fromStdString(error.message())))
                     : Result<>());
}

void TransferQueue::finishFile(int id, int index, const Result<> &result)
{
    qCDebug(transfersLog) << "finish" << id << index << (result ? QString() : result.error().message);
    --m_running;
    m_bytesInFlight.remove(quint64(id) << 32 | quint32(index));
    const auto since = m_splitSince.find(quint64(id) << 32 | quint32(index));
    std::optional<quint64> splitSince;
    if (since != m_splitSince.end()) {
        splitSince = *since;
        m_splitSince.erase(since);
    }
    Job *job = findJob(id);
    const File &file = job->files.at(index);
    if (file.state == FileState::Running && file.stop && file.stop->load() && !result) {
        stopped(*job, index); // on purpose: paused or cancelled
        return;
    }
    job->files[index].stop.reset();
    if (file.state == FileState::Running) {
        if (result) {
            changeFile(*job, index, [](File &item) {
                item.state = FileState::Done;
                item.done = item.size;
            });
        } else if (file.attempts < maxAttempts && job->state != JobState::Cancelled && mayBeTheLink(result.error())) {
            maybeTheLink(id, index, result.error().message, splitSince);
            return;
        } else if (job->direction == Direction::Upload && result.error().is(sshcore::ErrorKind::NoSpace)) {
            diskFull(id, index, result.error().message);
            return;
        } else {
            changeFile(*job, index, [&](File &item) {
                item.state = FileState::Failed;
                item.error = result.error().message;
            });
        }
    }
    Q_EMIT jobChanged(id);
    jobMaybeFinished(id);
    schedule();
}

// Paused: continued later from its partial copy. Cancelled: its partial copy goes.
void TransferQueue::stopped(Job &job, int index)
{
    File &file = job.files[index];
    file.stop.reset();
    if (job.state == JobState::Paused) {
        requeue(job, index);
    } else {
        changeFile(job, index, [this](File &item) {
            item.state = FileState::Skipped;
            item.error = tr("Cancelled.");
        });
        if (job.direction == Direction::Upload)
            m_sftp->remove(temporaryRemoteName(file.remote), false, this, [](const Result<> &) {});
        else
            QFile::remove(temporaryLocalName(file.local));
    }
    Q_EMIT jobChanged(job.id);
    jobMaybeFinished(job.id);
    schedule();
}

// Was it the link? The operation may hear of a broken link before the connection says so: wait a
// moment, then resume once it is back, or report the error if the link stayed up.
void TransferQueue::maybeTheLink(int id, int index, const QString &error, std::optional<quint64> since)
{
    findJob(id)->files[index].error = error; // still Running, in its slot, while we wait
    ++m_running;
    const quint64 generation = since.value_or(m_linkLosses);
    QTimer::singleShot(1500ms, this, [this, id, index, generation] {
        --m_running;
        Job *current = findJob(id);
        if (generation == m_linkLosses && connected()) {
            changeFile(*current, index, [](File &item) { item.state = FileState::Failed; });
        } else {
            qCDebug(transfersLog) << "link lost: will resume" << current->files.at(index).local;
            requeue(*current, index);
        }
        Q_EMIT jobChanged(id);
        jobMaybeFinished(id);
        schedule();
    });
}

// A partial copy would only keep the disk full: remove it (in its slot), then report.
void TransferQueue::diskFull(int id, int index, const QString &error)
{
    Job *job = findJob(id);
    job->files[index].error = error;
    ++m_running;
    m_sftp->remove(temporaryRemoteName(job->files.at(index).remote), false, this,
                   [this, id, index](const Result<> &removed) {
                       --m_running;
                       changeFile(*findJob(id), index, [&](File &item) {
                           item.state = FileState::Failed;
                           if (removed)
                               item.error = tr("%1 The partial copy was removed to give the space back.")
                                                .arg(item.error);
                       });
                       Q_EMIT jobChanged(id);
                       jobMaybeFinished(id);
                       schedule();
                   });
}

} // namespace app
