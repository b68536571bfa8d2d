// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QMainWindow>
#include <QMessageBox>
#include <QPointer>
#include <QUuid>

class QAction;
class QLabel;
class QMenu;
class QSplitter;
class QStackedWidget;

namespace app {
class ClusterListModel;
class Keyring;
class ProfileStore;
} // namespace app

namespace ui {

class AreaTabs;
class FilesArea;
class JobsArea;
class JupyterArea;
class TerminalArea;
class MonitorArea;
struct ClusterFilesOutcome;
class DesktopNotifier;
class TrayIcon;
class ClusterPanel;
class ClusterSidebar;
class GuiInteraction;
class WelcomeView;

// The main window: clusters on the side; on the right, the selected cluster's connection and its
// work areas (Files, Jobs, Monitor, Jupyter), or the welcome view while there is no cluster yet.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    struct Options
    {
        QString demoConnectionFile; // where the local demo cluster's connection file appears
        QString sshConfigPath;      // empty: ~/.ssh/config
    };

    // keyring may be null (secrets are then never remembered).
    MainWindow(app::ProfileStore *store, app::Keyring *keyring, Options options, QWidget *parent = nullptr);
    ~MainWindow() override;

    app::ClusterListModel *clusters() const { return m_clusters; }
    AreaTabs *areas() const { return m_areas; }
    ClusterSidebar *sidebar() const { return m_sidebar; }
    ClusterPanel *panel() const { return m_panel; }
    WelcomeView *welcome() const { return m_welcome; }

    // Looks for the demo cluster and ~/.ssh/config hosts again.
    void refresh();
    void showAbout();

    void addCluster();
    void importFromSshConfig();
    void showOutcome(const ClusterFilesOutcome &outcome);
    void tryDemoCluster();
    void connectCluster(const QUuid &id);
    void disconnectCluster(const QUuid &id);
    void editCluster(const QUuid &id);
    void cloneCluster(const QUuid &id);
    void renameCluster(const QUuid &id);
    void deleteCluster(const QUuid &id);
    // Opens job scripts on this computer in the Jobs area's editor (`clusterdesk FILE...`, or a
    // second clusterdesk handing them over), with or without a cluster; no paths: just comes to the
    // front. A file that cannot be read is said in a box over the window.
    void openJobScripts(const QStringList &paths);

protected:
    void closeEvent(QCloseEvent *event) override;

public:
    FilesArea *filesArea() const { return m_files; }
    JobsArea *jobsArea() const { return m_jobs; }
    MonitorArea *monitorArea() const { return m_monitor; }
    JupyterArea *jupyterArea() const { return m_jupyter; }
    TerminalArea *terminalArea() const { return m_terminals; }
    // Desktop notices (for the areas: Jobs, Jupyter), and the tray icon that keeps watching.
    DesktopNotifier *notifier() const { return m_notifier; }
    TrayIcon *tray() const { return m_tray; }
    // Which notices the cluster gives (a dialog).
    void editNotifications(const QUuid &id);

private Q_SLOTS:
    // A line in the status bar for a while (the areas' messages).
    void showMessage(const QString &text);

private:
    void createActions();
    // The Terminals area's actions and the other areas' ways into it (MainWindowTerminals.cpp).
    void createTerminalActions(QMenu *clusterMenu);
    // What the Jobs area's editor says about files on this computer (MainWindowScripts.cpp).
    void followJobScripts();
    // From closeEvent: true when no open job script has unsaved changes (or they were given up);
    // otherwise asks, without a nested event loop, and closes again when told to give them up.
    bool mayCloseWithScripts();
    void updateForCurrent();
    void updateStatus();
    void updateStoreProblem();
    void restoreSettings();
    void saveSettings() const;
    void reportError(const QString &title, const QString &message);

    app::ProfileStore *m_store;
    app::Keyring *m_keyring;
    Options m_options;
    GuiInteraction *m_interaction;
    app::ClusterListModel *m_clusters;
    ClusterSidebar *m_sidebar;
    ClusterPanel *m_panel;
    AreaTabs *m_areas;
    FilesArea *m_files;
    JobsArea *m_jobs;
    MonitorArea *m_monitor;
    JupyterArea *m_jupyter;
    TerminalArea *m_terminals;
    WelcomeView *m_welcome;
    DesktopNotifier *m_notifier;
    TrayIcon *m_tray;
    QStackedWidget *m_right;
    QLabel *m_storeProblem;
    QSplitter *m_splitter;
    QLabel *m_clusterStatus;
    QLabel *m_connectionStatus;
    QList<QAction *> m_clusterActions; // need a selected cluster
    QAction *m_connectAction = nullptr;
    QAction *m_disconnectAction = nullptr;
    bool m_demoRunning = false;
    bool m_scriptsOpened = false;            // the areas show even before there is any cluster
    QPointer<QMessageBox> m_scriptsQuestion; // about unsaved job scripts, while it is up
    bool m_scriptsGivenUp = false;
};

} // namespace ui
