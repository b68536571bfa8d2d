#include "ui/mainwindow/MainWindow.h"

#include "app/clusters/ClusterListModel.h"
#include "ui/about/AboutDialog.h"
#include "ui/mainwindow/AreaTabs.h"
#include "ui/mainwindow/ClusterSidebar.h"

#include <QAction>
#include <QApplication>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QSplitter>
#include <QStatusBar>

namespace ui {

MainWindow::MainWindow(app::ClusterListModel *clusters, QString demoConnectionFile, QWidget *parent)
    : QMainWindow(parent)
    , m_clusters(clusters)
    , m_demoConnectionFile(std::move(demoConnectionFile))
    , m_sidebar(new ClusterSidebar(clusters, this))
    , m_areas(new AreaTabs(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_clusterStatus(new QLabel(this))
    , m_connectionStatus(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(QStringLiteral("clusterdesk"));
    setWindowIcon(QIcon(QStringLiteral(":/clusterdesk/icons/clusterdesk.svg")));

    m_sidebar->setMinimumWidth(220);
    m_splitter->addWidget(m_sidebar);
    m_splitter->addWidget(m_areas);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({300, 980});
    m_splitter->setChildrenCollapsible(false);
    setCentralWidget(m_splitter);

    m_clusterStatus->setObjectName(QStringLiteral("clusterStatus"));
    m_clusterStatus->setTextFormat(Qt::PlainText);
    m_connectionStatus->setObjectName(QStringLiteral("connectionStatus"));
    m_connectionStatus->setText(tr("Not connected"));
    statusBar()->addWidget(m_clusterStatus, 1);
    statusBar()->addPermanentWidget(m_connectionStatus);

    createActions();
    connect(m_sidebar, &ClusterSidebar::currentRowChanged, this, &MainWindow::updateStatus);
    connect(m_clusters, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateStatus);
    m_areas->setHint(tr("Available once you are connected to a cluster."));
    resize(1280, 800);
    updateStatus();
}

void MainWindow::createActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *quit = fileMenu->addAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    QAction *refresh = viewMenu->addAction(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("&Refresh"));
    refresh->setObjectName(QStringLiteral("refreshAction"));
    refresh->setShortcut(QKeySequence::Refresh);
    refresh->setStatusTip(tr("Look for the demo cluster again and check which clusters answer"));
    connect(refresh, &QAction::triggered, this, &MainWindow::refresh);
    QAction *showSidebar = viewMenu->addAction(tr("Show &Cluster List"));
    showSidebar->setCheckable(true);
    showSidebar->setChecked(true);
    showSidebar->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    connect(showSidebar, &QAction::toggled, m_sidebar, &QWidget::setVisible);

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *about = helpMenu->addAction(QIcon(QStringLiteral(":/clusterdesk/icons/clusterdesk.svg")),
                                         tr("&About clusterdesk"));
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
    QAction *aboutQt = helpMenu->addAction(tr("About &Qt"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::refresh()
{
    const auto demo = m_clusters->reloadDemoCluster(m_demoConnectionFile);
    m_demoError = demo ? QString() : demo.error();
    m_clusters->checkReachability();
    updateStatus();
}

void MainWindow::showAbout()
{
    auto *dialog = new AboutDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::updateStatus()
{
    if (!m_demoError.isEmpty()) {
        m_clusterStatus->setText(m_demoError);
        return;
    }
    const int row = m_sidebar->currentRow();
    if (row < 0 || row >= m_clusters->rowCount()) {
        m_clusterStatus->setText(m_clusters->rowCount() == 0 ? tr("No clusters yet")
                                                             : tr("No cluster selected"));
        return;
    }
    const QModelIndex index = m_clusters->index(row);
    m_clusterStatus->setText(
        QStringLiteral("%1 — %2 — %3")
            .arg(index.data(Qt::DisplayRole).toString(),
                 index.data(app::ClusterListModel::AddressRole).toString(),
                 index.data(app::ClusterListModel::StatusTextRole).toString()));
}

} // namespace ui
