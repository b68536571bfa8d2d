#pragma once

#include "sshcore/Result.h"
#include "sshcore/sftp/SftpEntry.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QSet>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace sshcore {
class SftpClient;
class SshConnection;
} // namespace sshcore

namespace app {

struct TransferOptions
{
    // What to do when the destination already has a file of that name.
    enum class Conflict { Ask, Overwrite, Skip, Resume, KeepBoth, OnlyIfNewer };
    Conflict conflict = Conflict::Ask;
    bool verify = false;              // compare SHA-256 of both ends before the rename into place
    bool preserveTimes = true;        // modification time
    bool preservePermissions = true;  // mode bits
    int parallelFiles = 32;           // files in flight at once, at most
    qsizetype bufferSize = 4 << 20;   // bytes in flight per file
    // Bytes in flight across the files of the queue: many small files at once, a few large ones (what
    // is in flight is held in memory).
    qint64 queueBytesInFlight() const { return 4 * qint64(bufferSize); }
};

// Upload and download jobs over one cluster's SFTP channel, for single files and whole trees. Each file
// is written under a temporary name beside its destination (".NAME.cdpart") and renamed into place only
// when complete, with its time and mode set; a partial file left by a dropped connection is resumed from
// its length once the connection is back. Symbolic links are never followed: each is made again on the
// other side with the same target. One failed file does not stop the others; the failures are kept
// with their reasons.
class TransferQueue : public QObject
{
    Q_OBJECT

public:
    enum class Direction { Upload, Download };
    enum class JobState { Scanning, Queued, Running, Paused, Finished, Cancelled };
    enum class FileState { Queued, Running, Done, Skipped, Failed };

    struct File
    {
        QString local;     // absolute local path
        QByteArray remote; // absolute remote path
        quint64 size = 0;
        qint64 modified = 0;
        quint32 permissions = 0644;
        bool symlink = false;
        FileState state = FileState::Queued;
        quint64 done = 0;        // bytes of this file at their destination
        quint64 transferred = 0; // bytes this run actually sent or received (a resumed file sends less)
        QString error;
        int attempts = 0;
        std::shared_ptr<std::atomic_bool> stop; // while it is being sent: set to stop it (pause, cancel)
        bool lookAgain = false; // ask the server about its destination, not the job's listing
    };

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
        QList<QByteArray> remoteDirectories; // to make first (uploads)
        QStringList localDirectories;        // to make first (downloads)
        bool directoriesMade = false;
        int scanFrom = 0; // no file before this index is Queued (where schedule() starts looking)
        QSet<QByteArray> listedFolders;               // uploads: destination folders listed before starting
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

    // Pausing stops the files in flight too (their partial copies stay, to be continued); cancelling
    // stops them and removes their partial copies.
    void pause(int job);
    void resume(int job);
    void cancel(int job);
    // Queues the job's failed files again.
    void retry(int job);
    // Answers a conflict(); with rememberForQueue, later conflicts of every job get the same answer.
    void resolveConflict(int job, int file, TransferOptions::Conflict decision, bool rememberForQueue = false);

    QList<int> jobIds() const;
    const Job *job(int id) const;
    Progress progress(int id) const;
    Progress overall() const;
    bool isIdle() const;

    static QByteArray temporaryRemoteName(const QByteArray &remote);
    static QString temporaryLocalName(const QString &local);

Q_SIGNALS:
    void jobAdded(int id);
    void jobChanged(int id);   // state, files, or (at most a few times a second) progress
    void jobFinished(int id);  // finished or cancelled; see its files for failures
    void conflict(const app::TransferQueue::ConflictQuestion &question);
    void idle();

private:
    Job *findJob(int id);
    void scanLocal(Job &job, const QString &localPath, const QByteArray &remoteDirectory);
    void scanRemote(int id, const QByteArray &remotePath, const QString &localDirectory);
    void makeDirectories(int id);
    void listDestinations(int id);
    void schedule();
    void startFile(int id, int index);
    void checkDestination(int id, int index, TransferOptions::Conflict decision);
    void copyLink(int id, int index, const sshcore::SftpEntry *existing);
    void sendFile(int id, int index, quint64 offset);
    void finishFile(int id, int index, const sshcore::Result<> &result);
    // Both ends hashed (TransferOptions::verify), then the rename into place.
    void verifyAndPlace(int id, int index);
    void requeue(Job &job, int index); // the file goes back to Queued
    static quint64 resumeOffset(const File &file, const sshcore::SftpEntry *partial);
    void decideConflict(int id, int index, const sshcore::SftpEntry *existingRemote, TransferOptions::Conflict decision);
    void jobMaybeFinished(int id);
    void onConnectionState();
    void sampleRate();
    bool connected() const;

    QPointer<sshcore::SshConnection> m_connection;
    std::unique_ptr<sshcore::SftpClient> m_sftp;
    QList<std::shared_ptr<Job>> m_jobs; // pointers stay valid while jobs are added
    QHash<int, std::shared_ptr<std::function<void(QByteArray, QString)>>> m_scanners; // remote listings in progress
    int m_nextId = 1;
    int m_running = 0;
    QHash<quint64, qint64> m_bytesInFlight; // by job id and file index: the bytes a running file may hold
    quint64 m_linkLosses = 0; // times the connection left the connected state
    std::optional<TransferOptions::Conflict> m_rememberedConflict;
    QTimer m_progressTimer;
    QElapsedTimer m_clock;
    struct Sample
    {
        qint64 at;
        quint64 bytes;
    };
    QList<Sample> m_samples;
    double m_rate = 0;
};

} // namespace app
Q_DECLARE_METATYPE(app::TransferQueue::ConflictQuestion)
