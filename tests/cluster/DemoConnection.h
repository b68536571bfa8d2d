// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

// The app's own connection to the demo cluster, as the window makes it: the demo profile (alice),
// an empty ssh_config, and the given person answering questions.

#include "app/clusters/ClusterListModel.h"
#include "app/connections/ClusterConnection.h"
#include "app/demo/DemoCluster.h"

#include <QFile>
#include <QTest>

#include <memory>

namespace testsupport {

// Opens it and waits until it is connected (and, with scheduler, until the scheduler is known);
// a test checks state() == Connected afterwards, with message() saying why not.
inline std::unique_ptr<app::ClusterConnection> openDemoConnection(const app::DemoCluster &cluster,
                                                                  const QString &emptyConfigPath,
                                                                  sshcore::SshInteraction *person,
                                                                  bool scheduler = false)
{
    QFile config(emptyConfigPath);
    if (!config.open(QIODevice::WriteOnly))
        return nullptr;
    config.close();
    auto connection = std::make_unique<app::ClusterConnection>(app::ClusterListModel::demoProfile(cluster),
                                                               emptyConfigPath, person, nullptr);
    connection->open();
    const auto settled = [&] {
        const auto state = connection->state();
        if (state == sshcore::SshConnectionState::Failed)
            return true;
        return state == sshcore::SshConnectionState::Connected
               && (!scheduler || connection->schedulerClient()->isReady());
    };
    (void)QTest::qWaitFor(settled, 30000);
    return connection;
}

} // namespace testsupport
