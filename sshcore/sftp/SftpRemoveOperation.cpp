// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sshcore/sftp/SftpRemoveOperation.h"

#include "sshcore/RemotePath.h"

#include <QCoreApplication>

namespace sshcore::detail {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(sshcore::SftpRemoveOperation)
};

} // namespace

using namespace sftp;

namespace {
constexpr int ListingsAtOnce = 8;
constexpr int RemovalsAtOnce = 64;
} // namespace

SftpRemoveOperation::SftpRemoveOperation(QByteArray path, bool recursive, std::function<void(Result<>)> reply)
    : m_root(std::move(path))
    , m_recursive(recursive)
    , m_reply(std::move(reply))
{}

void SftpRemoveOperation::start()
{
    sendPath(Lstat, m_root, [this](const Reply &reply) {
        if (reply.type != Attrs) {
            finish();
            m_reply(failure(cannot(Tr::tr("Cannot delete '%1': %2."), m_root, reply)));
            return;
        }
        if (reply.reader().attributes().type == SftpEntry::Type::Directory) {
            m_dirsByDepth.append(QList<QByteArray>{m_root});
            if (m_recursive)
                m_toList.append(m_root);
        } else {
            m_files.append(m_root);
        }
        listMore();
    });
}

void SftpRemoveOperation::listMore()
{
    while (!m_error && !m_toList.isEmpty() && m_listing < ListingsAtOnce) {
        const QByteArray dir = m_toList.takeFirst();
        const int depth = int(dir.count('/') - m_root.count('/')) + 1;
        ++m_listing;
        listDirectory(dir, [this, dir, depth](const Result<QList<SftpEntry>> &entries) {
            --m_listing;
            if (!entries) {
                stopWith(entries.error());
                return;
            }
            for (const SftpEntry &entry : *entries) {
                const QByteArray path = RemotePath::join(dir, entry.name);
                if (entry.type == SftpEntry::Type::Directory) {
                    while (m_dirsByDepth.size() <= depth)
                        m_dirsByDepth.append(QList<QByteArray>());
                    m_dirsByDepth[depth].append(path);
                    m_toList.append(path);
                } else {
                    m_files.append(path); // files, and symbolic links themselves
                }
            }
            listMore();
        });
    }
    maybeDone();
}

void SftpRemoveOperation::removeMore()
{
    // Files first, many at a time; then folders, deepest level first, a whole level at once (folders
    // of one level do not contain each other), each level once the one below is gone.
    while (!m_error && m_inFlight < RemovalsAtOnce) {
        QByteArray path;
        quint8 type = Remove;
        if (!m_files.isEmpty()) {
            path = m_files.takeLast();
        } else if (m_inFlight > 0 && !m_removingFolders) {
            return; // folders wait for the files in them
        } else if (m_dirsByDepth.isEmpty()) {
            return;
        } else if (m_dirsByDepth.last().isEmpty()) {
            if (m_inFlight > 0)
                return; // this level is still going
            m_dirsByDepth.removeLast();
            continue;
        } else {
            path = m_dirsByDepth.last().takeLast();
            type = Rmdir;
            m_removingFolders = true;
        }
        ++m_inFlight;
        sendPath(type, path, [this, path, type](const Reply &reply) {
            --m_inFlight;
            if (!reply.isStatus(Ok)) {
                stopWith(cannot(type == Rmdir ? Tr::tr("Cannot delete the folder '%1': %2.")
                                              : Tr::tr("Cannot delete '%1': %2."),
                                path, reply));
                return;
            }
            maybeDone();
        });
    }
}

void SftpRemoveOperation::stopWith(const Error &error)
{
    if (!m_error)
        m_error = error;
    maybeDone();
}

void SftpRemoveOperation::maybeDone()
{
    if (finished() || m_listing > 0)
        return;
    if (m_error) {
        if (m_inFlight == 0) {
            finish();
            m_reply(failure(*m_error));
        }
        return;
    }
    if (!m_toList.isEmpty()) {
        listMore();
        return;
    }
    removeMore();
    if (m_files.isEmpty() && m_dirsByDepth.isEmpty() && m_inFlight == 0) {
        finish();
        m_reply({});
    }
}

} // namespace sshcore::detail
