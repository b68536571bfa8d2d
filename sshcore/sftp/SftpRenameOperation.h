// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/sftp/SftpOperation.h"

namespace sshcore::detail {

// mv: renames over an existing target where the server can (see SftpOperation::sendRename).
class SftpRenameOperation : public SftpOperation
{
public:
    SftpRenameOperation(QByteArray from, QByteArray to, std::function<void(Result<>)> reply);

private:
    void start() override;
    void fail(const Error &why) override { m_reply(failure(why)); }
    QByteArray m_from;
    QByteArray m_to;
    std::function<void(Result<>)> m_reply;
};

} // namespace sshcore::detail
