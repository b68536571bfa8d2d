// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/demo/DemoCluster.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

using sshcore::failure;
using sshcore::Result;

namespace app {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::DemoCluster)
};

} // namespace

namespace {

Result<quint16> portOf(const QJsonObject &object, QLatin1StringView key, const QString &origin)
{
    const int port = object.value(key).toObject().value(QLatin1StringView("port")).toInt(-1);
    if (port < 1 || port > 65535)
        return failure(Tr::tr("%1 gives no valid port for \"%2\".").arg(origin, key));
    return static_cast<quint16>(port);
}

QStringList toStringList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list.append(item.toString());
    return list;
}

} // namespace

const DemoCluster::User *DemoCluster::user(QStringView userName) const
{
    for (const User &candidate : users) {
        if (candidate.name == userName)
            return &candidate;
    }
    return nullptr;
}

Result<DemoCluster> DemoCluster::parse(QByteArrayView json, const QString &origin)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError)
        return failure(Tr::tr("%1 is not valid JSON (%2 at byte %3). Restart the demo cluster "
                              "with 'packaging/dev cluster start'.")
                           .arg(origin, error.errorString())
                           .arg(error.offset));
    if (!document.isObject())
        return failure(Tr::tr("%1 does not describe a cluster.").arg(origin));
    const QJsonObject root = document.object();

    const int format = root.value(QLatin1StringView("format")).toInt(0);
    if (format > supportedFormat)
        return failure(Tr::tr("%1 was written by a newer clusterdesk (format %2; this one "
                              "reads format %3). Update clusterdesk.")
                           .arg(origin)
                           .arg(format)
                           .arg(supportedFormat));
    if (format < 1)
        return failure(Tr::tr("%1 has no valid format number.").arg(origin));

    DemoCluster cluster;
    cluster.name = root.value(QLatin1StringView("name")).toString();
    cluster.hostname = root.value(QLatin1StringView("hostname")).toString();
    cluster.host = root.value(QLatin1StringView("host")).toString();
    if (cluster.host.isEmpty())
        return failure(Tr::tr("%1 names no host.").arg(origin));
    const auto login = portOf(root, QLatin1StringView("login"), origin);
    if (!login)
        return std::unexpected(login.error());
    cluster.loginPort = *login;
    const auto bastion = portOf(root, QLatin1StringView("bastion"), origin);
    if (!bastion)
        return std::unexpected(bastion.error());
    cluster.bastionPort = *bastion;
    cluster.dropbearPort = portOf(root, QLatin1StringView("dropbear"), origin).value_or(0);
    cluster.oldLoginPort = portOf(root, QLatin1StringView("old_login"), origin).value_or(0);
    cluster.hardenedLoginPort = portOf(root, QLatin1StringView("hardened_login"), origin).value_or(0);
    cluster.loginHostKeySha256 =
        root.value(QLatin1StringView("login")).toObject().value(QLatin1StringView("host_key_sha256")).toString();
    cluster.knownHostsPath = root.value(QLatin1StringView("known_hosts")).toString();

    const QJsonObject scheduler = root.value(QLatin1StringView("scheduler")).toObject();
    cluster.schedulerType = scheduler.value(QLatin1StringView("type")).toString();
    cluster.schedulerVersion = scheduler.value(QLatin1StringView("version")).toString();
    cluster.partitions = toStringList(scheduler.value(QLatin1StringView("partitions")));
    cluster.defaultPartition = scheduler.value(QLatin1StringView("default_partition")).toString();

    for (const QJsonValue &value : root.value(QLatin1StringView("users")).toArray()) {
        const QJsonObject object = value.toObject();
        User user;
        user.name = object.value(QLatin1StringView("name")).toString();
        if (user.name.isEmpty())
            return failure(Tr::tr("%1 lists a user without a name.").arg(origin));
        user.authMethods = toStringList(object.value(QLatin1StringView("auth")));
        user.keyPath = object.value(QLatin1StringView("key")).toString();
        user.password = object.value(QLatin1StringView("password")).toString();
        user.totpSecretHex = object.value(QLatin1StringView("totp_secret_hex")).toString();
        cluster.users.append(user);
    }
    if (cluster.users.isEmpty())
        return failure(Tr::tr("%1 lists no users.").arg(origin));
    cluster.runDir = root.value(QLatin1StringView("run_dir")).toString();
    cluster.logDir = root.value(QLatin1StringView("logs")).toString();
    return cluster;
}

Result<DemoCluster> DemoCluster::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (!file.exists())
            return failure(Tr::tr("The demo cluster is not running (%1 does not exist). "
                                  "Start it with 'packaging/dev cluster start'.")
                               .arg(QDir::toNativeSeparators(path)));
        return failure(Tr::tr("Cannot read %1: %2.").arg(QDir::toNativeSeparators(path), file.errorString()));
    }
    return parse(file.readAll(), QDir::toNativeSeparators(path));
}

QString DemoCluster::defaultFilePath()
{
    if (const QString file = qEnvironmentVariable("CLUSTERDESK_DEMO_FILE"); !file.isEmpty())
        return file;
    QString runDir = qEnvironmentVariable("CLUSTERDESK_RUN_DIR");
    if (runDir.isEmpty()) {
        QString cache = qEnvironmentVariable("CLUSTERDESK_CACHE");
        if (cache.isEmpty()) {
            QString xdgCache = qEnvironmentVariable("XDG_CACHE_HOME");
            if (xdgCache.isEmpty())
                xdgCache = QDir::homePath() + QStringLiteral("/.cache");
            cache = xdgCache + QStringLiteral("/clusterdesk");
        }
        runDir = cache + QStringLiteral("/run");
    }
    return runDir + QStringLiteral("/cluster.json");
}

} // namespace app
