// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/Result.h"

#include <functional>
#include <libssh2.h>

namespace sshcore::detail {

class SftpChannels;

// One piece of work multiplexed on a session (a command channel, an SFTP request, a tunnel), run
// by the session's worker thread. Every libssh2 call in it is non-blocking.
class Operation
{
public:
    enum class Step { Blocked, Progressed, Finished };

    virtual ~Operation() = default;

    // Whether this operation needs a channel slot (servers limit open channels per session).
    virtual bool needsChannel() const { return true; }

    // Advances as far as possible without blocking. Finished: it has reported its result.
    virtual Step step(LIBSSH2_SESSION *session) = 0;

    // The session is gone: report why. Must not touch libssh2.
    virtual void abandon(const Error &why) = 0;

    // Called once a second; may turn a timeout or a cancellation into work for step().
    virtual void tick() {}

    // Before the first step: the connection's SFTP channels, and a way to ask the worker to step
    // operations again (for operations that watch sockets of their own).
    virtual void bindSftp(SftpChannels *sftp) { Q_UNUSED(sftp) }
    virtual void bindWake(std::function<void()> wake) { Q_UNUSED(wake) }

    // The server refused to open a channel: the worker may retry when a slot frees up.
    bool refusedChannel = false;
};

} // namespace sshcore::detail
