#pragma once

#include "sshcore/Result.h"
#include "sshcore/session/Operation.h"
#include "sshcore/sftp/SftpEntry.h"
#include "sshcore/sftp/SftpSession.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QFile>
#include <QList>

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace sshcore::detail {

class ResultRelay;

// Base of the SFTP operations. Each waits for the shared SFTP channel, then sends its requests and
// reacts to their replies, which SftpSession::pump() delivers; it is finished once it has reported.
// Any number run at once: the channel carries their requests interleaved.
class SftpOperation : public Operation
{
public:
    bool needsChannel() const override { return false; }
    void bindSftp(SftpChannels *channels) override
    {
        m_channels = channels;
        m_sftp = &channels->shared();
    }
    Step step(LIBSSH2_SESSION *session) final;
    void abandon(const QString &why) final;

protected:
    using Reply = sftp::Reply;
    using Fill = std::function<void(sftp::PacketWriter &)>;

    virtual void start() = 0;                  // sends the first requests
    virtual void fail(const QString &why) = 0; // reports why it could not be done
    // After start, on each step: work that needs libssh2 itself (opening a channel). True if it moved.
    virtual bool advance(LIBSSH2_SESSION *session)
    {
        Q_UNUSED(session)
        return false;
    }

    // Sends a request; handler runs with its reply unless this operation has been destroyed by then.
    void send(quint8 type, const Fill &fill, std::function<void(const Reply &)> handler);
    // The same on another of the connection's channels.
    void sendOn(SftpSession &channel, quint8 type, const Fill &fill, std::function<void(const Reply &)> handler);
    // One request naming a path (stat, mkdir, remove ...).
    void sendPath(quint8 type, const QByteArray &path, std::function<void(const Reply &)> handler);
    // Renames over an existing target: atomically where the server has posix-rename@openssh.com (plain
    // SFTP rename refuses an existing target).
    void sendRename(const QByteArray &from, const QByteArray &to, std::function<void(const Reply &)> handler);
    // The whole listing of a folder, without "." and "..".
    void listDirectory(const QByteArray &path, std::function<void(Result<QList<SftpEntry>>)> done);
    void finish() { m_finished = true; } // call right before reporting
    bool finished() const { return m_finished; }
    SftpSession &session() { return *m_sftp; }
    SftpChannels &channels() { return *m_channels; }

private:
    SftpChannels *m_channels = nullptr;
    SftpSession *m_sftp = nullptr;
    quint64 m_attempt = 0;
    bool m_started = false;
    bool m_finished = false;
    std::shared_ptr<int> m_alive = std::make_shared<int>(0);
};

// One request, one reply, turned into a result by parse.
template<typename T>
class SftpRequestOperation : public SftpOperation
{
public:
    using Parse = std::function<Result<T>(const sftp::Reply &)>;
    SftpRequestOperation(quint8 type, Fill fill, Parse parse, std::function<void(Result<T>)> reply)
        : m_type(type)
        , m_fill(std::move(fill))
        , m_parse(std::move(parse))
        , m_reply(std::move(reply))
    {}

private:
    void start() override
    {
        send(m_type, m_fill, [this](const sftp::Reply &reply) {
            finish();
            m_reply(m_parse(reply));
        });
    }
    void fail(const QString &why) override { m_reply(failure(why)); }
    quint8 m_type;
    Fill m_fill;
    Parse m_parse;
    std::function<void(Result<T>)> m_reply;
};

class SftpListOperation : public SftpOperation
{
public:
    SftpListOperation(QByteArray path, std::function<void(Result<QList<SftpEntry>>)> reply);

private:
    void start() override;
    void fail(const QString &why) override { m_reply(failure(why)); }
    QByteArray m_path;
    std::function<void(Result<QList<SftpEntry>>)> m_reply;
};

class SftpRenameOperation : public SftpOperation
{
public:
    SftpRenameOperation(QByteArray from, QByteArray to, std::function<void(Result<>)> reply);

private:
    void start() override;
    void fail(const QString &why) override { m_reply(failure(why)); }
    QByteArray m_from;
    QByteArray m_to;
    std::function<void(Result<>)> m_reply;
};

// mkdir -p
class SftpMakePathOperation : public SftpOperation
{
public:
    SftpMakePathOperation(QByteArray path, int mode, std::function<void(Result<>)> reply);

private:
    void start() override;
    void fail(const QString &why) override { m_reply(failure(why)); }
    void make(int index);
    QByteArray m_path;
    QList<QByteArray> m_prefixes;
    int m_mode;
    std::function<void(Result<>)> m_reply;
};

// rm (-r): symbolic links are removed, never followed. Folders are listed several at a time and files
// removed many at a time.
class SftpRemoveOperation : public SftpOperation
{
public:
    SftpRemoveOperation(QByteArray path, bool recursive, std::function<void(Result<>)> reply);

private:
    void start() override;
    void fail(const QString &why) override { m_reply(failure(why)); }
    void listMore();
    void removeMore();
    void stopWith(const QString &error);
    void maybeDone();
    QByteArray m_root;
    bool m_recursive;
    QList<QByteArray> m_toList;
    int m_listing = 0;
    QList<QByteArray> m_files;
    QList<QList<QByteArray>> m_dirsByDepth; // folders found, by depth below the root
    int m_inFlight = 0;
    bool m_removingFolders = false;
    QString m_error;
    std::function<void(Result<>)> m_reply;
};

// Streams a local file to a remote one, or back, from an offset (resume), keeping about bufferSize
// bytes of requests in flight, each as large as the server allows; then, if placeAs is given, renames
// the complete file to it (a small file's whole upload is one operation on the worker thread).
class SftpTransferOperation : public SftpOperation
{
public:
    enum class Direction { Upload, Download };
    SftpTransferOperation(Direction direction, QString localPath, QByteArray remotePath, quint64 offset,
                          qsizetype bufferSize, std::shared_ptr<std::atomic_bool> stop, sftp::Attributes attributes,
                          QByteArray placeAs, ResultRelay *progress, std::function<void(Result<quint64>)> reply);

private:
    // A borrowed extra channel with the same remote file open on it: an upload's writes are spread
    // over the shared channel and these.
    struct Lane
    {
        enum class State { OpeningChannel, OpeningFile, Ready, Closing, Done };
        SftpSession *channel = nullptr;
        quint64 attempt = 0;
        State state = State::OpeningChannel;
        QByteArray handle;
        qsizetype inFlight = 0;
    };

    void start() override;
    bool advance(LIBSSH2_SESSION *session) override;
    void fail(const QString &why) override;
    void onOpened(const Reply &reply);
    void borrowLanes();
    void closeLanes();
    bool lanesDone() const;
    void dropLane(int index);
    void acknowledge(quint64 at, quint64 length);
    void keepNoMark();
    void fill();
    void upload();
    void download();
    void stopWith(const QString &error);
    void maybeClose();
    void explainFailure();
    void finishLocal();
    void place();
    void report();
    void emitProgress(bool force);

    Direction m_direction;
    QString m_localPath;
    QByteArray m_remotePath;
    quint64 m_offset;
    qsizetype m_bufferSize;
    std::shared_ptr<std::atomic_bool> m_stop;
    std::optional<qint64> m_setModified;    // upload: set on the handle before closing it
    std::optional<quint32> m_setPermissions;
    QByteArray m_placeAs;
    ResultRelay *m_progress;
    std::function<void(Result<quint64>)> m_reply;
    QFile m_local;
    QByteArray m_handle;
    bool m_closing = false;
    bool m_localEnd = false;            // upload: everything read; download: the end of the remote file seen
    bool m_serverFailure = false;       // a generic failure while writing: explain it (disk full?)
    bool m_holeAtEnd = false;           // upload: the last block read was zeros and not sent
    bool m_closed = false;              // the close was answered
    QString m_error;
    quint64 m_next = 0;                 // the next offset to request
    quint64 m_done = 0;                 // bytes acknowledged (upload) or stored (download)
    std::optional<quint64> m_total;     // the file's size, when known
    qsizetype m_inFlight = 0;           // bytes requested and not yet answered
    std::map<quint64, quint32> m_gaps;  // download: parts a short reply left out, to ask again
    std::vector<Lane> m_lanes;          // upload: extra channels (none for small files)
    // Upload: the remote file is complete up to here (with lanes, writes beyond it may be missing);
    // parts answered beyond it, by offset.
    quint64 m_prefix = 0;
    std::map<quint64, quint64> m_answeredAhead;
    QElapsedTimer m_sinceProgress;
    QElapsedTimer m_sinceOpen; // the open request's round trip, as a measure of the link's
};

} // namespace sshcore::detail
