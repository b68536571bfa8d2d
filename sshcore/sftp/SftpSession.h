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

private:
    LIBSSH2_SFTP *m_sftp = nullptr;
    QString m_error;
};

} // namespace sshcore::detail
