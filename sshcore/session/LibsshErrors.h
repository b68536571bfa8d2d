// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/Result.h"
#include "sshcore/SshConnectionSettings.h"

#include <QString>

#include <libssh2.h>

namespace sshcore::detail {

// "what failed: libssh2's own message" for the session's last error, with the kind its code means.
Error libsshError(LIBSSH2_SESSION *session, const char *what);

// The kind a libssh2 error code (LIBSSH2_ERROR_*) means to a program.
ErrorKind libssh2Kind(int code);

// "host port 22", as messages name a server.
QString where(const SshConnectionSettings &settings);

// strerror(error), for the user.
QString systemError(int error);

} // namespace sshcore::detail
