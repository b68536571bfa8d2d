#pragma once

#include "sshcore/SshConnectionSettings.h"

#include <QString>

#include <libssh2.h>

namespace sshcore::detail {

// "what failed: libssh2's own message" for the session's last error.
QString libsshError(LIBSSH2_SESSION *session, const char *what);

// "host port 22", as messages name a server.
QString where(const SshConnectionSettings &settings);

// strerror(error), for the user.
QString systemError(int error);

} // namespace sshcore::detail
