// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/sftp/SftpOperation.h"

namespace sshcore::detail {

// mkdir -p: every missing folder on the way, each with the mode given.
class SftpMakePathOperation : public SftpOperation
{
public:
    SftpMakePathOperation(QByteArray path, int mode, std::function<void(Result<>)> reply);

private:
    void start() override;
    void fail(const Error &why) override { m_reply(failure(why)); }
    void make(int index);
    QByteArray m_path;
    QList<QByteArray> m_prefixes;
    int m_mode;
    std::function<void(Result<>)> m_reply;
};

} // namespace sshcore::detail
