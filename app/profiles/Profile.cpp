// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/profiles/Profile.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

namespace app {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::Profile)
};

} // namespace

namespace {

struct Name
{
    int value;
    const char *text;
};

constexpr Name authenticationNames[] = {{int(Profile::Authentication::Automatic), "automatic"},
                                        {int(Profile::Authentication::Agent), "agent"},
                                        {int(Profile::Authentication::KeyFile), "key-file"},
                                        {int(Profile::Authentication::Password), "password"},
                                        {int(Profile::Authentication::KeyboardInteractive), "keyboard-interactive"}};

constexpr Name schedulerNames[] = {{int(Profile::Scheduler::Unknown), "detect"},
                                   {int(Profile::Scheduler::Slurm), "slurm"},
                                   {int(Profile::Scheduler::Pbs), "pbs"},
                                   {int(Profile::Scheduler::Lsf), "lsf"},
                                   {int(Profile::Scheduler::GridEngine), "sge"},
                                   {int(Profile::Scheduler::None), "none"}};

template<std::size_t N>
QString nameOf(const Name (&names)[N], int value)
{
    for (const Name &name : names) {
        if (name.value == value)
            return QString::fromLatin1(name.text);
    }
    return QString::fromLatin1(names[0].text);
}

template<std::size_t N>
std::optional<int> valueOf(const Name (&names)[N], const QString &text)
{
    for (const Name &name : names) {
        if (text == QLatin1StringView(name.text))
            return name.value;
    }
    return std::nullopt;
}

} // namespace

QJsonObject Profile::toJson() const
{
    QJsonObject object{
        {QStringLiteral("id"), id.toString(QUuid::WithoutBraces)},
        {QStringLiteral("name"), name},
        {QStringLiteral("host"), host},
        {QStringLiteral("port"), int(port)},
        {QStringLiteral("user"), user},
        {QStringLiteral("authentication"), nameOf(authenticationNames, int(authentication))},
        {QStringLiteral("scheduler"), nameOf(schedulerNames, int(scheduler))},
    };
    const auto setIfAny = [&object](const char *key, const QString &value) {
        if (!value.isEmpty())
            object.insert(QLatin1StringView(key), value);
    };
    setIfAny("key_file", keyFile);
    setIfAny("remote_directory", remoteDirectory);
    setIfAny("default_partition", defaultPartition);
    setIfAny("default_account", defaultAccount);
    setIfAny("colour", colour);
    setIfAny("known_hosts_file", knownHostsFile);
    if (rememberSecrets)
        object.insert(QStringLiteral("remember_secrets"), true);
    if (demo)
        object.insert(QStringLiteral("demo"), true);
    if (!jumpHosts.isEmpty())
        object.insert(QStringLiteral("jump_hosts"), QJsonArray::fromStringList(jumpHosts));
    return object;
}

sshcore::Result<Profile> Profile::fromJson(const QJsonObject &object)
{
    Profile profile;
    profile.id = QUuid::fromString(object.value(QLatin1StringView("id")).toString());
    if (profile.id.isNull())
        profile.id = QUuid::createUuid();
    profile.name = object.value(QLatin1StringView("name")).toString().trimmed();
    profile.host = object.value(QLatin1StringView("host")).toString().trimmed();
    if (profile.host.isEmpty())
        return sshcore::failure(Tr::tr("the cluster \"%1\" has no host").arg(profile.name));
    if (profile.name.isEmpty())
        profile.name = profile.host;
    const int port = object.value(QLatin1StringView("port")).toInt(22);
    if (port < 1 || port > 65535)
        return sshcore::failure(Tr::tr("the cluster \"%1\" has an invalid port %2").arg(profile.name).arg(port));
    profile.port = quint16(port);
    profile.user = object.value(QLatin1StringView("user")).toString();
    profile.authentication = Authentication(
        valueOf(authenticationNames, object.value(QLatin1StringView("authentication")).toString())
            .value_or(int(Authentication::Automatic)));
    profile.scheduler = Scheduler(valueOf(schedulerNames, object.value(QLatin1StringView("scheduler")).toString())
                                      .value_or(int(Scheduler::Unknown)));
    profile.keyFile = object.value(QLatin1StringView("key_file")).toString();
    profile.remoteDirectory = object.value(QLatin1StringView("remote_directory")).toString();
    profile.defaultPartition = object.value(QLatin1StringView("default_partition")).toString();
    profile.defaultAccount = object.value(QLatin1StringView("default_account")).toString();
    profile.knownHostsFile = object.value(QLatin1StringView("known_hosts_file")).toString();
    profile.rememberSecrets = object.value(QLatin1StringView("remember_secrets")).toBool();
    profile.demo = object.value(QLatin1StringView("demo")).toBool();
    const QString colour = object.value(QLatin1StringView("colour")).toString();
    if (QRegularExpression(QStringLiteral("^#[0-9a-fA-F]{6}$")).match(colour).hasMatch())
        profile.colour = colour.toLower();
    for (const QJsonValue &hop : object.value(QLatin1StringView("jump_hosts")).toArray())
        profile.jumpHosts.append(hop.toString());
    return profile;
}

sshcore::Result<sshcore::SshConnectionSettings> Profile::connectionSettings(const sshcore::SshConfig &config) const
{
    sshcore::SshEndpoint endpoint{user, host, port};
    auto settings = sshcore::SshConnectionSettings::fromConfig(config, endpoint.toString());
    if (!settings)
        return settings;
    if (!keyFile.isEmpty())
        settings->identityFiles.prepend(keyFile);
    switch (authentication) {
    case Authentication::Agent: settings->identityFiles.clear(); break;
    case Authentication::KeyFile:
        settings->useAgent = false;
        settings->identityFiles = keyFile.isEmpty() ? settings->identityFiles : QStringList{keyFile};
        break;
    case Authentication::Password:
    case Authentication::KeyboardInteractive:
        settings->useAgent = false;
        settings->identityFiles.clear();
        break;
    case Authentication::Automatic: break;
    }
    if (!knownHostsFile.isEmpty())
        settings->knownHostsFiles = {knownHostsFile};
    if (!jumpHosts.isEmpty()) {
        auto jumps = sshcore::SshConnectionSettings::resolveJumpHosts(config, jumpHosts);
        if (!jumps)
            return std::unexpected(jumps.error());
        settings->jumpHosts = *jumps;
    }
    return settings;
}

QString Profile::schedulerName(Scheduler scheduler)
{
    switch (scheduler) {
    case Scheduler::Unknown: return QStringLiteral("Detect on connect");
    case Scheduler::Slurm: return QStringLiteral("Slurm");
    case Scheduler::Pbs: return QStringLiteral("PBS");
    case Scheduler::Lsf: return QStringLiteral("LSF");
    case Scheduler::GridEngine: return QStringLiteral("Grid Engine");
    case Scheduler::None: return QStringLiteral("None");
    }
    return {};
}

QString Profile::authenticationName(Authentication authentication)
{
    switch (authentication) {
    case Authentication::Automatic: return QStringLiteral("Automatic (as ssh does)");
    case Authentication::Agent: return QStringLiteral("SSH agent");
    case Authentication::KeyFile: return QStringLiteral("Key file");
    case Authentication::Password: return QStringLiteral("Password");
    case Authentication::KeyboardInteractive: return QStringLiteral("Keyboard-interactive (one-time codes)");
    }
    return {};
}

QString Profile::address() const
{
    QString text = user.isEmpty() ? host : QStringLiteral("%1@%2").arg(user, host);
    if (port != 22)
        text += QStringLiteral(":%1").arg(port);
    return text;
}

} // namespace app
