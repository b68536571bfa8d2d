// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/sftp/SftpOperation.h"

#include <QByteArray>

#include <functional>
#include <optional>
#include <vector>

namespace sshcore::detail {

// The extra channels a large upload borrows from the connection ("lanes"), each with the same remote
// file open on it, so that its writes are spread over the shared channel and these (on a link with a
// long round trip one channel's window limits the speed). A lane the server refuses is dropped:
// fewer lanes, never an error.
class SftpLanes
{
public:
    struct Lane
    {
        enum class State { OpeningChannel, OpeningFile, Ready, Closing, Done };
        SftpSession *channel = nullptr;
        quint64 attempt = 0;
        State state = State::OpeningChannel;
        QByteArray handle;
        qsizetype inFlight = 0;
    };

    // owner sends the lanes' requests (they are dropped with it).
    explicit SftpLanes(SftpOperation &owner)
        : m_owner(owner)
    {}

    // Borrows as many channels as the connection lends; false if none.
    bool borrow(SftpChannels &channels);
    bool empty() const { return m_lanes.empty(); }

    // Opens the borrowed channels, then remotePath on each (already created by the shared channel).
    // With stop set, lanes not yet open are dropped instead. changed runs after each file's open is
    // answered. True if anything moved.
    bool open(LIBSSH2_SESSION *session, const QByteArray &remotePath, bool stop, const std::function<void()> &changed);

    // Where the next write goes, given the bytes in flight on all channels together: -1 for the
    // shared channel, a lane's index, or nothing while every channel holds bufferSize.
    std::optional<int> pick(qsizetype inFlight, qsizetype bufferSize) const;
    Lane &at(int index) { return m_lanes[size_t(index)]; }

    // Closes each lane whose writes are all answered (the file is complete or has failed); closed runs
    // after each close is answered.
    void close(const std::function<void()> &closed);
    // Every lane closed or dropped.
    bool done() const;
    // Gives every channel back at once (the operation failed).
    void dropAll();

private:
    void drop(int index);

    SftpOperation &m_owner;
    SftpChannels *m_channels = nullptr;
    std::vector<Lane> m_lanes;
};

} // namespace sshcore::detail
