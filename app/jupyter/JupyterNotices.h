#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

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
    QHash<QString, int> m_warnedAt; // session id → the last warning given (minutes left: 15 or 5)
    QTimer m_clock;
};

} // namespace app
