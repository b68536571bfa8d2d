// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/Result.h"

#include <QString>

namespace sshcore {

// The process-wide libssh2 library state. libssh2_init() is global and not thread-safe, so it is
// called exactly once, from here, before any session exists; libssh2_exit() runs at process exit.
class Libssh2Library
{
public:
    static Result<> initialize();

    // The version of the libssh2 actually loaded, and the one the headers came from.
    static QString runtimeVersion();
    static QString buildVersion();
    // Whether the linked libssh2 is the project's patched build (packaging/libssh2/) rather than the
    // system's: it hands the cipher whole spans of a packet, and frees everything it allocates with
    // the session's allocator (so sessions may keep their memory: SessionMemory).
    static bool patched();
};

} // namespace sshcore
