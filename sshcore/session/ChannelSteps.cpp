// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sshcore/session/ChannelSteps.h"

namespace sshcore::detail {

ChannelOpen openSessionChannel(LIBSSH2_SESSION *session, LIBSSH2_CHANNEL **channel)
{
    *channel = libssh2_channel_open_session(session);
    if (*channel)
        return ChannelOpen::Opened;
    switch (libssh2_session_last_errno(session)) {
    case LIBSSH2_ERROR_EAGAIN: return ChannelOpen::Again;
    case LIBSSH2_ERROR_CHANNEL_FAILURE: return ChannelOpen::Refused;
    default: return ChannelOpen::Failed;
    }
}

ChannelExit channelExit(LIBSSH2_SESSION *session, LIBSSH2_CHANNEL *channel)
{
    ChannelExit exit;
    char *signal = nullptr;
    size_t signalLength = 0;
    if (libssh2_channel_get_exit_signal(channel, &signal, &signalLength, nullptr, nullptr, nullptr, nullptr) == 0
        && signal) {
        exit.signal = QString::fromLatin1(signal, qsizetype(signalLength));
        libssh2_free(session, signal);
    }
    // Killed by a signal: there is no exit status (libssh2 would say 0).
    exit.status = exit.signal.isEmpty() ? libssh2_channel_get_exit_status(channel) : -1;
    return exit;
}

} // namespace sshcore::detail
