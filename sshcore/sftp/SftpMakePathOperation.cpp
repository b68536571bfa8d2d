// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sshcore/sftp/SftpMakePathOperation.h"

#include "sshcore/RemotePath.h"

#include <QCoreApplication>

namespace sshcore::detail {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(sshcore::SftpMakePathOperation)
};

} // namespace

using namespace sftp;

SftpMakePathOperation::SftpMakePathOperation(QByteArray path, int mode, std::function<void(Result<>)> reply)
    : m_path(std::move(path))
    , m_mode(mode)
    , m_reply(std::move(reply))
{
    QByteArray prefix = RemotePath::isAbsolute(m_path) ? QByteArray("/") : QByteArray();
    for (const QByteArray &part : m_path.split('/')) {
        if (part.isEmpty())
            continue;
        prefix = RemotePath::join(prefix, part);
        m_prefixes.append(prefix);
    }
}

void SftpMakePathOperation::start()
{
    if (m_prefixes.isEmpty()) {
        finish();
        m_reply({});
        return;
    }
    // Usually the folder exists, or only its last part is missing: look at it first.
    sendPath(Stat, m_prefixes.last(), [this](const Reply &reply) {
        if (reply.type == Attrs && reply.reader().attributes().type == SftpEntry::Type::Directory) {
            finish();
            m_reply({});
            return;
        }
        make(0);
    });
}

void SftpMakePathOperation::make(int index)
{
    if (index == m_prefixes.size()) {
        finish();
        m_reply({});
        return;
    }
    const QByteArray path = m_prefixes.at(index);
    sendPath(Stat, path, [this, index, path](const Reply &existing) {
        if (existing.type == Attrs) {
            if (existing.reader().attributes().type != SftpEntry::Type::Directory) {
                finish();
                m_reply(
                    failure(ErrorKind::Refused, Tr::tr("Cannot create the folder '%1': '%2' is a file, not a folder.")
                                                    .arg(QString::fromUtf8(m_path), QString::fromUtf8(path))));
                return;
            }
            make(index + 1);
            return;
        }
        send(
            Mkdir,
            [&](PacketWriter &w) {
                sftp::Attributes mode;
                mode.permissions = quint32(m_mode);
                w.string(path).attributes(mode);
            },
            [this, index, path](const Reply &made) {
                if (made.isStatus(Ok)) {
                    make(index + 1);
                    return;
                }
                // Someone else may have made it meanwhile (another file of the same tree).
                sendPath(Stat, path, [this, index, path, made](const Reply &again) {
                    if (again.type == Attrs && again.reader().attributes().type == SftpEntry::Type::Directory) {
                        make(index + 1);
                        return;
                    }
                    finish();
                    m_reply(failure(cannot(Tr::tr("Cannot create the folder '%1': %2."), path, made)));
                });
            });
    });
}

} // namespace sshcore::detail
