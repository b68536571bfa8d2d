// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/transfers/ConflictPolicy.h"
#include "app/transfers/TransferFile.h"
#include "app/transfers/TransferRate.h"
#include "app/transfers/TransferTotals.h"
#include "sshcore/Result.h"
#include "sshcore/sftp/SftpEntry.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace sshcore {
class SftpClient;
class SshConnection;
struct SftpTransferOptions;
} // namespace sshcore

namespace app {

class ExtraSessions;
class RemoteTreeScan;
class Sha256Verifier;

// Upload and download jobs over one cluster's SFTP channel, for single files and whole trees. Each
// file is written under a temporary name beside its destination (".NAME.cdpart", see PartialName)
// and renamed into place only when complete, with its time and mode set; a partial file left by a
// dropped connection is resumed from its length once the connection is back. Symbolic links are
// never followed: each is made again on the other side with the same target. One failed file does
// not stop the others; the failures are kept with their reasons. Around it: the scans
// (LocalTreeScan on a worker, RemoteTreeScan), ConflictPolicy, LinkCopy, Sha256Verifier, and
// TransferTotals and TransferRate for the figures. The window's thread never walks a tree, makes
// local folders or hashes a file.
class TransferQueue : public QObject
{
    Q_OBJECT

public:
    enum class Direction { Upload, Download };
    enum class JobState { Scanning, Queued, Running, Paused, Finished, Cancelled };
    using FileState = TransferFileState;
    using File = TransferFile;

    struct Progress
    {
        quint64 bytesDone = 0;
        quint64 bytesTotal = 0;
        int filesDone = 0; // done or skipped
        int filesTotal = 0;
        int filesFailed = 0;
        double bytesPerSecond = 0;
        std::optional<std::chrono::seconds> remaining;
    };

    struct Job
    {
        int id = 0;
        Direction direction = Direction::Upload;
        QString source;      // what the user picked, for display
        QString destination; // where it goes, for display
        TransferOptions options;
        JobState state = JobState::Scanning;
        QString error; // why scanning failed, if it did
        QList<File> files;
        TransferTotals totals;               // of files, kept as they change
        QList<QByteArray> remoteDirectories; // to make first (uploads)
        QStringList localDirectories;        // to make first (downloads)
        bool directoriesMade = false;
        bool makingDirectories = false; // on their way (the local ones on a worker)
        int scanFrom = 0;               // no file before this index is Queued (where schedule() starts looking)
        QSet<QByteArray> listedFolders; // uploads: destination folders listed before starting
        QHash<QByteArray, sshcore::SftpEntry> listed; // what they held, by path
        quint64 transferred = 0;
    };

    struct ConflictQuestion
    {
        int job = 0;
        int file = 0;
        QString name;
        quint64 existingSize = 0;
        qint64 existingModified = 0;
        quint64 newSize = 0;
        qint64 newModified = 0;
    };

    explicit TransferQueue(sshcore::SshConnection *connection, QObject *parent = nullptr);
    ~TransferQueue() override;

    // localPath (a file or folder) into remoteDirectory, which must exist.
    int upload(const QString &localPath, const QByteArray &remoteDirectory, const TransferOptions &options = {});
    // remotePath (a file or folder) into localDirectory, which must exist.
    int download(const QByteArray &remotePath, const QString &localDirectory, const TransferOptions &options = {});

    // Pausing stops the files in flight too (their partial copies stay, to be continued);
    // cancelling stops them and removes their partial copies.
    void pause(int job);
    void resume(int job);
    void cancel(int job);
    // Queues the job's failed files again.
    void retry(int job);
    // Answers a conflict(); with rememberForQueue, later conflicts of every job get the same
    // answer.
    void resolveConflict(int job, int file, TransferOptions::Conflict decision, bool rememberForQueue = false);

    QList<int> jobIds() const;
    const Job *job(int id) const;
    Progress progress(int id) const;
    Progress overall() const;
    bool isIdle() const;

    // A file of splitFrom() bytes or more is sent in parts, over the connection and up to this many
    // extra SSH sessions to the same server at once (each its own core), when the connection's login
    // needed no person (see SplitTransfer, ExtraSessions); 0: never. defaultExtraSessions() (3) unless
    // set: each session encrypts on a thread of its own and brings its own flow-control windows, so
    // on a link with a long round trip three beat one even where two processors are all there is
    // (packaging/dev bench transfers, README).
    static int defaultExtraSessions();
    void setExtraSessions(int sessions);
    int extraSessions() const;
    void setSplitFrom(quint64 bytes); // 256 MiB unless set
    quint64 splitFrom() const { return m_splitFrom; }
    // How long extra sessions stay open with no big file to carry (30 s unless set).
    void setExtraSessionsIdleTimeout(std::chrono::milliseconds timeout);
    // Over the queue's life: extra sessions that logged in, and parts of files they carried.
    int extraSessionsLoggedIn() const;
    int partsOnExtraSessions() const { return m_partsOnExtraSessions; }

    static QByteArray temporaryRemoteName(const QByteArray &remote);
    static QString temporaryLocalName(const QString &local);

Q_SIGNALS:
    void jobAdded(int id);
    void jobChanged(int id);  // state, files, or (at most a few times a second) progress
    void jobFinished(int id); // finished or cancelled; see its files for failures
    void conflict(const app::TransferQueue::ConflictQuestion &question);
    void idle();

private:
    // Every change to a file goes through here: its old part of the job's counters out, the new one
    // in.
    template<typename Change>
    static void changeFile(Job &job, int index, Change &&change)
    {
        File &file = job.files[index];
        job.totals.remove(index, file);
        change(file);
        job.totals.add(index, file);
    }

    Job *findJob(int id);
    int addJob(Direction direction, const QString &source, const QString &destination, const TransferOptions &options);
    void scanLocal(int id, const QString &localPath, const QByteArray &remoteDirectory);
    void scanRemote(int id, const QByteArray &remotePath, const QString &localDirectory);
    void scanFailed(int id, const QString &error);
    void makeDirectories(int id);
    void makeRemoteDirectory(int id, int index);
    void listDestinations(int id);
    void schedule();
    void startFile(int id, int index);
    void checkDestination(int id, int index, TransferOptions::Conflict decision);
    void sendFile(int id, int index, quint64 offset);
    bool sendSplit(int id, int index, quint64 offset, const sshcore::SftpTransferOptions &options,
                   std::function<void(const sshcore::Result<quint64> &)> done,
                   std::function<void(quint64, quint64)> progress);
    void finishFile(int id, int index, const sshcore::Result<> &result);
    void stopped(Job &job, int index);
    // since: m_linkLosses when the file's send began, if it may hear of a lost link only after the
    // link is back (a split file cuts its partial copy back first).
    void maybeTheLink(int id, int index, const QString &error, std::optional<quint64> since);
    void diskFull(int id, int index, const QString &error);
    // Both ends hashed (TransferOptions::verify), then the rename into place.
    void verifyAndPlace(int id, int index);
    void place(int id, int index);
    void requeue(Job &job, int index); // the file goes back to Queued
    void decideConflict(int id, int index, const sshcore::SftpEntry *existing, TransferOptions::Conflict decision);
    void resumeExisting(int id, int index, quint64 offset);
    void keepBoth(int id, int index);
    void writeFile(int id, int index);
    void jobMaybeFinished(int id);
    void onConnectionState();
    void sampleRate();
    bool connected() const;

    QPointer<sshcore::SshConnection> m_connection;
    std::unique_ptr<sshcore::SftpClient> m_sftp;
    QList<std::shared_ptr<Job>> m_jobs;                         // pointers stay valid while jobs are added
    QHash<int, RemoteTreeScan *> m_remoteScans;                 // by job, while listing (children of the queue)
    QHash<int, std::shared_ptr<std::atomic_bool>> m_localScans; // by job, while walking: set to stop it
    int m_nextId = 1;
    int m_running = 0;
    QHash<quint64, qint64> m_bytesInFlight; // by job id and file index: the bytes a running file may hold
    QHash<quint64, quint64> m_splitSince;   // by job id and file index: m_linkLosses when a split file began
    quint64 m_linkLosses = 0;               // times the connection left the connected state
    ConflictPolicy m_conflicts;
    QTimer m_progressTimer;
    TransferRate m_rate;
    std::unique_ptr<Sha256Verifier> m_verifier;
    std::unique_ptr<ExtraSessions> m_extraSessions;
    quint64 m_splitFrom = quint64(256) << 20;
    int m_partsOnExtraSessions = 0;
    // Local disk work (tree walks, folders): last, so that its destruction, which waits for what
    // runs on it (told to stop first), comes before anything else goes.
    QThreadPool m_disk;
};

} // namespace app
Q_DECLARE_METATYPE(app::TransferQueue::ConflictQuestion)
