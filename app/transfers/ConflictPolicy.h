// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/transfers/TransferFile.h"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace sshcore {
class SftpClient;
struct SftpEntry;
} // namespace sshcore

namespace app {

// What happens to a file whose destination is taken: the job's rule (or the answer remembered for
// the whole queue), applied to what is there; and the free "name (n)" for keeping both.
class ConflictPolicy
{
public:
    using Conflict = TransferOptions::Conflict;

    enum class Action {
        Ask,      // the person decides
        Skip,     // reason says why
        KeepBoth, // under the first free numbered name
        Resume,   // the existing file is a partial copy: continue it from resumeFrom
        Write,    // (again) from the start, or from a partial copy under the temporary name
    };
    struct Outcome
    {
        Action action = Action::Write;
        QString reason;         // Skip
        bool complete = false;  // Skip: the destination already is the whole file
        quint64 resumeFrom = 0; // Resume
    };

    // A later Ask gets this answer instead, for every job of the queue.
    void remember(Conflict decision) { m_remembered = decision; }

    // existing: what the destination holds, or null if nothing.
    Outcome decide(Conflict decision, const sshcore::SftpEntry *existing, const TransferFile &file) const;

    // Where an upload continues a remote partial copy left under the temporary name (null: none).
    static quint64 resumeOffset(const TransferFile &file, const sshcore::SftpEntry *partial);

    // "data.csv" → "data (1).csv"; "archive.tar.gz" → "archive (1).tar.gz"; ".bashrc" → ".bashrc
    // (1)".
    static QString numberedName(const QString &name, int number);
    // The first "name (n)" beside localPath that is free.
    static QString freeLocalName(const QString &localPath);
    // The same on the cluster (up to 1000 tries, one stat each), to found in context's thread.
    static void findFreeRemoteName(sshcore::SftpClient *sftp, const QByteArray &remotePath, QObject *context,
                                   std::function<void(const QByteArray &)> found);

private:
    std::optional<Conflict> m_remembered;
};

} // namespace app
