// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/Result.h"

#include <QByteArray>
#include <QFuture>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>

namespace sshcore {
class SshConnection;
}

namespace app {

// Checks that a copy is the original: SHA-256 of both ends at once, the cluster's with sha256sum
// (over the connection, whose thread does the waiting) and this computer's on a small pool of
// worker threads of its own (a few files at a time, not a thread per file). Deleting the verifier
// stops the local hashes at their next read and drops every answer still to come.
class Sha256Verifier
{
public:
    using Done = std::function<void(const sshcore::Result<> &)>;

    explicit Sha256Verifier(sshcore::SshConnection *connection, int threads = 2);
    ~Sha256Verifier();

    // done (in context's thread, unless context is gone): success if both hashes agree, else why
    // not.
    void compare(const QString &localFile, const QByteArray &remoteFile, QObject *context, Done done);

    // The lowercase hex SHA-256 of a local file, empty if it cannot be read; stop ends it early.
    static QFuture<QByteArray> hashLocal(QThreadPool *pool, const QString &file,
                                         std::shared_ptr<std::atomic_bool> stop);

private:
    QPointer<sshcore::SshConnection> m_connection;
    std::shared_ptr<std::atomic_bool> m_closing = std::make_shared<std::atomic_bool>(false);
    QThreadPool m_pool; // last: its destruction waits for the hashes, which stop at once
};

} // namespace app
