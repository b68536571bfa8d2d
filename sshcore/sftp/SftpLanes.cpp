// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sshcore/sftp/SftpLanes.h"

#include <algorithm>

namespace sshcore::detail {

using namespace sftp;

bool SftpLanes::borrow(SftpChannels &channels)
{
    m_channels = &channels;
    for (int i = 0; i < SftpChannels::ExtraChannels; ++i) {
        SftpSession *channel = channels.borrow();
        if (!channel)
            break;
        Lane lane;
        lane.channel = channel;
        m_lanes.push_back(lane);
    }
    return !m_lanes.empty();
}

bool SftpLanes::open(LIBSSH2_SESSION *session, const QByteArray &remotePath, bool stop,
                     const std::function<void()> &changed)
{
    bool moved = false;
    for (int i = 0; i < int(m_lanes.size()); ++i) {
        Lane &lane = m_lanes[size_t(i)];
        if (lane.state != Lane::State::OpeningChannel)
            continue;
        if (stop) {
            drop(i);
            continue;
        }
        switch (lane.channel->open(session, &lane.attempt)) {
        case SftpSession::Status::Blocked: continue;
        case SftpSession::Status::Failed: // fewer lanes, not an error (the server may allow no more)
            drop(i);
            moved = true;
            continue;
        case SftpSession::Status::Ready: break;
        }
        moved = true;
        lane.state = Lane::State::OpeningFile;
        m_owner.sendOn(
            *lane.channel, Open, [&](PacketWriter &w) { w.string(remotePath).u32(OpenWrite).attributes({}); },
            [this, i, changed](const SftpOperation::Reply &reply) {
                Lane &opened = m_lanes[size_t(i)];
                if (reply.type != Handle) {
                    drop(i);
                } else {
                    opened.handle = reply.reader().string();
                    opened.state = Lane::State::Ready;
                }
                changed();
            });
    }
    return moved;
}

std::optional<int> SftpLanes::pick(qsizetype inFlight, qsizetype bufferSize) const
{
    qsizetype shared = inFlight;
    for (const Lane &lane : m_lanes)
        shared -= lane.inFlight;
    std::optional<int> best;
    qsizetype least = shared < bufferSize ? shared : bufferSize;
    if (shared < bufferSize)
        best = -1;
    for (int i = 0; i < int(m_lanes.size()); ++i) {
        const Lane &lane = m_lanes[size_t(i)];
        if (lane.state == Lane::State::Ready && lane.inFlight < bufferSize && (!best || lane.inFlight < least)) {
            best = i;
            least = lane.inFlight;
        }
    }
    return best;
}

void SftpLanes::close(const std::function<void()> &closed)
{
    for (int i = 0; i < int(m_lanes.size()); ++i) {
        Lane &lane = m_lanes[size_t(i)];
        if (lane.state == Lane::State::OpeningChannel) {
            drop(i);
        } else if (lane.state == Lane::State::Ready && lane.inFlight == 0) {
            lane.state = Lane::State::Closing;
            m_owner.sendOn(
                *lane.channel, Close, [&](PacketWriter &w) { w.string(lane.handle); },
                [this, i, closed](const SftpOperation::Reply &) {
                    drop(i);
                    closed();
                });
        }
    }
}

bool SftpLanes::done() const
{
    return std::ranges::all_of(m_lanes, [](const Lane &lane) { return lane.state == Lane::State::Done; });
}

void SftpLanes::dropAll()
{
    for (int i = 0; i < int(m_lanes.size()); ++i)
        drop(i);
}

void SftpLanes::drop(int index)
{
    Lane &lane = m_lanes[size_t(index)];
    if (lane.state == Lane::State::Done)
        return;
    lane.state = Lane::State::Done;
    m_channels->giveBack(lane.channel);
}

} // namespace sshcore::detail
