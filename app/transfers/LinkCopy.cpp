// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/transfers/LinkCopy.h"

#include "sshcore/sftp/SftpClient.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <unistd.h>

using sshcore::Result;
using sshcore::SftpEntry;

namespace app {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::TransferQueue)
};

} // namespace

QByteArray LinkCopy::localTarget(const QString &path)
{
    QByteArray target(4096, Qt::Uninitialized);
    const ssize_t n = ::readlink(QFile::encodeName(path).constData(), target.data(), size_t(target.size()));
    if (n < 0 || n >= target.size())
        return {};
    target.truncate(n);
    return target;
}

void LinkCopy::upload(sshcore::SftpClient *sftp, const QString &localLink, const QByteArray &remotePath,
                      const SftpEntry *existing, QObject *context, Done done)
{
    const QByteArray target = localTarget(localLink);
    if (target.isEmpty()) {
        done(sshcore::failure(sshcore::ErrorKind::NotFound,
                              Tr::tr("Cannot read the link '%1' (it vanished?).").arg(localLink)));
        return;
    }
    if (existing && existing->type == SftpEntry::Type::Directory) {
        done(sshcore::failure(sshcore::ErrorKind::Refused, Tr::tr("A folder named '%1' is in the way of the link.")
                                                               .arg(QString::fromUtf8(remotePath))));
        return;
    }
    const auto make = [sftp, context, target, remotePath, done] { sftp->makeLink(target, remotePath, context, done); };
    if (!existing) {
        make();
        return;
    }
    sftp->remove(remotePath, false, context, [make, done](const Result<> &removed) {
        if (removed)
            make();
        else
            done(removed);
    });
}

void LinkCopy::download(sshcore::SftpClient *sftp, const QByteArray &remoteLink, const QString &localPath,
                        QObject *context, Done done)
{
    sftp->readLink(remoteLink, context, [localPath, done](const Result<QByteArray> &target) {
        if (!target) {
            done(sshcore::failure(target.error()));
            return;
        }
        const QFileInfo info(localPath);
        const QByteArray name = QFile::encodeName(localPath);
        if (info.isDir() && !info.isSymLink()) {
            done(sshcore::failure(sshcore::ErrorKind::Refused,
                                  Tr::tr("A folder named '%1' is in the way of the link.").arg(localPath)));
            return;
        }
        if ((info.exists() || info.isSymLink()) && ::unlink(name.constData()) != 0) {
            const int error = errno;
            done(sshcore::failure(sshcore::errnoKind(error),
                                  Tr::tr("Cannot replace '%1': %2.").arg(localPath, qt_error_string(error))));
            return;
        }
        if (::symlink(target->constData(), name.constData()) != 0) {
            const int error = errno;
            done(sshcore::failure(sshcore::errnoKind(error),
                                  Tr::tr("Cannot create the link '%1': %2.").arg(localPath, qt_error_string(error))));
            return;
        }
        done({});
    });
}

} // namespace app
