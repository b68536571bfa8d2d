#pragma once

#include "sshcore/sftp/SftpEntry.h"

#include <QByteArray>
#include <QString>

#include <libssh2.h>
#include <libssh2_sftp.h>

namespace sshcore::detail {

// The connection's one SFTP subsystem channel, opened on first use and shared by every SFTP
// operation; reset when the session goes.
class SftpSession
{
public:
    enum class Status { Ready, Blocked, Failed };

    Status open(LIBSSH2_SESSION *session);
    LIBSSH2_SFTP *handle() const { return m_sftp; }
    QString error() const { return m_error; }
    void close();   // the session is still up
    void abandon(); // the session is gone

    // "Cannot <what> '<path>': <reason>." from the SFTP status of the last call.
    QString describe(LIBSSH2_SESSION *session, const QString &what, const QByteArray &path) const;
    unsigned long lastStatus() const;

    static SftpEntry entryFrom(const QByteArray &name, const LIBSSH2_SFTP_ATTRIBUTES &attributes);

    // libssh2 keeps one state per kind of request for the whole SFTP channel: a request of a kind must
    // run to its end (through every EAGAIN) before another operation starts one of that kind, or the
    // second would be answered with the first one's reply. Operations claim the kind first.
    enum class Request { Open, Stat, Fstat, Mkdir, Unlink, Rmdir, Rename, Symlink, Readdir, Read, Count };
    bool claim(Request request, const void *owner);
    void release(Request request, const void *owner);
    void releaseAll(const void *owner);

private:
    LIBSSH2_SFTP *m_sftp = nullptr;
    QString m_error;
    const void *m_owners[int(Request::Count)] = {};
};

} // namespace sshcore::detail
