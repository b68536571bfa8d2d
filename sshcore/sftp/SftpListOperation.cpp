// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sshcore/sftp/SftpListOperation.h"

namespace sshcore::detail {

SftpListOperation::SftpListOperation(QByteArray path, std::function<void(Result<QList<SftpEntry>>)> reply)
    : m_path(std::move(path))
    , m_reply(std::move(reply))
{}

void SftpListOperation::start()
{
    listDirectory(m_path, [this](const Result<QList<SftpEntry>> &entries) {
        finish();
        m_reply(entries);
    });
}

} // namespace sshcore::detail
