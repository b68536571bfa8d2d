// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>
#include <QUuid>

#include <functional>

class QWidget;

namespace app {
class ProfileStore;
}

namespace ui {

// What an import or export came to: a line for the status bar, or a failure's title and message.
struct ClusterFilesOutcome
{
    QString status;
    QString errorTitle;
    QString error;
    QUuid added; // the first cluster an import added
};

// *Import Clusters from File…* and *Export Clusters…*: a file dialog opened without waiting (no
// nested event loop), then the store's import or export; done hears how it went (not if cancelled).
void importClustersFromFile(QWidget *parent, app::ProfileStore *store,
                            std::function<void(const ClusterFilesOutcome &)> done);
// *Import from SSH Config…*: the concrete hosts of the OpenSSH configuration at sshConfigPath offered
// in a dialog (opened without waiting); the chosen ones are added to the store.
void importClustersFromSshConfig(QWidget *parent, app::ProfileStore *store, const QString &sshConfigPath,
                                 std::function<void(const ClusterFilesOutcome &)> done);
void exportClustersToFile(QWidget *parent, app::ProfileStore *store,
                          std::function<void(const ClusterFilesOutcome &)> done);

} // namespace ui
