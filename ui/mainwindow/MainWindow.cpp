// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/mainwindow/MainWindow.h"

#include "app/clusters/ClusterListModel.h"
#include "app/connections/ClusterConnection.h"
#include "app/connections/RememberingInteraction.h"
#include "app/demo/DemoCluster.h"
#include "app/profiles/ProfileStore.h"
#include "sshcore/SshConnection.h"
#include "sshcore/config/SshConfig.h"
#include "ui/about/AboutDialog.h"
#include "ui/connection/GuiInteraction.h"
#include "ui/files/FilesArea.h"
#include "ui/jobs/JobsArea.h"
#include "ui/jupyter/JupyterArea.h"
#include "ui/mainwindow/AreaTabs.h"
#include "ui/mainwindow/ClusterPanel.h"
#include "ui/mainwindow/ClusterSidebar.h"
#include "ui/mainwindow/TrayIcon.h"
#include "ui/monitor/MonitorArea.h"
#include "ui/notify/DesktopNotifier.h"
#include "ui/notify/NotificationSettingsDialog.h"
#include "ui/profiles/ClusterFiles.h"
#include "ui/profiles/ProfileDialog.h"
#include "ui/terminal/TerminalArea.h"
#include "ui/welcome/WelcomeView.h"
#include "ui/widgets/Icons.h"
#include "ui/widgets/Palette.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QKeySequence>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace ui {

using sshcore::SshConnectionState;

namespace {
QString sshConfigFile(const QString &configured)
{
    return configured.isEmpty() ? QDir::homePath() + QStringLiteral("/.ssh/config") : configured;
}
} // namespace

MainWindow::MainWindow(app::ProfileStore *store, app::Keyring *keyring, Options options, QWidget *parent)
    : QMainWindow(parent)
    , m_store(store)
    , m_keyring(keyring)
    , m_options(std::move(options))
    , m_interaction(new GuiInteraction(this, this))
    , m_clusters(new app::ClusterListModel(store, {m_options.sshConfigPath, m_interaction, keyring}, this))
    , m_sidebar(new ClusterSidebar(m_clusters, this))
    , m_panel(new ClusterPanel(m_clusters, this))
    , m_areas(new AreaTabs(this))
    , m_files(new FilesArea(this))
    , m_jobs(new JobsArea(this))
    , m_monitor(new MonitorArea(this))
    , m_jupyter(new JupyterArea(this))
    , m_terminals(new TerminalArea(this))
    , m_welcome(new WelcomeView(this))
    , m_notifier(new DesktopNotifier(this))
    , m_tray(new TrayIcon(
          this, [this] { return m_clusters->openConnectionCount() > 0; },
          [this] { return m_jobs->keepsRunning() + JupyterArea::keepsRunning(m_clusters->connections()); }))
    , m_right(new QStackedWidget(this))
    , m_storeProblem(new QLabel(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_clusterStatus(new QLabel(this))
    , m_connectionStatus(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(QStringLiteral("clusterdesk"));
    setWindowIcon(appIcon());

    auto *work = new QWidget(this);
    auto *workLayout = new QVBoxLayout(work);
    workLayout->setContentsMargins(0, 0, 0, 0);
    workLayout->setSpacing(0);
    workLayout->addWidget(m_panel);
    workLayout->addWidget(m_areas, 1);
    m_areas->setAreaWidget(AreaTabs::Files, m_files);
    m_areas->setAreaWidget(AreaTabs::Jobs, m_jobs);
    m_areas->setAreaWidget(AreaTabs::Monitor, m_monitor);
    m_areas->setAreaWidget(AreaTabs::Jupyter, m_jupyter);
    m_areas->setAreaWidget(AreaTabs::Terminals, m_terminals);
    for (QWidget *area : std::initializer_list<QWidget *>{m_files, m_jobs, m_monitor, m_jupyter, m_terminals})
        connect(area, SIGNAL(message(QString)), this, SLOT(showMessage(QString)));
    m_jobs->setNotifier(m_notifier);
    m_monitor->setNotifier(m_notifier);
    m_jupyter->setNotifier(m_notifier);
    m_terminals->setNotifier(m_notifier);
    connect(m_jobs, &JobsArea::monitorRequested, this, [this](const QString &jobId) {
        m_areas->setCurrentIndex(AreaTabs::Monitor);
        m_monitor->showJob(jobId);
    });
    m_right->addWidget(m_welcome);
    m_right->addWidget(work);

    m_storeProblem->setObjectName(QStringLiteral("storeProblem"));
    m_storeProblem->setWordWrap(true);
    m_storeProblem->setTextFormat(Qt::PlainText);
    m_storeProblem->setAutoFillBackground(true);
    m_storeProblem->setContentsMargins(12, 8, 12, 8);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(0);
    rightLayout->addWidget(m_storeProblem);
    rightLayout->addWidget(m_right, 1);

    m_sidebar->setMinimumWidth(220);
    m_splitter->addWidget(m_sidebar);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({300, 980});
    m_splitter->setChildrenCollapsible(false);
    setCentralWidget(m_splitter);

    m_clusterStatus->setObjectName(QStringLiteral("clusterStatus"));
    m_clusterStatus->setTextFormat(Qt::PlainText);
    m_connectionStatus->setObjectName(QStringLiteral("connectionStatus"));
    statusBar()->addWidget(m_clusterStatus, 1);
    statusBar()->addPermanentWidget(m_connectionStatus);

    createActions();
    followJobScripts();
    connect(m_sidebar, &ClusterSidebar::currentChanged, this, &MainWindow::updateForCurrent);
    connect(m_sidebar, &ClusterSidebar::activated, this, &MainWindow::connectCluster);
    connect(m_clusters, &app::ClusterListModel::connectionChanged, this, [this](const QUuid &id) {
        if (id == m_sidebar->currentId())
            updateForCurrent();
        else
            updateStatus();
    });
    connect(m_clusters, &QAbstractItemModel::modelReset, this, &MainWindow::updateForCurrent);
    connect(m_clusters, &app::ClusterListModel::keyringProblem, this,
            [this](const QString &message) { statusBar()->showMessage(message, 20000); });
    connect(m_store, &app::ProfileStore::changed, this, &MainWindow::updateForCurrent);
    connect(m_clusters, &app::ClusterListModel::renameFailed, this,
            [this](const QString &message) { reportError(tr("Could not rename the cluster"), message); });
    connect(m_panel, &ClusterPanel::connectRequested, this, &MainWindow::connectCluster);
    connect(m_panel, &ClusterPanel::disconnectRequested, this, &MainWindow::disconnectCluster);
    connect(m_panel, &ClusterPanel::editRequested, this, &MainWindow::editCluster);
    connect(m_welcome, &WelcomeView::importRequested, this, &MainWindow::importFromSshConfig);
    connect(m_welcome, &WelcomeView::addRequested, this, &MainWindow::addCluster);
    connect(m_welcome, &WelcomeView::demoRequested, this, &MainWindow::tryDemoCluster);

    resize(1280, 800);
    restoreSettings();
    updateStoreProblem();
    updateForCurrent();
}

MainWindow::~MainWindow()
{
    // The views go before the model they show (an open rename editor commits on its way out).
    delete m_splitter;
}

void MainWindow::createActions()
{
    const auto make = [this](const QString &name, const QString &icon, const QString &text, const QKeySequence &key,
                             const QString &tip, const QString &ownIcon = {}) {
        auto *action = new QAction(ownIcon.isEmpty() ? QIcon::fromTheme(icon) : themedIcon(icon, ownIcon), text, this);
        action->setObjectName(name);
        action->setShortcut(key);
        action->setStatusTip(tip);
        action->setShortcutContext(Qt::WindowShortcut);
        addAction(action);
        return action;
    };
    const auto forCurrent = [this](QAction *action, void (MainWindow::*slot)(const QUuid &)) {
        connect(action, &QAction::triggered, this, [this, slot] {
            if (const QUuid id = m_sidebar->currentId(); !id.isNull())
                (this->*slot)(id);
        });
        m_clusterActions.append(action);
    };

    QAction *add = make(QStringLiteral("addClusterAction"), QStringLiteral("list-add"), tr("&Add Cluster…"),
                        QKeySequence::New, tr("Add a cluster by its login host"), QStringLiteral("add"));
    connect(add, &QAction::triggered, this, &MainWindow::addCluster);
    QAction *importSsh = make(QStringLiteral("importSshConfigAction"), QStringLiteral("document-import"),
                              tr("&Import from ~/.ssh/config…"), QKeySequence(Qt::CTRL | Qt::Key_I),
                              tr("Choose hosts of your OpenSSH configuration to add as clusters"),
                              QStringLiteral("import"));
    connect(importSsh, &QAction::triggered, this, &MainWindow::importFromSshConfig);
    QAction *importFile = make(QStringLiteral("importFileAction"), QStringLiteral("document-open"),
                               tr("Import Clusters from &File…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I),
                               tr("Add the clusters of a file exported by clusterdesk"));
    connect(importFile, &QAction::triggered, this, [this] {
        importClustersFromFile(this, m_store, [this](const ClusterFilesOutcome &outcome) { showOutcome(outcome); });
    });
    QAction *exportFile = make(QStringLiteral("exportAction"), QStringLiteral("document-save-as"),
                               tr("&Export Clusters…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
                               tr("Save your clusters to a file, to share or to move to another computer"));
    connect(exportFile, &QAction::triggered, this, [this] {
        exportClustersToFile(this, m_store, [this](const ClusterFilesOutcome &outcome) { showOutcome(outcome); });
    });
    QAction *demo = make(QStringLiteral("tryDemoAction"), QStringLiteral("applications-science"),
                         tr("Try the &Demo Cluster"), {}, tr("Add the local demo cluster and connect to it"),
                         QStringLiteral("demo"));
    connect(demo, &QAction::triggered, this, &MainWindow::tryDemoCluster);

    m_connectAction = make(QStringLiteral("connectAction"), QStringLiteral("network-connect"), tr("&Connect"),
                           QKeySequence(Qt::CTRL | Qt::Key_Return), tr("Connect to the selected cluster"),
                           QStringLiteral("connect"));
    forCurrent(m_connectAction, &MainWindow::connectCluster);
    m_disconnectAction = make(QStringLiteral("disconnectAction"), QStringLiteral("network-disconnect"),
                              tr("&Disconnect"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return),
                              tr("Close the connection to the selected cluster"), QStringLiteral("disconnect"));
    forCurrent(m_disconnectAction, &MainWindow::disconnectCluster);
    QAction *edit = make(QStringLiteral("editAction"), QStringLiteral("document-edit"), tr("&Edit…"),
                         QKeySequence(Qt::CTRL | Qt::Key_E), tr("Change how to reach and log in to the cluster"),
                         QStringLiteral("edit"));
    forCurrent(edit, &MainWindow::editCluster);
    QAction *clone = make(QStringLiteral("cloneAction"), QStringLiteral("edit-copy"), tr("C&lone"),
                          QKeySequence(Qt::CTRL | Qt::Key_D), tr("Make a copy of the cluster to change"));
    forCurrent(clone, &MainWindow::cloneCluster);
    QAction *rename = make(QStringLiteral("renameAction"), QStringLiteral("edit-rename"), tr("&Rename"),
                           QKeySequence(Qt::Key_F2), tr("Rename the cluster"));
    forCurrent(rename, &MainWindow::renameCluster);
    QAction *remove = make(QStringLiteral("deleteAction"), QStringLiteral("edit-delete"), tr("&Delete…"),
                           QKeySequence::Delete, tr("Remove the cluster from clusterdesk"));
    forCurrent(remove, &MainWindow::deleteCluster);
    QAction *notifications = make(QStringLiteral("notificationsAction"),
                                  QStringLiteral("preferences-desktop-notification"), tr("&Notifications…"), {},
                                  tr("Choose what the desktop is told about this cluster"));
    forCurrent(notifications, &MainWindow::editNotifications);
    // Delete is also a text-editing key: only when the cluster list has the focus.
    remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_sidebar->view()->addAction(remove);
    rename->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_sidebar->view()->addAction(rename);

    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addActions({add, importSsh, importFile, exportFile});
    fileMenu->addSeparator();
    fileMenu->addAction(demo);
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, m_tray, &TrayIcon::quit);

    QMenu *clusterMenu = menuBar()->addMenu(tr("&Cluster"));
    clusterMenu->addActions({m_connectAction, m_disconnectAction});
    clusterMenu->addSeparator();
    clusterMenu->addActions({edit, clone, rename, remove});
    clusterMenu->addSeparator();
    clusterMenu->addAction(notifications);
    createTerminalActions(clusterMenu);

    auto *contextMenu = new QMenu(this);
    contextMenu->addActions({m_connectAction, m_disconnectAction});
    contextMenu->addSeparator();
    contextMenu->addActions({edit, clone, rename, remove});
    contextMenu->addSeparator();
    contextMenu->addAction(notifications);
    m_sidebar->setContextMenu(contextMenu);
    auto *addMenu = new QMenu(this);
    addMenu->addActions({add, importSsh, importFile});
    addMenu->addSeparator();
    addMenu->addAction(demo);
    m_sidebar->setAddMenu(addMenu);

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    QAction *refresh = viewMenu->addAction(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("&Refresh"));
    refresh->setObjectName(QStringLiteral("refreshAction"));
    refresh->setShortcut(QKeySequence::Refresh);
    refresh->setStatusTip(tr("Look for the demo cluster and your ~/.ssh/config hosts again"));
    connect(refresh, &QAction::triggered, this, &MainWindow::refresh);
    QAction *showSidebar = viewMenu->addAction(tr("Show &Cluster List"));
    showSidebar->setCheckable(true);
    showSidebar->setChecked(true);
    showSidebar->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    connect(showSidebar, &QAction::toggled, m_sidebar, &QWidget::setVisible);
    viewMenu->addSeparator();
    for (int area = AreaTabs::Files; area <= AreaTabs::Terminals; ++area) {
        QAction *go = viewMenu->addAction(m_areas->tabIcon(area), m_areas->tabText(area));
        go->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + area)));
        connect(go, &QAction::triggered, this, [this, area] { m_areas->setCurrentIndex(area); });
    }

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *about = helpMenu->addAction(appIcon(), tr("&About clusterdesk"));
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
    QAction *aboutQt = helpMenu->addAction(tr("About &Qt"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::refresh()
{
    const auto demo = m_clusters->followDemoCluster(m_options.demoConnectionFile);
    m_demoRunning = demo && *demo;
    m_welcome->setDemoCluster(m_demoRunning, demo ? QString() : demo.error().message);
    if (QAction *tryDemo = findChild<QAction *>(QStringLiteral("tryDemoAction")))
        tryDemo->setEnabled(m_demoRunning);
    const auto config = sshcore::SshConfig::load(sshConfigFile(m_options.sshConfigPath));
    m_welcome->setSshConfigHosts(config ? int(config->concreteHosts().size()) : 0);
    updateForCurrent();
}

void MainWindow::showAbout()
{
    auto *dialog = new AboutDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showMessage(const QString &text)
{
    statusBar()->showMessage(text, 15000);
}

void MainWindow::reportError(const QString &title, const QString &message)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("errorBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    box->open();
}

void MainWindow::addCluster()
{
    app::Profile blank;
    auto *dialog = new ProfileDialog(blank, true, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const auto added = m_store->add(dialog->profile());
        if (!added) {
            reportError(tr("Could not add the cluster"), added.error().message);
            return;
        }
        m_sidebar->setCurrentId(added->id);
    });
    dialog->open();
}

void MainWindow::editCluster(const QUuid &id)
{
    const app::Profile *profile = m_store->profile(id);
    if (!profile)
        return;
    auto *dialog = new ProfileDialog(*profile, false, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QDialog::accepted, this, [this, dialog, before = *profile] {
        const app::Profile after = dialog->profile();
        if (before.rememberSecrets && !after.rememberSecrets)
            app::RememberingInteraction::forget(m_keyring, before);
        if (const auto saved = m_store->update(after); !saved)
            reportError(tr("Could not save the cluster"), saved.error().message);
    });
    dialog->open();
}

void MainWindow::cloneCluster(const QUuid &id)
{
    const auto cloned = m_store->clone(id);
    if (!cloned) {
        reportError(tr("Could not clone the cluster"), cloned.error().message);
        return;
    }
    m_sidebar->setCurrentId(cloned->id);
    renameCluster(cloned->id);
}

void MainWindow::renameCluster(const QUuid &id)
{
    const QModelIndex index = m_clusters->indexOf(id);
    if (!index.isValid())
        return;
    m_sidebar->setCurrentId(id);
    m_sidebar->view()->setFocus();
    m_sidebar->view()->edit(index);
}

void MainWindow::deleteCluster(const QUuid &id)
{
    const app::Profile *profile = m_store->profile(id);
    if (!profile)
        return;
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Delete %1?").arg(profile->name),
        tr("Remove \"%1\" (%2) from clusterdesk? Nothing on the cluster is touched; a remembered password is "
           "removed from the keyring.")
            .arg(profile->name, profile->address()),
        QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmDelete"));
    QPushButton *remove = box->addButton(tr("&Delete"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("confirmDeleteButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    connect(box, &QMessageBox::finished, this, [this, box, remove, id] {
        if (box->clickedButton() != remove)
            return;
        if (const app::Profile *gone = m_store->profile(id))
            app::RememberingInteraction::forget(m_keyring, *gone);
        if (const auto removed = m_store->remove(id); !removed)
            reportError(tr("Could not delete the cluster"), removed.error().message);
    });
    box->open();
}

void MainWindow::importFromSshConfig()
{
    importClustersFromSshConfig(this, m_store, sshConfigFile(m_options.sshConfigPath),
                                [this](const ClusterFilesOutcome &outcome) {
                                    showOutcome(outcome);
                                    if (!outcome.added.isNull())
                                        m_sidebar->setCurrentId(outcome.added);
                                });
}

void MainWindow::showOutcome(const ClusterFilesOutcome &outcome)
{
    if (!outcome.error.isEmpty())
        reportError(outcome.errorTitle, outcome.error);
    else
        statusBar()->showMessage(outcome.status, 10000);
}

void MainWindow::tryDemoCluster()
{
    const auto cluster = app::DemoCluster::load(m_options.demoConnectionFile);
    if (!cluster) {
        reportError(tr("The demo cluster is not available"),
                    tr("%1\n\nStart it with: packaging/dev cluster start").arg(cluster.error().message));
        return;
    }
    for (const app::Profile &profile : m_store->profiles()) {
        if (profile.demo) {
            m_sidebar->setCurrentId(profile.id);
            connectCluster(profile.id);
            return;
        }
    }
    const auto added = m_store->add(app::ClusterListModel::demoProfile(*cluster));
    if (!added) {
        reportError(tr("Could not add the demo cluster"), added.error().message);
        return;
    }
    m_sidebar->setCurrentId(added->id);
    connectCluster(added->id);
}

void MainWindow::connectCluster(const QUuid &id)
{
    if (app::ClusterConnection *connection = m_clusters->connection(id)) {
        m_sidebar->setCurrentId(id);
        connection->open();
    }
}

void MainWindow::disconnectCluster(const QUuid &id)
{
    if (app::ClusterConnection *connection = m_clusters->existingConnection(id))
        connection->close();
}

void MainWindow::updateForCurrent()
{
    const bool empty = m_store->profiles().isEmpty() && !m_scriptsOpened;
    m_right->setCurrentIndex(empty ? 0 : 1);
    const QUuid id = m_sidebar->currentId();
    m_panel->setCluster(id);
    const app::Profile *profile = m_store->profile(id);
    const app::ClusterConnection *connection = m_clusters->existingConnection(id);
    const SshConnectionState state = connection ? connection->state() : SshConnectionState::Disconnected;
    const bool open = connection && connection->isOpen();
    for (QAction *action : std::as_const(m_clusterActions))
        action->setEnabled(profile != nullptr);
    m_connectAction->setEnabled(profile && !open);
    m_disconnectAction->setEnabled(open);
    if (!profile)
        m_areas->setCluster({}, false);
    else
        m_areas->setCluster(profile->name, state == SshConnectionState::Connected);
    // The areas follow the selected cluster once it is connected (and stay through a reconnect).
    if (state == SshConnectionState::Connected || !connection) {
        app::ClusterConnection *connected = state == SshConnectionState::Connected ? m_clusters->existingConnection(id)
                                                                                   : nullptr;
        m_files->setConnection(connected);
        m_jobs->setConnection(connected);
        m_monitor->setConnection(connected);
        m_jupyter->setConnection(connected);
        m_terminals->setConnection(connected);
    }
    updateStatus();
}

void MainWindow::updateStatus()
{
    const QUuid id = m_sidebar->currentId();
    const app::Profile *profile = m_store->profile(id);
    const app::ClusterConnection *connection = m_clusters->existingConnection(id);
    if (!profile) {
        m_clusterStatus->setText(m_store->profiles().isEmpty() ? tr("No clusters yet") : tr("No cluster selected"));
    } else if (connection && connection->state() == SshConnectionState::Connected) {
        QStringList parts{connection->ssh()->settings().displayName()};
        if (connection->scheduler())
            parts.append(connection->scheduler()->displayName());
        else
            parts.append(tr("detecting the scheduler…"));
        if (connection->latency())
            parts.append(tr("latency %1 ms").arg(connection->latency()->count()));
        m_clusterStatus->setText(parts.join(QStringLiteral("  ·  ")));
    } else {
        const SshConnectionState state = connection ? connection->state() : SshConnectionState::Disconnected;
        m_clusterStatus->setText(
            QStringLiteral("%1  ·  %2").arg(profile->address(), app::ClusterConnection::stateName(state)));
    }
    const int open = m_clusters->openConnectionCount();
    m_connectionStatus->setText(open == 0
                                    ? tr("Not connected")
                                    : (open == 1 ? tr("1 cluster connected") : tr("%1 clusters connected").arg(open)));
}

void MainWindow::updateStoreProblem()
{
    m_storeProblem->setVisible(m_store->isReadOnly());
    if (!m_store->isReadOnly())
        return;
    m_storeProblem->setText(tr("%1\nclusterdesk left the file as it is and will not change it: fix or move it away, "
                               "then restart clusterdesk.")
                                .arg(m_store->problem()));
    QPalette tinted = m_storeProblem->palette();
    tinted.setColor(QPalette::Window, palette::tint(palette::danger(palette()), palette()));
    m_storeProblem->setPalette(tinted);
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    m_splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
    const QUuid last = QUuid::fromString(settings.value(QStringLiteral("clusters/last")).toString());
    if (!last.isNull())
        m_sidebar->setCurrentId(last);
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    const QUuid current = m_sidebar->currentId();
    if (!current.isNull())
        settings.setValue(QStringLiteral("clusters/last"), current.toString(QUuid::WithoutBraces));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    if (m_tray->closeToTray()) {
        event->ignore(); // watching on from the tray
        return;
    }
    if (!mayCloseWithScripts()) {
        event->ignore(); // asked about the unsaved job scripts first
        return;
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::editNotifications(const QUuid &id)
{
    if (const app::Profile *profile = m_store->profile(id))
        NotificationSettingsDialog::openFor(profile->name, this);
}

} // namespace ui
