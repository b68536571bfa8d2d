#include "sshcore/sftp/SftpOperations.h"

#include "sshcore/session/LibsshErrors.h"
#include "sshcore/session/ResultRelay.h"

#include <QFileInfo>

namespace sshcore::detail {

namespace {

using Step = Operation::Step;

bool again(long long rc)
{
    return rc == LIBSSH2_ERROR_EAGAIN;
}

QByteArray baseName(const QByteArray &path)
{
    QByteArray trimmed = path;
    while (trimmed.size() > 1 && trimmed.endsWith('/'))
        trimmed.chop(1);
    const qsizetype slash = trimmed.lastIndexOf('/');
    return slash < 0 ? trimmed : trimmed.mid(slash + 1);
}

QByteArray join(const QByteArray &dir, const QByteArray &name)
{
    return dir.endsWith('/') ? QByteArray(dir + name) : QByteArray(dir + '/' + name);
}

bool isDotOrDotDot(const QByteArray &name)
{
    return name == "." || name == "..";
}

// One readdir step on an open handle: true with entry filled, false at the end; EAGAIN and errors
// through rc.
int readEntry(LIBSSH2_SFTP_HANDLE *handle, SftpEntry *entry)
{
    char name[1024];
    LIBSSH2_SFTP_ATTRIBUTES attributes = {};
    const int rc = libssh2_sftp_readdir_ex(handle, name, sizeof name, nullptr, 0, &attributes);
    if (rc > 0)
        *entry = SftpSession::entryFrom(QByteArray(name, rc), attributes);
    return rc;
}

} // namespace

Operation::Step SftpOperation::step(LIBSSH2_SESSION *session)
{
    switch (m_sftp->open(session)) {
    case SftpSession::Status::Blocked:
        return Step::Blocked;
    case SftpSession::Status::Failed:
        fail(m_sftp->error());
        return Step::Finished;
    case SftpSession::Status::Ready:
        break;
    }
    return run(session, m_sftp->handle());
}

// --- stat --------------------------------------------------------------------------------------

SftpStatOperation::SftpStatOperation(QByteArray path, std::function<void(Result<SftpEntry>)> reply)
    : m_path(std::move(path))
    , m_reply(std::move(reply))
{}

Operation::Step SftpStatOperation::run(LIBSSH2_SESSION *session, LIBSSH2_SFTP *sftp)
{
    LIBSSH2_SFTP_ATTRIBUTES attributes = {};
    const int rc = exclusive(Request::Stat, [&] { return libssh2_sftp_stat_ex(sftp, m_path.constData(), unsigned(m_path.size()), LIBSSH2_SFTP_LSTAT,
                                        &attributes); });
    if (again(rc))
        return Step::Blocked;
    if (rc < 0)
        m_reply(failure(describe(session, QStringLiteral("read the details of"), m_path)));
    else
        m_reply(SftpSession::entryFrom(baseName(m_path), attributes));
    return Step::Finished;
}

// --- list --------------------------------------------------------------------------------------

SftpListOperation::SftpListOperation(QByteArray path, std::function<void(Result<QList<SftpEntry>>)> reply)
    : m_path(std::move(path))
    , m_reply(std::move(reply))
{}

Operation::Step SftpListOperation::run(LIBSSH2_SESSION *session, LIBSSH2_SFTP *sftp)
{
    bool progressed = false;
    if (!m_handle) {
        bool busy = false;
        m_handle = exclusiveOpen(session, &busy, [&] {
            return libssh2_sftp_open_ex(sftp, m_path.constData(), unsigned(m_path.size()), 0, 0, LIBSSH2_SFTP_OPENDIR);
        });
        if (!m_handle) {
            if (busy || libssh2_session_last_errno(session) == LIBSSH2_ERROR_EAGAIN)
                return Step::Blocked;
            m_reply(failure(describe(session, QStringLiteral("list"), m_path)));
            return Step::Finished;
        }
        progressed = true;
    }
    while (!m_listed) {
        SftpEntry entry;
        const int rc = exclusive(Request::Readdir, [&] { return readEntry(m_handle, &entry); });
        if (again(rc))
            return progressed ? Step::Progressed : Step::Blocked;
        if (rc <= 0) {
            if (rc < 0)
                m_error = describe(session, QStringLiteral("list"), m_path);
            m_listed = true; // the handle is closed next; never read it again
            break;
        }
        progressed = true;
        if (!isDotOrDotDot(entry.name))
            m_entries.append(entry);
    }
    if (again(libssh2_sftp_close_handle(m_handle)))
        return progressed ? Step::Progressed : Step::Blocked;
    m_handle = nullptr;
    if (m_error.isEmpty())
        m_reply(m_entries);
    else
        m_reply(failure(m_error));
    return Step::Finished;
}

// --- mkdir -p ------------------------------------------------------------------------------------

SftpMakePathOperation::SftpMakePathOperation(QByteArray path, int mode, std::function<void(Result<>)> reply)
    : m_mode(mode)
    , m_reply(std::move(reply))
{
    QByteArray prefix = path.startsWith('/') ? QByteArray("/") : QByteArray();
    for (const QByteArray &part : path.split('/')) {
        if (part.isEmpty())
            continue;
        prefix = prefix.isEmpty() || prefix == "/" ? QByteArray(prefix + part) : QByteArray(prefix + '/' + part);
        m_prefixes.append(prefix);
    }
}

Operation::Step SftpMakePathOperation::run(LIBSSH2_SESSION *session, LIBSSH2_SFTP *sftp)
{
    bool progressed = false;
    while (m_index < m_prefixes.size()) {
        const QByteArray &path = m_prefixes.at(m_index);
        if (!m_statDone) {
            LIBSSH2_SFTP_ATTRIBUTES attributes = {};
            const int rc = exclusive(Request::Stat, [&] { return libssh2_sftp_stat_ex(sftp, path.constData(), unsigned(path.size()), LIBSSH2_SFTP_STAT,
                                                &attributes); });
            if (again(rc))
                return progressed ? Step::Progressed : Step::Blocked;
            progressed = true;
            if (rc == 0) {
                if (SftpSession::entryFrom(path, attributes).type != SftpEntry::Type::Directory) {
                    m_reply(failure(QStringLiteral("Cannot create the folder '%1': '%2' is a file.")
                                        .arg(QString::fromUtf8(m_prefixes.last()), QString::fromUtf8(path))));
                    return Step::Finished;
                }
                ++m_index;
                continue;
            }
            m_statDone = true;
        }
        const int rc = exclusive(Request::Mkdir, [&] { return libssh2_sftp_mkdir_ex(sftp, path.constData(), unsigned(path.size()), m_mode); });
        if (again(rc))
            return progressed ? Step::Progressed : Step::Blocked;
        if (rc < 0) {
            m_reply(failure(describe(session, QStringLiteral("create the folder"), path)));
            return Step::Finished;
        }
        progressed = true;
        m_statDone = false;
        ++m_index;
    }
    m_reply({});
    return Step::Finished;
}

// --- rm -r ---------------------------------------------------------------------------------------

SftpRemoveOperation::SftpRemoveOperation(QByteArray path, bool recursive, std::function<void(Result<>)> reply)
    : m_root(std::move(path))
    , m_recursive(recursive)
    , m_reply(std::move(reply))
{}

Operation::Step SftpRemoveOperation::run(LIBSSH2_SESSION *session, LIBSSH2_SFTP *sftp)
{
    bool progressed = false;
    const auto blocked = [&] { return progressed ? Step::Progressed : Step::Blocked; };
    const auto failWith = [&](const QString &what, const QByteArray &path) {
        m_reply(failure(describe(session, what, path)));
        return Step::Finished;
    };
    if (m_phase == Phase::StatRoot) {
        LIBSSH2_SFTP_ATTRIBUTES attributes = {};
        const int rc = exclusive(Request::Stat, [&] { return libssh2_sftp_stat_ex(sftp, m_root.constData(), unsigned(m_root.size()), LIBSSH2_SFTP_LSTAT,
                                            &attributes); });
        if (again(rc))
            return Step::Blocked;
        if (rc < 0)
            return failWith(QStringLiteral("delete"), m_root);
        progressed = true;
        if (SftpSession::entryFrom(m_root, attributes).type == SftpEntry::Type::Directory) {
            m_dirs.append(m_root);
            if (m_recursive)
                m_toList.append(m_root);
        } else {
            m_files.append(m_root);
        }
        m_phase = Phase::Listing;
    }
    while (m_phase == Phase::Listing) {
        if (m_toList.isEmpty()) {
            m_phase = Phase::Unlinking;
            break;
        }
        const QByteArray dir = m_toList.first();
        if (!m_handle) {
            bool busy = false;
            m_handle = exclusiveOpen(session, &busy, [&] {
                return libssh2_sftp_open_ex(sftp, dir.constData(), unsigned(dir.size()), 0, 0, LIBSSH2_SFTP_OPENDIR);
            });
            if (!m_handle) {
                if (busy || libssh2_session_last_errno(session) == LIBSSH2_ERROR_EAGAIN)
                    return blocked();
                return failWith(QStringLiteral("list"), dir);
            }
        }
        SftpEntry entry;
        const int rc = m_listEnd == 1 ? exclusive(Request::Readdir, [&] { return readEntry(m_handle, &entry); }) : m_listEnd;
        if (again(rc))
            return blocked();
        progressed = true;
        if (rc > 0) {
            if (isDotOrDotDot(entry.name))
                continue;
            const QByteArray path = join(dir, entry.name);
            if (entry.type == SftpEntry::Type::Directory) {
                m_dirs.append(path);
                m_toList.append(path);
            } else {
                m_files.append(path); // files, and symbolic links themselves
            }
            continue;
        }
        if (m_listEnd == 1) // the end of this folder (0) or an error: remember it while closing
            m_listEnd = rc < 0 ? -1 : 0;
        if (m_listEnd < 0 && m_listError.isEmpty())
            m_listError = describe(session, QStringLiteral("list"), dir);
        if (again(libssh2_sftp_close_handle(m_handle)))
            return blocked();
        m_handle = nullptr;
        const int end = m_listEnd;
        m_listEnd = 1;
        if (end < 0) {
            m_reply(failure(m_listError));
            return Step::Finished;
        }
        m_toList.removeFirst();
    }
    while (m_phase == Phase::Unlinking && !m_files.isEmpty()) {
        const QByteArray &file = m_files.last();
        const int rc = exclusive(Request::Unlink, [&] { return libssh2_sftp_unlink_ex(sftp, file.constData(), unsigned(file.size())); });
        if (again(rc))
            return blocked();
        if (rc < 0)
            return failWith(QStringLiteral("delete"), file);
        progressed = true;
        m_files.removeLast();
    }
    m_phase = Phase::RemovingDirs;
    while (!m_dirs.isEmpty()) {
        const QByteArray &dir = m_dirs.last(); // deepest first: children were found after parents
        const int rc = exclusive(Request::Rmdir, [&] { return libssh2_sftp_rmdir_ex(sftp, dir.constData(), unsigned(dir.size())); });
        if (again(rc))
            return blocked();
        if (rc < 0)
            return failWith(QStringLiteral("delete the folder"), dir);
        progressed = true;
        m_dirs.removeLast();
    }
    m_reply({});
    return Step::Finished;
}

// --- rename ----------------------------------------------------------------------------------------

SftpRenameOperation::SftpRenameOperation(QByteArray from, QByteArray to, std::function<void(Result<>)> reply)
    : m_from(std::move(from))
    , m_to(std::move(to))
    , m_reply(std::move(reply))
{}

Operation::Step SftpRenameOperation::run(LIBSSH2_SESSION *session, LIBSSH2_SFTP *sftp)
{
    if (!m_posixTried) {
        const int rc = exclusive(Request::Rename, [&] { return libssh2_sftp_posix_rename_ex(sftp, m_from.constData(), size_t(m_from.size()), m_to.constData(),
                                                    size_t(m_to.size())); });
        if (again(rc))
            return Step::Blocked;
        if (rc == 0) {
            m_reply({});
            return Step::Finished;
        }
        if (libssh2_session_last_errno(session) == LIBSSH2_ERROR_SFTP_PROTOCOL
            && libssh2_sftp_last_error(sftp) != LIBSSH2_FX_OP_UNSUPPORTED) {
            m_reply(failure(describe(session, QStringLiteral("rename"), m_from)));
            return Step::Finished;
        }
        m_posixTried = true; // the server lacks the extension: plain SFTP rename
    }
    const int rc = exclusive(Request::Rename, [&] { return libssh2_sftp_rename_ex(sftp, m_from.constData(), unsigned(m_from.size()), m_to.constData(),
                                          unsigned(m_to.size()),
                                          LIBSSH2_SFTP_RENAME_OVERWRITE | LIBSSH2_SFTP_RENAME_ATOMIC
                                              | LIBSSH2_SFTP_RENAME_NATIVE); });
    if (again(rc))
        return Step::Blocked;
    if (rc < 0)
        m_reply(failure(describe(session, QStringLiteral("rename"), m_from)));
    else
        m_reply({});
    return Step::Finished;
}

// --- streams ---------------------------------------------------------------------------------------

SftpTransferOperation::SftpTransferOperation(Direction direction, QString localPath, QByteArray remotePath,
                                             quint64 offset, qsizetype bufferSize, ResultRelay *progress,
                                             std::function<void(Result<quint64>)> reply)
    : m_direction(direction)
    , m_localPath(std::move(localPath))
    , m_remotePath(std::move(remotePath))
    , m_offset(offset)
    , m_bufferSize(std::max<qsizetype>(bufferSize, 32 * 1024))
    , m_progress(progress)
    , m_reply(std::move(reply))
    , m_local(m_localPath)
{}

Operation::Step SftpTransferOperation::finish(LIBSSH2_SESSION *session, const QString &error)
{
    if (m_error.isEmpty())
        m_error = error;
    m_closing = true;
    if (m_handle) {
        if (again(libssh2_sftp_close_handle(m_handle)))
            return Step::Blocked;
        m_handle = nullptr;
    }
    Q_UNUSED(session)
    m_local.close();
    if (m_error.isEmpty())
        m_reply(m_done);
    else
        m_reply(failure(m_error));
    return Step::Finished;
}

Operation::Step SftpTransferOperation::run(LIBSSH2_SESSION *session, LIBSSH2_SFTP *sftp)
{
    if (m_closing)
        return finish(session, {});
    if (!m_opened) {
        if (!m_local.isOpen()) {
            const bool upload = m_direction == Direction::Upload;
            const QIODevice::OpenMode mode = upload            ? QIODevice::ReadOnly
                                             : m_offset > 0    ? QIODevice::WriteOnly | QIODevice::Append
                                                               : QIODevice::WriteOnly | QIODevice::Truncate;
            if (!m_local.open(mode)) {
                m_reply(failure(QStringLiteral("Cannot %1 the local file '%2': %3.")
                                    .arg(upload ? QStringLiteral("read") : QStringLiteral("write"), m_localPath,
                                         m_local.errorString())));
                return Step::Finished;
            }
            if (upload) {
                m_total = quint64(m_local.size());
                if (m_offset > 0 && !m_local.seek(qint64(m_offset))) {
                    m_reply(failure(QStringLiteral("Cannot resume '%1' at byte %2.").arg(m_localPath).arg(m_offset)));
                    return Step::Finished;
                }
            }
        }
        const unsigned long flags = m_direction == Direction::Upload
                                        ? LIBSSH2_FXF_WRITE | LIBSSH2_FXF_CREAT | (m_offset == 0 ? LIBSSH2_FXF_TRUNC : 0)
                                        : LIBSSH2_FXF_READ;
        bool busy = false;
        m_handle = exclusiveOpen(session, &busy, [&] {
            return libssh2_sftp_open_ex(sftp, m_remotePath.constData(), unsigned(m_remotePath.size()), flags, 0644,
                                        LIBSSH2_SFTP_OPENFILE);
        });
        if (!m_handle) {
            if (busy || libssh2_session_last_errno(session) == LIBSSH2_ERROR_EAGAIN)
                return Step::Blocked;
            m_local.close();
            m_reply(failure(describe(session, m_direction == Direction::Upload ? QStringLiteral("write")
                                                                               : QStringLiteral("read"),
                                     m_remotePath)));
            return Step::Finished;
        }
        m_opened = true;
    }
    if (!m_sought) {
        if (m_direction == Direction::Download) {
            LIBSSH2_SFTP_ATTRIBUTES attributes = {};
            const int rc = exclusive(Request::Fstat, [&] { return libssh2_sftp_fstat_ex(m_handle, &attributes, 0); });
            if (again(rc))
                return Step::Blocked;
            if (rc == 0 && (attributes.flags & LIBSSH2_SFTP_ATTR_SIZE))
                m_total = attributes.filesize;
        }
        libssh2_sftp_seek64(m_handle, m_offset);
        m_done = m_offset;
        m_sought = true;
    }
    return m_direction == Direction::Upload ? upload(session) : download(session);
}

Operation::Step SftpTransferOperation::upload(LIBSSH2_SESSION *session)
{
    bool progressed = false;
    while (true) {
        // Keep bufferSize bytes in flight: refill behind the unacknowledged tail, compacting rarely.
        if (!m_localEnd && m_buffer.size() - m_position < m_bufferSize / 2) {
            if (m_position > 0) {
                m_buffer.remove(0, m_position);
                m_position = 0;
            }
            const qsizetype want = m_bufferSize - m_buffer.size();
            const qsizetype old = m_buffer.size();
            m_buffer.resize(old + want);
            const qint64 got = m_local.read(m_buffer.data() + old, want);
            if (got < 0)
                return finish(session, QStringLiteral("Cannot read the local file '%1': %2.")
                                           .arg(m_localPath, m_local.errorString()));
            m_buffer.resize(old + got);
            if (got == 0)
                m_localEnd = true;
        }
        if (m_position == m_buffer.size()) {
            if (m_localEnd)
                return finish(session, {});
            continue;
        }
        const ssize_t rc = libssh2_sftp_write(m_handle, m_buffer.constData() + m_position,
                                              size_t(m_buffer.size() - m_position));
        if (again(rc))
            return progressed ? Step::Progressed : Step::Blocked;
        if (rc < 0)
            return finish(session, describe(session, QStringLiteral("write"), m_remotePath));
        progressed = true;
        m_position += rc;
        m_done += quint64(rc);
        if (m_progress)
            Q_EMIT m_progress->progressed(m_done, m_total);
    }
}

Operation::Step SftpTransferOperation::download(LIBSSH2_SESSION *session)
{
    bool progressed = false;
    if (m_buffer.size() != m_bufferSize)
        m_buffer.resize(m_bufferSize);
    while (true) {
        const ssize_t rc = exclusive(Request::Read, [&] { return libssh2_sftp_read(m_handle, m_buffer.data(), size_t(m_buffer.size())); });
        if (again(rc))
            return progressed ? Step::Progressed : Step::Blocked;
        if (rc < 0)
            return finish(session, describe(session, QStringLiteral("read"), m_remotePath));
        if (rc == 0)
            return finish(session, {});
        progressed = true;
        if (m_local.write(m_buffer.constData(), rc) != rc)
            return finish(session, QStringLiteral("Cannot write the local file '%1': %2.")
                                       .arg(m_localPath, m_local.errorString()));
        m_done += quint64(rc);
        if (m_progress)
            Q_EMIT m_progress->progressed(m_done, m_total);
    }
}

} // namespace sshcore::detail
