// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sshcore/SshConnectionSettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <pwd.h>
#include <unistd.h>

namespace sshcore {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(sshcore::SshConnectionSettings)
};

} // namespace

namespace {
constexpr int maxJumpHops = 8;

Result<SshConnectionSettings> resolve(const SshConfig &config, const QString &target, int depth);

Result<QList<SshConnectionSettings>> resolveHops(const SshConfig &config, const QStringList &hops, int depth)
{
    QList<SshConnectionSettings> resolved;
    for (const QString &hop : hops) {
        auto jump = resolve(config, hop, depth + 1);
        if (!jump)
            return failure(jump.error().withMessage(Tr::tr("Jump host %1: %2").arg(hop, jump.error().message)));
        // A jump host's own jumps come first (OpenSSH chains them the same way).
        resolved += jump->jumpHosts;
        jump->jumpHosts.clear();
        resolved.append(*jump);
    }
    return resolved;
}

Result<SshConnectionSettings> resolve(const SshConfig &config, const QString &target, int depth)
{
    if (depth > maxJumpHops)
        return failure(Tr::tr("ProxyJump goes through more than %1 hosts; is it a loop?").arg(maxJumpHops));
    const auto endpoint = SshEndpoint::parse(target);
    if (!endpoint)
        return std::unexpected(endpoint.error());
    const QString localUser = SshConnectionSettings::localUserName();
    const SshHostConfig host = config.resolve(endpoint->host, localUser);

    SshConnectionSettings settings;
    settings.host = host.hostName;
    settings.user = !endpoint->user.isEmpty() ? endpoint->user : !host.user.isEmpty() ? host.user : localUser;
    settings.port = endpoint->port != 0 ? endpoint->port : host.port.value_or(22);
    settings.identitiesOnly = host.identitiesOnly;
    settings.identityFiles = host.identityFiles;
    if (settings.identityFiles.isEmpty()) {
        const QString ssh = QDir::homePath() + QStringLiteral("/.ssh/");
        for (const char *name : {"id_ed25519", "id_ecdsa", "id_rsa"}) {
            if (QFile::exists(ssh + QLatin1StringView(name)))
                settings.identityFiles.append(ssh + QLatin1StringView(name));
        }
    }
    if (host.connectTimeoutSeconds)
        settings.connectTimeoutSeconds = *host.connectTimeoutSeconds;
    if (host.serverAliveIntervalSeconds)
        settings.keepAliveIntervalSeconds = *host.serverAliveIntervalSeconds;
    if (host.serverAliveCountMax)
        settings.keepAliveCountMax = *host.serverAliveCountMax;
    settings.knownHostsFiles = host.userKnownHostsFiles;
    if (settings.knownHostsFiles.isEmpty())
        settings.knownHostsFiles = {QDir::homePath() + QStringLiteral("/.ssh/known_hosts")};
    if (host.strictHostKeyChecking)
        settings.strictHostKeyChecking = *host.strictHostKeyChecking;
    settings.algorithms = host.algorithms;
    auto jumps = resolveHops(config, host.proxyJump, depth);
    if (!jumps)
        return std::unexpected(jumps.error());
    settings.jumpHosts = *jumps;
    return settings;
}
} // namespace

QString SshConnectionSettings::displayName() const
{
    return QStringLiteral("%1@%2:%3").arg(user, host).arg(port);
}

Result<SshConnectionSettings> SshConnectionSettings::fromConfig(const SshConfig &config, const QString &target)
{
    return resolve(config, target, 0);
}

Result<QList<SshConnectionSettings>> SshConnectionSettings::resolveJumpHosts(const SshConfig &config,
                                                                             const QStringList &hops)
{
    return resolveHops(config, hops, 0);
}

QString SshConnectionSettings::localUserName()
{
    if (const passwd *entry = getpwuid(getuid()); entry && entry->pw_name)
        return QString::fromLocal8Bit(entry->pw_name);
    return qEnvironmentVariable("USER");
}

} // namespace sshcore
