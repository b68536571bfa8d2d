// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/transfers/ConflictPolicy.h"

#include "sshcore/RemotePath.h"
#include "sshcore/sftp/SftpClient.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <memory>

using sshcore::Result;
using sshcore::SftpEntry;

namespace app {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::TransferQueue)
};

constexpr int maxNumber = 1000;

ConflictPolicy::Outcome outcome(ConflictPolicy::Action action)
{
    ConflictPolicy::Outcome result;
    result.action = action;
    return result;
}

ConflictPolicy::Outcome skip(const QString &reason, bool complete = false)
{
    ConflictPolicy::Outcome result;
    result.action = ConflictPolicy::Action::Skip;
    result.reason = reason;
    result.complete = complete;
    return result;
}

} // namespace

ConflictPolicy::Outcome ConflictPolicy::decide(Conflict decision, const SftpEntry *existing,
                                               const TransferFile &file) const
{
    if (!existing)
        return outcome(Action::Write);
    if (decision == Conflict::Ask && m_remembered)
        decision = *m_remembered;
    switch (decision) {
    case Conflict::Ask: return outcome(Action::Ask);
    case Conflict::Skip: return skip(Tr::tr("Skipped: it exists at the destination."));
    case Conflict::OnlyIfNewer:
        if (existing->modified >= file.modified)
            return skip(Tr::tr("Skipped: the destination is as new or newer."));
        return outcome(Action::Write);
    case Conflict::KeepBoth: return outcome(Action::KeepBoth);
    case Conflict::Resume:
        if (file.symlink || existing->size > file.size)
            return outcome(Action::Write); // bigger than the source: not a partial copy of it
        if (existing->size == file.size)
            return skip(Tr::tr("Skipped: it is already complete at the destination."), true);
        {
            Outcome resume = outcome(Action::Resume);
            resume.resumeFrom = existing->size;
            return resume;
        }
    case Conflict::Overwrite: return outcome(Action::Write);
    }
    return outcome(Action::Write);
}

// At its length, unless that copy was written over several channels and stopped without being cut
// back (its mode says so): then only this queue knows how much of it is complete, and a copy from
// an earlier run starts again from zero.
quint64 ConflictPolicy::resumeOffset(const TransferFile &file, const SftpEntry *partial)
{
    if (!partial || partial->type != SftpEntry::Type::File || partial->size > file.size)
        return 0;
    const quint32 mode = partial->permissions & 07777;
    if (mode != sshcore::SftpTransferOptions::UnorderedPartialMode
        && mode != sshcore::SftpTransferOptions::UnorderedLocalMode)
        return partial->size;
    return file.attempts > 1 ? std::min(partial->size, file.done) : 0;
}

QString ConflictPolicy::numberedName(const QString &name, int number)
{
    qsizetype dot = name.indexOf(u'.', 1);
    if (dot < 0)
        dot = name.size();
    return QStringLiteral("%1 (%2)%3").arg(name.left(dot)).arg(number).arg(name.mid(dot));
}

QString ConflictPolicy::freeLocalName(const QString &localPath)
{
    const QFileInfo info(localPath);
    QString candidate;
    for (int number = 1; number <= maxNumber; ++number) {
        candidate = info.dir().filePath(numberedName(info.fileName(), number));
        if (!QFileInfo::exists(candidate) && !QFileInfo(candidate).isSymLink())
            break;
    }
    return candidate;
}

void ConflictPolicy::findFreeRemoteName(sshcore::SftpClient *sftp, const QByteArray &remotePath, QObject *context,
                                        std::function<void(const QByteArray &)> found)
{
    const QByteArray folder = sshcore::RemotePath::parent(remotePath);
    const QString name = QString::fromUtf8(sshcore::RemotePath::baseName(remotePath));
    // The function holds itself weakly; each request on its way holds it, so the chain lives until
    // its last answer (or until context goes, with the request).
    auto tryNumber = std::make_shared<std::function<void(int)>>();
    *tryNumber = [sftp, context, folder, name, found = std::move(found), weak = std::weak_ptr(tryNumber)](int number) {
        const QByteArray candidate = sshcore::RemotePath::join(folder, numberedName(name, number).toUtf8());
        sftp->stat(candidate, context, [number, candidate, found, self = weak.lock()](const Result<SftpEntry> &taken) {
            if (taken && number < maxNumber)
                (*self)(number + 1);
            else
                found(candidate);
        });
    };
    (*tryNumber)(1);
}

} // namespace app
