// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/transfers/TransferFile.h"
#include "app/transfers/TransferTotals.h"

#include <QFuture>
#include <QList>
#include <QString>

#include <atomic>
#include <memory>

class QThreadPool;

namespace app {

// What an upload sends: a local file, link or folder walked on a worker thread (a tree of a hundred
// thousand files takes seconds, which the window's thread must not wait for). Links are never
// followed, so a tree with a loop cannot make the walk go on for ever; devices, sockets and pipes
// are listed as skipped, with the reason.
class LocalTreeScan
{
public:
    struct Result
    {
        QString error;                       // the source is not there
        QList<TransferFile> files;           // remote paths under remoteDirectory
        QList<QByteArray> remoteDirectories; // to make, a parent before its children
        TransferTotals totals;               // of files
        bool stopped = false;                // stop was set: the rest is incomplete
    };

    // Walks localPath on pool; stop (checked between entries) ends it early.
    static QFuture<Result> start(QThreadPool *pool, const QString &localPath, const QByteArray &remoteDirectory,
                                 std::shared_ptr<std::atomic_bool> stop);

    // The walk itself, on the calling thread.
    static Result walk(const QString &localPath, const QByteArray &remoteDirectory, const std::atomic_bool &stop);
};

} // namespace app
