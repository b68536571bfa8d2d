// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

// What the tests against the demo cluster share: connection settings for one of its users, a
// connection as one of them, waiting for a callback-style call, running a command, and small file
// helpers.

#include "app/demo/DemoCluster.h"
#include "app/schedulers/SchedulerClient.h"
#include "sshcore/Result.h"
#include "sshcore/SshCommand.h"
#include "sshcore/SshConnection.h"
#include "sshcore/SshConnectionSettings.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <chrono>
#include <memory>
#include <optional>

namespace testsupport {

// user logs in to the login node with their key; the host key must be the one the demo published.
inline sshcore::SshConnectionSettings demoSettings(const app::DemoCluster &cluster, const QString &user)
{
    sshcore::SshConnectionSettings settings;
    settings.host = cluster.host;
    settings.port = cluster.loginPort;
    settings.user = user;
    settings.useAgent = false;
    if (const auto *account = cluster.user(user); account && !account->keyPath.isEmpty())
        settings.identityFiles = {account->keyPath};
    settings.knownHostsFiles = {cluster.knownHostsPath};
    settings.strictHostKeyChecking = sshcore::StrictHostKeyChecking::Yes;
    return settings;
}

// Waits for one callback-style call (start(context, callback)) and returns its result.
template<typename T, typename Start>
sshcore::Result<T> await(Start start)
{
    std::optional<sshcore::Result<T>> result;
    QObject context;
    start(&context, [&result](const sshcore::Result<T> &r) { result = r; });
    (void)QTest::qWaitFor([&result] { return result.has_value(); }, 120000);
    return result ? *result : sshcore::Result<T>(sshcore::failure(QStringLiteral("no answer within 120 s")));
}

// Opens a connection with settings and waits until it is up or has failed (the caller checks which).
inline std::unique_ptr<sshcore::SshConnection> connectWith(const sshcore::SshConnectionSettings &settings,
                                                           sshcore::SshInteraction *interaction, int timeoutMs = 30000)
{
    auto connection = std::make_unique<sshcore::SshConnection>(settings, interaction);
    connection->open();
    (void)QTest::qWaitFor(
        [&] {
            return connection->state() == sshcore::SshConnectionState::Connected
                   || connection->state() == sshcore::SshConnectionState::Failed;
        },
        timeoutMs);
    return connection;
}

// Opens a connection as user and waits until it is up or has failed (the caller checks which).
inline std::unique_ptr<sshcore::SshConnection> connectAs(const app::DemoCluster &cluster, const QString &user,
                                                         sshcore::SshInteraction *interaction)
{
    return connectWith(demoSettings(cluster, user), interaction);
}

// Runs a command on the connection (on a channel of its own) and waits up to a minute for it.
inline sshcore::Result<sshcore::CommandResult> runAndWait(sshcore::SshConnection &connection,
                                                          const QList<QByteArray> &arguments,
                                                          const sshcore::SshCommandOptions &options = {})
{
    std::unique_ptr<sshcore::SshCommand> command(connection.run(arguments, options));
    QSignalSpy finished(command.get(), &sshcore::SshCommand::finished);
    if (!finished.wait(60000))
        return sshcore::failure(QStringLiteral("the command did not finish within 60 s"));
    return command->result();
}

// What the command printed, or "ERROR: " and why it did not run.
inline QByteArray outputOf(sshcore::SshConnection &connection, const QList<QByteArray> &arguments)
{
    const auto result = runAndWait(connection, arguments);
    return result ? result->standardOutput : "ERROR: " + result.error().message.toUtf8();
}

// Runs a command line through the client (on a channel of its own) and waits for it. A command
// that could not run gives exit status -1, with a warning that says why.
inline sshcore::CommandResult runCommand(app::SchedulerClient &client, const QByteArray &commandLine)
{
    using namespace std::chrono_literals;
    const auto result = await<sshcore::CommandResult>(
        [&](QObject *context, auto done) { client.runCommand(commandLine, false, 60s, context, done); });
    if (!result)
        qWarning("%s", qPrintable(result.error().message));
    return result.value_or(sshcore::CommandResult{-1, {}, {}, {}});
}

// Waits until accounting has the job finished (asking every pollMs), and returns its record.
inline std::optional<app::JobAccounting> finishedRecord(app::SchedulerClient &client, const QString &id,
                                                        int timeoutMs = 120000, int pollMs = 500)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        const auto history = await<QList<app::JobAccounting>>(
            [&](QObject *context, auto done) { client.history({}, {id}, context, done); });
        for (const app::JobAccounting &job : history ? *history : QList<app::JobAccounting>()) {
            if (job.id == id && app::isFinished(job.state))
                return job;
        }
        QTest::qWait(pollMs);
    }
    return std::nullopt;
}

// Whether a spy on SshConnection::stateChanged saw the connection in state.
inline bool sawState(const QList<QList<QVariant>> &changes, sshcore::SshConnectionState state)
{
    for (const QList<QVariant> &change : changes) {
        if (change.at(0).value<sshcore::SshConnectionState>() == state)
            return true;
    }
    return false;
}

inline QByteArray randomBytes(qsizetype size)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(data.data()), size / 4);
    return data;
}

inline bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace testsupport
