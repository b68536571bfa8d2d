// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/ProfileTargets.h"

#include "app/cli/RemoteCommands.h"
#include "app/clusters/ClusterListModel.h"
#include "app/demo/DemoCluster.h"
#include "app/profiles/ProfileStore.h"

#include <QFileInfo>
#include <QJsonObject>

#include <cstdio>

namespace cli {

namespace {

// The desktop app's profiles, or why they cannot be read (a missing file is no profile, no problem).
std::optional<QList<app::Profile>> loadProfiles()
{
    app::ProfileStore store(app::ProfileStore::desktopAppFilePath());
    if (const auto loaded = store.load(); !loaded) {
        printError(loaded.error().message);
        return std::nullopt;
    }
    if (store.isReadOnly()) {
        printError(store.problem());
        return std::nullopt;
    }
    return store.profiles();
}

} // namespace

std::optional<app::Profile> profileNamed(const QString &target)
{
    if (!QFileInfo::exists(app::ProfileStore::desktopAppFilePath()))
        return std::nullopt;
    const auto profiles = loadProfiles();
    if (!profiles)
        return std::nullopt;
    for (const app::Profile &profile : *profiles) {
        if (profile.name != target)
            continue;
        if (!profile.demo)
            return profile;
        // Like the app: the demo profile's address is the running demo cluster's, if it runs.
        const auto cluster = app::DemoCluster::load(app::DemoCluster::defaultFilePath());
        return cluster ? app::ClusterListModel::withDemoAddress(profile, *cluster) : profile;
    }
    return std::nullopt;
}

int profilesCommand(const QStringList &arguments)
{
    if (!arguments.isEmpty()) {
        printUsage(QStringLiteral("clusterdesk-cli profiles"));
        return 2;
    }
    const auto profiles = loadProfiles();
    if (!profiles)
        return 1;
    for (const app::Profile &profile : *profiles) {
        const QString jumps = profile.jumpHosts.isEmpty() ? QStringLiteral("-") : profile.jumpHosts.join(u',');
        // The scheduler as the file names it: slurm, pbs, lsf, sge, none, or detect (not yet known).
        const QString scheduler = profile.toJson().value(QLatin1StringView("scheduler")).toString();
        const QString line = QStringList{profile.name, profile.address(), jumps, scheduler}.join(u'\t');
        std::printf("%s\n", line.toLocal8Bit().constData());
    }
    return 0;
}

} // namespace cli
