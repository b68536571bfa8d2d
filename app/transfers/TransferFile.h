// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QString>

#include <atomic>
#include <memory>

namespace app {

struct TransferOptions
{
    // What to do when the destination already has a file of that name.
    enum class Conflict { Ask, Overwrite, Skip, Resume, KeepBoth, OnlyIfNewer };
    Conflict conflict = Conflict::Ask;
    bool verify = false;             // compare SHA-256 of both ends before the rename into place
    bool preserveTimes = true;       // modification time
    bool preservePermissions = true; // mode bits
    int parallelFiles = 32;          // files in flight at once, at most
    qsizetype bufferSize = 4 << 20;  // bytes in flight per file
    // Bytes in flight across the files of the queue: many small files at once, a few large ones
    // (what is in flight is held in memory).
    qint64 queueBytesInFlight() const { return 4 * qint64(bufferSize); }
};

enum class TransferFileState { Queued, Running, Done, Skipped, Failed };

// One file (or symbolic link) of a transfer job: where it comes from and goes, and how far it got.
// The scanners make them (on a worker thread for a local tree); the queue changes them.
struct TransferFile
{
    QString local;     // absolute local path
    QByteArray remote; // absolute remote path
    quint64 size = 0;
    qint64 modified = 0;
    quint32 permissions = 0644;
    bool symlink = false;
    TransferFileState state = TransferFileState::Queued;
    quint64 done = 0;        // bytes of this file at their destination
    quint64 transferred = 0; // bytes this run actually sent or received (a resumed file sends less)
    QString error;
    int attempts = 0;
    std::shared_ptr<std::atomic_bool> stop; // while it is being sent: set to stop it (pause, cancel)
    bool lookAgain = false;                 // ask the server about its destination, not the job's listing
};

} // namespace app
