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
};

} // namespace sshcore
