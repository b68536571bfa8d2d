// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/Result.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>

#include <memory>

namespace sshcore {

class SshConnection;
namespace detail {
struct ExecShared;
}

struct CommandResult
{
    int exitStatus = 0;
    QString exitSignal; // "TERM" if the command was killed by a signal
    QByteArray standardOutput;
    QByteArray standardError;
};

// One command running on a connection. Lives in the thread that asked for it; output streams in
// through the signals, and finished() comes exactly once. Deleting it abandons the result (the
// remote command is cancelled).
class SshCommand : public QObject
{
    Q_OBJECT

public:
    ~SshCommand() override;

    void cancel();
    bool isFinished() const { return m_finished; }
    // Valid once finished: the exit status and output, or why the command did not run to its end.
    const Result<CommandResult> &result() const { return m_result; }

Q_SIGNALS:
    void standardOutputReady(const QByteArray &chunk);
    void standardErrorReady(const QByteArray &chunk);
    void finished();

private:
    friend class SshConnection;
    SshCommand(SshConnection *connection, std::shared_ptr<detail::ExecShared> shared, QObject *parent);

    void onStandardOutput(const QByteArray &data);
    void onStandardError(const QByteArray &data);
    void onFinished(int exitStatus, const QString &exitSignal, const sshcore::Error &error);

    QPointer<SshConnection> m_connection;
    std::shared_ptr<detail::ExecShared> m_shared;
    CommandResult m_collected;
    Result<CommandResult> m_result;
    bool m_finished = false;
};

} // namespace sshcore
