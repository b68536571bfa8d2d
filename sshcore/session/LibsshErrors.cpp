// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sshcore/session/LibsshErrors.h"

#include <cerrno>
#include <cstring>

namespace sshcore::detail {

Error libsshError(LIBSSH2_SESSION *session, const char *what)
{
    char *message = nullptr;
    int length = 0;
    const int code = libssh2_session_last_error(session, &message, &length, 0);
    QString detail = message && length > 0 ? QString::fromUtf8(message, length) : QString();
    if (detail.isEmpty())
        detail = QStringLiteral("error %1").arg(code);
    return {libssh2Kind(code), QStringLiteral("%1: %2.").arg(QLatin1StringView(what), detail)};
}

ErrorKind libssh2Kind(int code)
{
    switch (code) {
    case LIBSSH2_ERROR_SOCKET_NONE:
    case LIBSSH2_ERROR_BANNER_RECV:
    case LIBSSH2_ERROR_BANNER_SEND:
    case LIBSSH2_ERROR_SOCKET_SEND:
    case LIBSSH2_ERROR_SOCKET_DISCONNECT:
    case LIBSSH2_ERROR_SOCKET_RECV:
    case LIBSSH2_ERROR_BAD_SOCKET:
    case LIBSSH2_ERROR_CHANNEL_CLOSED:
    case LIBSSH2_ERROR_CHANNEL_EOF_SENT:
    case LIBSSH2_ERROR_KEX_FAILURE:
    case LIBSSH2_ERROR_DECRYPT:
    case LIBSSH2_ERROR_MAC_FAILURE:
    case LIBSSH2_ERROR_INVALID_MAC: return ErrorKind::LinkLost;
    case LIBSSH2_ERROR_TIMEOUT:
    case LIBSSH2_ERROR_SOCKET_TIMEOUT: return ErrorKind::TimedOut;
    case LIBSSH2_ERROR_CHANNEL_FAILURE:
    case LIBSSH2_ERROR_CHANNEL_REQUEST_DENIED:
    case LIBSSH2_ERROR_REQUEST_DENIED:
    case LIBSSH2_ERROR_AUTHENTICATION_FAILED:
    case LIBSSH2_ERROR_PUBLICKEY_UNVERIFIED:
    case LIBSSH2_ERROR_METHOD_NOT_SUPPORTED: return ErrorKind::Refused;
    case LIBSSH2_ERROR_PROTO:
    case LIBSSH2_ERROR_CHANNEL_PACKET_EXCEEDED:
    case LIBSSH2_ERROR_CHANNEL_WINDOW_EXCEEDED: return ErrorKind::Malformed;
    case LIBSSH2_ERROR_FILE: return ErrorKind::NotFound;
    default: return ErrorKind::Other;
    }
}

QString where(const SshConnectionSettings &settings)
{
    return QStringLiteral("%1 port %2").arg(settings.host).arg(settings.port);
}

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

} // namespace sshcore::detail
