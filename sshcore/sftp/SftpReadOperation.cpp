// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sshcore/sftp/SftpReadOperation.h"

#include <QCoreApplication>

namespace sshcore::detail {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(sshcore::SftpReadOperation)
};

} // namespace

using namespace sftp;

SftpReadOperation::SftpReadOperation(QByteArray path, qint64 limit, std::function<void(Result<QByteArray>)> reply)
    : m_path(std::move(path))
    , m_limit(limit)
    , m_reply(std::move(reply))
{}

void SftpReadOperation::start()
{
    send(
        Open, [&](PacketWriter &w) { w.string(m_path).u32(OpenRead).attributes({}); },
        [this](const Reply &reply) {
            if (reply.type != Handle) {
                finish();
                m_reply(failure(cannot(Tr::tr("Cannot read '%1': %2."), m_path, reply)));
                return;
            }
            m_handle = reply.reader().string();
            readNext();
        });
}

void SftpReadOperation::readNext()
{
    const quint64 at = quint64(m_contents.size());
    send(
        Read, [&](PacketWriter &w) { w.string(m_handle).u64(at).u32(Chunk); },
        [this](const Reply &reply) {
            if (reply.isStatus(Eof))
                return close(m_contents);
            if (reply.type != Data)
                return close(failure(cannot(Tr::tr("Cannot read '%1': %2."), m_path, reply)));
            PacketReader reader = reply.reader();
            const QByteArray data = reader.string();
            if (reader.failed() || data.size() > qsizetype(Chunk))
                return close(failure(ErrorKind::Malformed, cannotMessage(Tr::tr("Cannot read '%1': %2."), m_path,
                                                                         Tr::tr("the server sent a malformed reply"))));
            if (data.isEmpty()) // a server that answers with nothing: the end
                return close(m_contents);
            if (m_contents.size() + data.size() > m_limit)
                return close(
                    failure(ErrorKind::Other, cannotMessage(Tr::tr("Cannot read '%1': %2."), m_path,
                                                            Tr::tr("it is larger than %1 bytes").arg(m_limit))));
            m_contents.append(data);
            readNext();
        });
}

void SftpReadOperation::close(Result<QByteArray> result)
{
    // The answer does not wait for the close: the handle goes either way, and a failed close of a
    // file only read changes nothing.
    send(Close, [this](PacketWriter &w) { w.string(m_handle); }, [](const Reply &) {});
    finish();
    m_reply(std::move(result));
}

} // namespace sshcore::detail
