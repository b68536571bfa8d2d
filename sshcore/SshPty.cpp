// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sshcore/SshPty.h"

#include "sshcore/SshConnection.h"
#include "sshcore/session/PtyOperation.h"

#include <QMutexLocker>

namespace sshcore {

SshPty::SshPty(SshConnection *connection, std::shared_ptr<detail::PtyShared> shared, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_shared(std::move(shared))
{}

SshPty::~SshPty()
{
    if (!m_finished)
        close();
}

void SshPty::write(const QByteArray &data)
{
    if (m_finished || data.isEmpty())
        return;
    {
        const QMutexLocker locker(&m_shared->mutex);
        m_shared->input += data;
    }
    wake();
}

void SshPty::resize(int columns, int rows)
{
    if (m_finished || columns <= 0 || rows <= 0)
        return;
    {
        const QMutexLocker locker(&m_shared->mutex);
        m_shared->resize = detail::PtyShared::Size{columns, rows};
    }
    wake();
}

void SshPty::consumed(qint64 bytes)
{
    if (bytes <= 0)
        return;
    // Only a reader that frees a full window has a worker waiting for it: no wake per chunk.
    const qint64 before = m_shared->unconsumed.fetch_sub(bytes);
    if (before >= outputWindow() && !m_finished)
        wake();
}

void SshPty::close()
{
    if (m_finished)
        return;
    m_shared->closing = true;
    wake();
}

void SshPty::wake()
{
    if (m_connection)
        m_connection->wakeWorker();
}

void SshPty::onStarted()
{
    m_started = true;
    Q_EMIT started();
}

void SshPty::onOutput(const QByteArray &data)
{
    Q_EMIT outputReady(data);
}

void SshPty::onFinished(int exitStatus, const QString &exitSignal, const sshcore::Error &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_exitStatus = exitStatus;
    m_error = error;
    Q_EMIT finished(exitStatus, exitSignal, error);
}

} // namespace sshcore
