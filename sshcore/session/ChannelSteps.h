// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>

#include <libssh2.h>

namespace sshcore::detail {

// What every operation on its own session channel (a command, the persistent shell, a terminal)
// does the same way: opening the channel without blocking, and reading how its program ended.

enum class ChannelOpen {
    Opened,  // *channel is the new channel
    Again,   // would block: call again when the socket is ready
    Refused, // the server allows no more channels now (OpenSSH's MaxSessions): retry when one closes
    Failed,  // anything else: libssh2's last error says what
};
ChannelOpen openSessionChannel(LIBSSH2_SESSION *session, LIBSSH2_CHANNEL **channel);

// How the program of a closed channel ended: its exit status, or the signal that killed it ("TERM",
// "KILL"; the status is then -1, as there is none).
struct ChannelExit
{
    int status = -1;
    QString signal;
};
ChannelExit channelExit(LIBSSH2_SESSION *session, LIBSSH2_CHANNEL *channel);

} // namespace sshcore::detail
