// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sshcore/SshCommand.h"

#include "sshcore/SshConnection.h"
#include "sshcore/session/ExecOperation.h"

#include <QCoreApplication>

namespace sshcore {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(sshcore::SshCommand)
};

} // namespace

SshCommand::SshCommand(SshConnection *connection, std::shared_ptr<detail::ExecShared> shared, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_shared(std::move(shared))
    , m_result(failure(ErrorKind::Other, Tr::tr("The command has not finished.")))
{}

SshCommand::~SshCommand()
{
    if (!m_finished)
        cancel();
}

void SshCommand::cancel()
{
    if (m_finished)
        return;
    m_shared->cancelled = true;
    if (m_connection)
        m_connection->wakeWorker();
}

void SshCommand::onStandardOutput(const QByteArray &data)
{
    m_collected.standardOutput += data;
    Q_EMIT standardOutputReady(data);
}

void SshCommand::onStandardError(const QByteArray &data)
{
    m_collected.standardError += data;
    Q_EMIT standardErrorReady(data);
}

void SshCommand::onFinished(int exitStatus, const QString &exitSignal, const sshcore::Error &error)
{
    if (m_finished)
        return;
    m_finished = true;
    if (!error.message.isEmpty()) {
        m_result = failure(error);
    } else {
        m_collected.exitStatus = exitStatus;
        m_collected.exitSignal = exitSignal;
        m_result = m_collected;
    }
    Q_EMIT finished();
}

} // namespace sshcore
