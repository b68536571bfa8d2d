#pragma once

#include "sshcore/Result.h"
#include "sshcore/session/Operation.h"
#include "sshcore/sftp/SftpEntry.h"
#include "sshcore/sftp/SftpSession.h"

#include <QByteArray>
#include <QFile>
#include <QList>

#include <functional>

namespace sshcore::detail {

class ResultRelay;

// Base of the SFTP operations: waits for the shared SFTP channel, then runs the request. None needs a
// command channel of its own.
class SftpOperation : public Operation
{
public:
    ~SftpOperation() override
    {
        if (m_sftp)
            m_sftp->releaseAll(this);
    }
    bool needsChannel() const override { return false; }
    void bindSftp(SftpSession *sftp) override { m_sftp = sftp; }
    Step step(LIBSSH2_SESSION *session) final;

protected:
    using Request = SftpSession::Request;
    // Runs a libssh2 call returning a status once no other operation is midway through a request
    // of the same kind (else EAGAIN without calling); holds the kind until the call stops saying EAGAIN.
    template<typename Call>
    auto exclusive(Request request, Call call) -> decltype(call())
    {
        if (!m_sftp->claim(request, this))
            return LIBSSH2_ERROR_EAGAIN;
        const auto rc = call();
        if (rc != LIBSSH2_ERROR_EAGAIN)
            m_sftp->release(request, this);
        return rc;
    }
    // The same for libssh2_sftp_open_ex, which answers with a handle; busy is set when another
    // operation holds the kind (nothing was sent).
    template<typename Call>
    LIBSSH2_SFTP_HANDLE *exclusiveOpen(LIBSSH2_SESSION *session, bool *busy, Call call)
    {
        *busy = !m_sftp->claim(Request::Open, this);
        if (*busy)
            return nullptr;
        LIBSSH2_SFTP_HANDLE *handle = call();
        if (handle || libssh2_session_last_errno(session) != LIBSSH2_ERROR_EAGAIN)
            m_sftp->release(Request::Open, this);
        return handle;
    }
    virtual Step run(LIBSSH2_SESSION *session, LIBSSH2_SFTP *sftp) = 0;
    virtual void fail(const QString &why) = 0;
    QString describe(LIBSSH2_SESSION *session, const QString &what, const QByteArray &path) const
    {
        return m_sftp->describe(session, what, path);
    }

private:
    SftpSession *m_sftp = nullptr;
};

class SftpStatOperation : public SftpOperation
{
public:
    SftpStatOperation(QByteArray path, std::function<void(Result<SftpEntry>)> reply);
    void abandon(const QString &why) override { fail(why); }

private:
    Step run(LIBSSH2_SESSION *session, LIBSSH2_SFTP *sftp) override;
    void fail(const QString &why) override { m_reply(failure(why)); }
    QByteArray m_path;
    std::function<void(Result<SftpEntry>)> m_reply;
};

class SftpListOperation : public SftpOperation
{
public:
    SftpListOperation(QByteArray path, std::function<void(Result<QList<SftpEntry>>)> reply);
    void abandon(const QString &why) override { fail(why); }

private:
    Step run(LIBSSH2_SESSION *session, LIBSSH2_SFTP *sftp) override;
    void fail(const QString &why) override { m_reply(failure(why)); }
    QByteArray m_path;
    LIBSSH2_SFTP_HANDLE *m_handle = nullptr;
    bool m_listed = false;
    QList<SftpEntry> m_entries;
    QString m_error;
    std::function<void(Result<QList<SftpEntry>>)> m_reply;
};

// mkdir -p
class SftpMakePathOperation : public SftpOperation
{
public:
    SftpMakePathOperation(QByteArray path, int mode, std::function<void(Result<>)> reply);
    void abandon(const QString &why) override { fail(why); }

private:
    Step run(LIBSSH2_SESSION *session, LIBSSH2_SFTP *sftp) override;
    void fail(const QString &why) override { m_reply(failure(why)); }
    QList<QByteArray> m_prefixes;
    int m_index = 0;
    bool m_statDone = false;
    int m_mode;
    std::function<void(Result<>)> m_reply;
};

// rm (-r): symbolic links are removed, never followed.
class SftpRemoveOperation : public SftpOperation
{
public:
    SftpRemoveOperation(QByteArray path, bool recursive, std::function<void(Result<>)> reply);
    void abandon(const QString &why) override { fail(why); }

private:
    Step run(LIBSSH2_SESSION *session, LIBSSH2_SFTP *sftp) override;
    void fail(const QString &why) override { m_reply(failure(why)); }
    enum class Phase { StatRoot, Listing, Unlinking, RemovingDirs };
    Phase m_phase = Phase::StatRoot;
    QByteArray m_root;
    bool m_recursive;
    QList<QByteArray> m_toList;
    LIBSSH2_SFTP_HANDLE *m_handle = nullptr;
    int m_listEnd = 1; // 1: reading; 0: at the end; -1: failed (closing the handle either way)
    QString m_listError;
    QList<QByteArray> m_files;
    QList<QByteArray> m_dirs;
    std::function<void(Result<>)> m_reply;
};

// Atomic rename over an existing target where the server has posix-rename@openssh.com.
class SftpRenameOperation : public SftpOperation
{
public:
    SftpRenameOperation(QByteArray from, QByteArray to, std::function<void(Result<>)> reply);
    void abandon(const QString &why) override { fail(why); }

private:
    Step run(LIBSSH2_SESSION *session, LIBSSH2_SFTP *sftp) override;
    void fail(const QString &why) override { m_reply(failure(why)); }
    QByteArray m_from;
    QByteArray m_to;
    bool m_posixTried = false;
    std::function<void(Result<>)> m_reply;
};

// One SFTP request that needs no handle: set attributes, make a symbolic link, read one. call returns
// libssh2's status and fills the value; what and path name the request in an error.
template<typename T>
class SftpCallOperation : public SftpOperation
{
public:
    using Call = std::function<int(LIBSSH2_SFTP *, T *)>;
    SftpCallOperation(SftpSession::Request request, Call call, QString what, QByteArray path,
                      std::function<void(Result<T>)> reply)
        : m_request(request)
        , m_call(std::move(call))
        , m_what(std::move(what))
        , m_path(std::move(path))
        , m_reply(std::move(reply))
    {}
    void abandon(const QString &why) override { fail(why); }

private:
    Step run(LIBSSH2_SESSION *session, LIBSSH2_SFTP *sftp) override
    {
        T value{};
        const int rc = exclusive(m_request, [&] { return m_call(sftp, &value); });
        if (rc == LIBSSH2_ERROR_EAGAIN)
            return Step::Blocked;
        if (rc < 0)
            m_reply(failure(describe(session, m_what, m_path)));
        else
            m_reply(std::move(value));
        return Step::Finished;
    }
    void fail(const QString &why) override { m_reply(failure(why)); }
    SftpSession::Request m_request;
    Call m_call;
    QString m_what;
    QByteArray m_path;
    std::function<void(Result<T>)> m_reply;
};

// Streams a local file to a remote one, or back, from an offset (resume), keeping bufferSize bytes
// in flight: libssh2 pipelines one SFTP request per ~30 kB of what it is given.
class SftpTransferOperation : public SftpOperation
{
public:
    enum class Direction { Upload, Download };
    SftpTransferOperation(Direction direction, QString localPath, QByteArray remotePath, quint64 offset,
                          qsizetype bufferSize, ResultRelay *progress, std::function<void(Result<quint64>)> reply);
    void abandon(const QString &why) override { fail(why); }

private:
    Step run(LIBSSH2_SESSION *session, LIBSSH2_SFTP *sftp) override;
    void fail(const QString &why) override { m_reply(failure(why)); }
    Step upload(LIBSSH2_SESSION *session);
    Step download(LIBSSH2_SESSION *session);
    Step finish(LIBSSH2_SESSION *session, const QString &error);

    Direction m_direction;
    QString m_localPath;
    QByteArray m_remotePath;
    quint64 m_offset;
    qsizetype m_bufferSize;
    ResultRelay *m_progress;
    std::function<void(Result<quint64>)> m_reply;
    QFile m_local;
    LIBSSH2_SFTP_HANDLE *m_handle = nullptr;
    bool m_opened = false;
    bool m_sought = false;
    bool m_localEnd = false;
    bool m_closing = false;
    QString m_error;
    QByteArray m_buffer;
    qsizetype m_position = 0;
    quint64 m_done = 0;
    quint64 m_total = 0;
};

} // namespace sshcore::detail
