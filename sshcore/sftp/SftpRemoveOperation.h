// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/sftp/SftpOperation.h"

#include <optional>

namespace sshcore::detail {

// rm (-r): symbolic links are removed, never followed. Folders are listed several at a time and files
// removed many at a time.
class SftpRemoveOperation : public SftpOperation
{
public:
    SftpRemoveOperation(QByteArray path, bool recursive, std::function<void(Result<>)> reply);

private:
    void start() override;
    void fail(const Error &why) override { m_reply(failure(why)); }
    void listMore();
    void removeMore();
    void stopWith(const Error &error);
    void maybeDone();
    QByteArray m_root;
    bool m_recursive;
    QList<QByteArray> m_toList;
    int m_listing = 0;
    QList<QByteArray> m_files;
    QList<QList<QByteArray>> m_dirsByDepth; // folders found, by depth below the root
    int m_inFlight = 0;
    bool m_removingFolders = false;
    std::optional<Error> m_error;
    std::function<void(Result<>)> m_reply;
};

} // namespace sshcore::detail
