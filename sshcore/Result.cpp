// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sshcore/Result.h"

#include <cerrno>

namespace sshcore {

ErrorKind errnoKind(int error)
{
    switch (error) {
    case ENOSPC:
    case EDQUOT:
    case EFBIG: return ErrorKind::NoSpace;
    case EACCES:
    case EPERM:
    case EROFS: return ErrorKind::PermissionDenied;
    case ENOENT:
    case ENOTDIR: return ErrorKind::NotFound;
    case ETIMEDOUT: return ErrorKind::TimedOut;
    case ECONNREFUSED: return ErrorKind::Refused;
    case ECONNRESET:
    case ECONNABORTED:
    case EPIPE:
    case ENETUNREACH:
    case EHOSTUNREACH:
    case ENETDOWN: return ErrorKind::LinkLost;
    default: return ErrorKind::Other;
    }
}

} // namespace sshcore
