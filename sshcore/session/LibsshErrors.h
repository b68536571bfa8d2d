#pragma once

#include <QString>

#include <libssh2.h>

namespace sshcore::detail {

// "what failed: libssh2's own message" for the session's last error.
QString libsshError(LIBSSH2_SESSION *session, const char *what);

} // namespace sshcore::detail
