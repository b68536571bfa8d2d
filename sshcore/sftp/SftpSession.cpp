#include "sshcore/sftp/SftpSession.h"

#include "sshcore/session/LibsshErrors.h"

#include <sys/stat.h>

namespace sshcore::detail {

SftpSession::Status SftpSession::open(LIBSSH2_SESSION *session)
{
    if (m_sftp)
        return Status::Ready;
    m_sftp = libssh2_sftp_init(session);
    if (m_sftp)
        return Status::Ready;
    if (libssh2_session_last_errno(session) == LIBSSH2_ERROR_EAGAIN)
        return Status::Blocked;
    m_error = libsshError(session, "The server refused the SFTP subsystem (is SFTP disabled there?)");
    return Status::Failed;
}

void SftpSession::close()
{
    if (m_sftp) {
        // Best effort without blocking; libssh2 frees the rest with the session.
        libssh2_sftp_shutdown(m_sftp);
        m_sftp = nullptr;
    }
}

void SftpSession::abandon()
{
    m_sftp = nullptr;
    m_error.clear();
}

unsigned long SftpSession::lastStatus() const
{
    return m_sftp ? libssh2_sftp_last_error(m_sftp) : 0;
}

QString SftpSession::describe(LIBSSH2_SESSION *session, const QString &what, const QByteArray &path) const
{
    QString reason;
    if (libssh2_session_last_errno(session) == LIBSSH2_ERROR_SFTP_PROTOCOL) {
        switch (lastStatus()) {
        case LIBSSH2_FX_NO_SUCH_FILE:
        case LIBSSH2_FX_NO_SUCH_PATH: reason = QStringLiteral("no such file or folder"); break;
        case LIBSSH2_FX_PERMISSION_DENIED: reason = QStringLiteral("permission denied"); break;
        case LIBSSH2_FX_FILE_ALREADY_EXISTS: reason = QStringLiteral("it already exists"); break;
        case LIBSSH2_FX_NO_SPACE_ON_FILESYSTEM: reason = QStringLiteral("no space left on the remote disk"); break;
        case LIBSSH2_FX_QUOTA_EXCEEDED: reason = QStringLiteral("your disk quota is exceeded"); break;
        case LIBSSH2_FX_DIR_NOT_EMPTY: reason = QStringLiteral("the folder is not empty"); break;
        case LIBSSH2_FX_NOT_A_DIRECTORY: reason = QStringLiteral("it is not a folder"); break;
        case LIBSSH2_FX_INVALID_FILENAME: reason = QStringLiteral("the name is not valid there"); break;
        case LIBSSH2_FX_WRITE_PROTECT: reason = QStringLiteral("the file system is read-only"); break;
        case LIBSSH2_FX_FAILURE:
            reason = QStringLiteral("the server reported a failure (for example a full disk, or a name that is "
                                    "too long)");
            break;
        default: reason = QStringLiteral("SFTP status %1").arg(lastStatus()); break;
        }
    } else {
        reason = libsshError(session, "SSH error");
    }
    return QStringLiteral("Cannot %1 '%2': %3.").arg(what, QString::fromUtf8(path), reason);
}

SftpEntry SftpSession::entryFrom(const QByteArray &name, const LIBSSH2_SFTP_ATTRIBUTES &attributes)
{
    SftpEntry entry;
    entry.name = name;
    if (attributes.flags & LIBSSH2_SFTP_ATTR_SIZE)
        entry.size = attributes.filesize;
    if (attributes.flags & LIBSSH2_SFTP_ATTR_ACMODTIME)
        entry.modified = qint64(attributes.mtime);
    if (attributes.flags & LIBSSH2_SFTP_ATTR_UIDGID) {
        entry.uid = quint32(attributes.uid);
        entry.gid = quint32(attributes.gid);
    }
    if (attributes.flags & LIBSSH2_SFTP_ATTR_PERMISSIONS) {
        entry.permissions = quint32(attributes.permissions & 07777);
        const unsigned long type = attributes.permissions & LIBSSH2_SFTP_S_IFMT;
        entry.type = type == LIBSSH2_SFTP_S_IFDIR   ? SftpEntry::Type::Directory
                     : type == LIBSSH2_SFTP_S_IFREG ? SftpEntry::Type::File
                     : type == LIBSSH2_SFTP_S_IFLNK ? SftpEntry::Type::Symlink
                                                    : SftpEntry::Type::Other;
    }
    return entry;
}

namespace {
// libssh2 also shares state across kinds (the last status, the pending-reply timer): every request
// but reading file data takes the one lock.
int lockOf(SftpSession::Request request)
{
    return request == SftpSession::Request::Read ? int(SftpSession::Request::Read) : 0;
}
} // namespace

bool SftpSession::claim(Request request, const void *owner)
{
    const void *&holder = m_owners[lockOf(request)];
    if (holder && holder != owner)
        return false;
    holder = owner;
    return true;
}

void SftpSession::release(Request request, const void *owner)
{
    if (m_owners[lockOf(request)] == owner)
        m_owners[lockOf(request)] = nullptr;
}

void SftpSession::releaseAll(const void *owner)
{
    for (const void *&holder : m_owners) {
        if (holder == owner)
            holder = nullptr;
    }
}

} // namespace sshcore::detail
