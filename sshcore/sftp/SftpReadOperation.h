// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/sftp/SftpOperation.h"

namespace sshcore::detail {

// A small file read whole into memory (open, read in order to its end, close): for what must never
// touch the local disk, such as a server's connection file with its token. A file longer than limit
// is refused, not cut.
class SftpReadOperation : public SftpOperation
{
public:
    SftpReadOperation(QByteArray path, qint64 limit, std::function<void(Result<QByteArray>)> reply);

private:
    static constexpr quint32 Chunk = 32 * 1024;

    void start() override;
    void fail(const Error &why) override { m_reply(failure(why)); }
    void readNext();
    void close(Result<QByteArray> result);

    QByteArray m_path;
    qint64 m_limit;
    QByteArray m_handle;
    QByteArray m_contents;
    std::function<void(Result<QByteArray>)> m_reply;
};

} // namespace sshcore::detail
