// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <chrono>

namespace app {

class JupyterManager;
class JupyterSession;
class Notifier;

// Tells the desktop about a cluster's Jupyter servers: ready (with an action to open it), 15 and 5
// minutes left, and how it ended. One notice per server, updated rather than stacked; the kinds a
// cluster muted are left out by the Notifier. Opening the browser is the window's business:
// openRequested says which server the person asked for.
class JupyterNotices : public QObject
{
    Q_OBJECT

public:
    static constexpr const char *OpenAction = "open";

    JupyterNotices(JupyterManager *manager, Notifier *notifier, QString cluster, QObject *parent = nullptr);

    void setCluster(const QString &cluster) { m_cluster = cluster; }
    // When to warn, as time left (15 and 5 minutes). A server that starts with less time than a warning
    // is not warned at that one: only when its time left crosses it while it runs.
    void setWarnings(const QList<std::chrono::seconds> &warnings) { m_warnings = warnings; }
    // The subject of a server's notices ("jupyter:<session id>").
    static QString subject(const JupyterSession &session);

Q_SIGNALS:
    void openRequested(app::JupyterSession *session);

private:
    void watch(JupyterSession *session);
    void stateChanged(JupyterSession *session);
    void checkTimeLeft();

    QPointer<JupyterManager> m_manager;
    QPointer<Notifier> m_notifier;
    QString m_cluster;
    struct Warned
    {
        qint64 firstSeenLeft = -1; // seconds left when the server was first seen ready
        qint64 lastGiven = -1;     // the last warning given (seconds), -1: none
    };
    QHash<QString, Warned> m_warned; // by session id
    QList<std::chrono::seconds> m_warnings{std::chrono::minutes(15), std::chrono::minutes(5)};
    QTimer m_clock;
};

} // namespace app
