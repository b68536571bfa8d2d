// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/sftp/SftpOperation.h"

namespace sshcore::detail {

// ls: a folder's entries, without "." and "..".
class SftpListOperation : public SftpOperation
{
public:
    SftpListOperation(QByteArray path, std::function<void(Result<QList<SftpEntry>>)> reply);

private:
    void start() override;
    void fail(const Error &why) override { m_reply(failure(why)); }
    QByteArray m_path;
    std::function<void(Result<QList<SftpEntry>>)> m_reply;
};

} // namespace sshcore::detail
