#include "sshcore/session/LibsshErrors.h"

#include <cstring>

namespace sshcore::detail {

QString libsshError(LIBSSH2_SESSION *session, const char *what)
{
    char *message = nullptr;
    int length = 0;
    const int code = libssh2_session_last_error(session, &message, &length, 0);
    QString detail = message && length > 0 ? QString::fromUtf8(message, length) : QString();
    if (detail.isEmpty())
        detail = QStringLiteral("error %1").arg(code);
    return QStringLiteral("%1: %2.").arg(QLatin1StringView(what), detail);
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
