// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/files/RemoteTextFile.h"

#include "app/connections/ClusterConnection.h"
#include "app/transfers/TransferQueue.h"
#include "sshcore/RemotePath.h"
#include "sshcore/sftp/SftpClient.h"

#include <QDir>
#include <QFile>
#include <QLocale>
#include <QTemporaryDir>

namespace app {

namespace {

// The local copy gets the remote file's mode, which the transfer queue then gives the file it puts
// in place (it keeps modes). Only the rwx bits: QFile cannot set setuid, setgid or sticky, which
// mean nothing for a text file anyway.
QFile::Permissions localPermissions(quint32 mode)
{
    static constexpr std::pair<quint32, QFile::Permissions> Bits[] = {
        {0400, QFile::ReadOwner | QFile::ReadUser},
        {0200, QFile::WriteOwner | QFile::WriteUser},
        {0100, QFile::ExeOwner | QFile::ExeUser},
        {0040, QFile::ReadGroup},
        {0020, QFile::WriteGroup},
        {0010, QFile::ExeGroup},
        {0004, QFile::ReadOther},
        {0002, QFile::WriteOther},
        {0001, QFile::ExeOther},
    };
    QFile::Permissions permissions;
    for (const auto &[bit, permission] : Bits) {
        if (mode & bit)
            permissions |= permission;
    }
    return permissions;
}

} // namespace

RemoteTextFile::RemoteTextFile(ClusterConnection *connection, const QByteArray &path, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_path(path)
{}

RemoteTextFile::~RemoteTextFile() = default;

void RemoteTextFile::open()
{
    if (!m_connection || !m_connection->ssh()) {
        Q_EMIT openFailed(Problem::Unreadable, tr("Not connected to the cluster."));
        return;
    }
    auto sftp = std::make_shared<sshcore::SftpClient>(m_connection->ssh());
    sftp->stat(m_path, this, [this, sftp](const sshcore::Result<sshcore::SftpEntry> &entry) {
        if (!entry) {
            Q_EMIT openFailed(Problem::Unreadable, entry.error().message);
            return;
        }
        if (entry->size > quint64(EditableLimit)) {
            Q_EMIT openFailed(Problem::TooBig,
                              tr("%1 is %2: too big to edit here. Download it instead.")
                                  .arg(QString::fromUtf8(m_path), QLocale().formattedDataSize(qint64(entry->size))));
            return;
        }
        m_permissions = entry->permissions & 07777;
        m_folder = std::make_unique<QTemporaryDir>();
        if (!m_folder->isValid()) {
            Q_EMIT openFailed(Problem::Unreadable,
                              tr("Cannot make a temporary folder for a local copy: %1").arg(m_folder->errorString()));
            return;
        }
        // Named as on the cluster, so that the upload on saving lands on the same name.
        m_local = m_folder->filePath(QString::fromUtf8(sshcore::RemotePath::baseName(m_path)));
        sftp->download(m_path, m_local, {}, this, [this, sftp](const sshcore::Result<quint64> &done) {
            if (!done) {
                Q_EMIT openFailed(Problem::Unreadable, done.error().message);
                return;
            }
            QFile file(m_local);
            if (!file.open(QIODevice::ReadOnly)) {
                Q_EMIT openFailed(Problem::Unreadable, tr("Cannot read the local copy of %1: %2")
                                                           .arg(QString::fromUtf8(m_path), file.errorString()));
                return;
            }
            const QByteArray contents = file.readAll();
            if (contents.contains('\0')) {
                Q_EMIT openFailed(Problem::NotText,
                                  tr("%1 is not a text file. Download it to open it with another program.")
                                      .arg(QString::fromUtf8(m_path)));
                return;
            }
            Q_EMIT opened(contents);
        });
    });
}

void RemoteTextFile::save(const QByteArray &contents)
{
    if (m_saving)
        return;
    if (m_local.isEmpty()) {
        Q_EMIT saved(tr("the file was not opened"));
        return;
    }
    m_saving = true;
    // Writable by its owner while it is written (a read-only file's copy is made read-only again
    // below).
    QFile::setPermissions(m_local, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser);
    QFile out(m_local);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(contents) != contents.size()) {
        finishSave(tr("cannot write a local copy: %1").arg(out.errorString()));
        return;
    }
    out.close();
    if (!m_connection || !m_connection->ssh()) {
        finishSave(tr("not connected"));
        return;
    }
    // The mode as it is now: someone may have changed it (chmod +x) while the editor was open.
    sshcore::SftpClient(m_connection->ssh())
        .stat(m_path, this, [this](const sshcore::Result<sshcore::SftpEntry> &entry) {
            if (entry)
                m_permissions = entry->permissions & 07777;
            upload();
        });
}

void RemoteTextFile::upload()
{
    if (!QFile::setPermissions(m_local, localPermissions(m_permissions))) {
        finishSave(tr("cannot give the local copy the file's mode"));
        return;
    }
    QPointer<TransferQueue> transfers = m_connection ? m_connection->transfers() : nullptr;
    if (!transfers) {
        finishSave(tr("not connected"));
        return;
    }
    TransferOptions options;
    options.conflict = TransferOptions::Conflict::Overwrite; // it is this file, edited
    options.preservePermissions = true;
    const int id = transfers->upload(m_local, sshcore::RemotePath::parent(m_path), options);
    // Answered once: when the job finishes, or when the queue goes away first; then both watches
    // go.
    struct Watch
    {
        QMetaObject::Connection finished;
        QMetaObject::Connection gone;
        void end() const
        {
            QObject::disconnect(finished);
            QObject::disconnect(gone);
        }
    };
    auto watch = std::make_shared<Watch>();
    watch->finished = connect(transfers, &TransferQueue::jobFinished, this,
                              [this, transfers, id, watch](int finishedId) {
                                  if (finishedId != id || !transfers)
                                      return;
                                  watch->end();
                                  const TransferQueue::Job *job = transfers->job(id);
                                  QString error = job ? job->error : tr("the upload disappeared from the queue");
                                  if (job) {
                                      if (job->state == TransferQueue::JobState::Cancelled)
                                          error = tr("the upload was cancelled");
                                      for (const auto &file : job->files) {
                                          if (file.state == TransferQueue::FileState::Failed)
                                              error = file.error;
                                      }
                                  }
                                  finishSave(error);
                              });
    watch->gone = connect(transfers, &QObject::destroyed, this, [this, watch] {
        watch->end();
        finishSave(tr("the connection was closed before the file was saved"));
    });
}

void RemoteTextFile::finishSave(const QString &error)
{
    m_saving = false;
    Q_EMIT saved(error);
}

} // namespace app
