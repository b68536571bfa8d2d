// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/Result.h"
#include "sshcore/session/Operation.h"
#include "sshcore/sftp/SftpEntry.h"
#include "sshcore/sftp/SftpSession.h"

#include <QByteArray>
#include <QList>

#include <functional>
#include <memory>

namespace sshcore::detail {

// Base of the SFTP operations. Each waits for the shared SFTP channel, then sends its requests and
// reacts to their replies, which SftpSession::pump() delivers; it is finished once it has reported.
// Any number run at once: the channel carries their requests interleaved.
class SftpOperation : public Operation
{
public:
    bool needsChannel() const override { return false; }
    void bindSftp(SftpChannels *channels) override
    {
        m_channels = channels;
        m_sftp = &channels->shared();
    }
    Step step(LIBSSH2_SESSION *session) final;
    void abandon(const Error &why) final;

    using Reply = sftp::Reply;
    using Fill = std::function<void(sftp::PacketWriter &)>;

    // Sends a request on another of the connection's channels; handler runs with its reply unless
    // this operation has been destroyed by then.
    void sendOn(SftpSession &channel, quint8 type, const Fill &fill, std::function<void(const Reply &)> handler);

protected:
    virtual void start() = 0;                // sends the first requests
    virtual void fail(const Error &why) = 0; // reports why it could not be done
    // After start, on each step: work that needs libssh2 itself (opening a channel). True if it moved.
    virtual bool advance(LIBSSH2_SESSION *session)
    {
        Q_UNUSED(session)
        return false;
    }

    // Sends a request on the shared channel.
    void send(quint8 type, const Fill &fill, std::function<void(const Reply &)> handler);
    // One request naming a path (stat, mkdir, remove ...).
    void sendPath(quint8 type, const QByteArray &path, std::function<void(const Reply &)> handler);
    // Renames over an existing target: atomically where the server has posix-rename@openssh.com (plain
    // SFTP rename refuses an existing target).
    void sendRename(const QByteArray &from, const QByteArray &to, std::function<void(const Reply &)> handler);
    // The whole listing of a folder, without "." and "..".
    void listDirectory(const QByteArray &path, std::function<void(Result<QList<SftpEntry>>)> done);
    void finish() { m_finished = true; } // call right before reporting
    bool finished() const { return m_finished; }
    SftpSession &session() { return *m_sftp; }
    SftpChannels &channels() { return *m_channels; }

private:
    SftpChannels *m_channels = nullptr;
    SftpSession *m_sftp = nullptr;
    quint64 m_attempt = 0;
    bool m_started = false;
    bool m_finished = false;
    std::shared_ptr<int> m_alive = std::make_shared<int>(0);
};

// One request, one reply, turned into a result by parse.
template<typename T>
class SftpRequestOperation : public SftpOperation
{
public:
    using Parse = std::function<Result<T>(const sftp::Reply &)>;
    SftpRequestOperation(quint8 type, Fill fill, Parse parse, std::function<void(Result<T>)> reply)
        : m_type(type)
        , m_fill(std::move(fill))
        , m_parse(std::move(parse))
        , m_reply(std::move(reply))
    {}

private:
    void start() override
    {
        send(m_type, m_fill, [this](const sftp::Reply &reply) {
            finish();
            m_reply(m_parse(reply));
        });
    }
    void fail(const Error &why) override { m_reply(failure(why)); }
    quint8 m_type;
    Fill m_fill;
    Parse m_parse;
    std::function<void(Result<T>)> m_reply;
};

} // namespace sshcore::detail
