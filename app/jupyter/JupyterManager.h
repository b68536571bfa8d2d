// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/jupyter/JupyterSession.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

namespace app {

class ClusterConnection;
class SchedulerClient;

// Servers submitted earlier on a cluster (from this or another run of the app, or the command line)
// whose job is still queued or running: the records beside them (session.json under
// ~/.clusterdesk/jupyter) read over SFTP, each job asked about. found runs once, in context's thread.
// The folder of a server that ended more than a month ago is removed on the way.
void findJupyterServers(sshcore::SshConnection *ssh, SchedulerClient *client, QObject *context,
                        std::function<void(const QList<JupyterSession::Record> &alive)> found);

// A cluster's Jupyter servers: those started here, and those found on the cluster when the
// connection is (re)established (a record beside each job, written when it was submitted, from this
// or an earlier run of the app). Several at once; an ended one stays listed until forgotten, so its
// diagnosis can be read. Made by and lives as long as its ClusterConnection.
class JupyterManager : public QObject
{
    Q_OBJECT

public:
    explicit JupyterManager(ClusterConnection *connection);

    QList<JupyterSession *> sessions() const;
    // Submits a new server.
    JupyterSession *start(const JupyterSettings &settings);
    // Drops an ended session from the list (its files stay on the cluster).
    void forget(JupyterSession *session);
    // Looks for servers on the cluster now (done by itself each time the connection becomes ready).
    void discover();

Q_SIGNALS:
    void sessionAdded(app::JupyterSession *session);
    void sessionRemoved(app::JupyterSession *session);
    // A search of the cluster finished (found: how many running or queued servers were new).
    void discovered(int found);

private:
    void add(JupyterSession *session);
    bool knows(const QString &sessionId) const;

    QPointer<ClusterConnection> m_connection;
    QList<QPointer<JupyterSession>> m_sessions;
    bool m_wasReady = false;
    bool m_discovering = false;
};

} // namespace app
