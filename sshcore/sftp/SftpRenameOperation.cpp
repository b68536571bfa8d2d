// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sshcore/sftp/SftpRenameOperation.h"

#include <QCoreApplication>

namespace sshcore::detail {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(sshcore::SftpRenameOperation)
};

} // namespace

using namespace sftp;

SftpRenameOperation::SftpRenameOperation(QByteArray from, QByteArray to, std::function<void(Result<>)> reply)
    : m_from(std::move(from))
    , m_to(std::move(to))
    , m_reply(std::move(reply))
{}

void SftpRenameOperation::start()
{
    sendRename(m_from, m_to, [this](const Reply &reply) {
        finish();
        if (reply.isStatus(Ok))
            m_reply({});
        else
            m_reply(failure(cannot(Tr::tr("Cannot rename '%1': %2."), m_from, reply)));
    });
}

} // namespace sshcore::detail
