#pragma once

#include <QMainWindow>

class QLabel;
class QSplitter;

namespace app {
class ClusterListModel;
}

namespace ui {

class AreaTabs;
class ClusterSidebar;

// The main window: clusters on the side, the work areas (Files, Jobs, Monitor, Jupyter) in the
// middle, and a status bar saying which cluster is selected and how it answers.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // demoConnectionFile: where the local demo cluster's connection file appears when it runs.
    MainWindow(app::ClusterListModel *clusters, QString demoConnectionFile, QWidget *parent = nullptr);

    AreaTabs *areas() const { return m_areas; }
    ClusterSidebar *sidebar() const { return m_sidebar; }

    // Looks for the demo cluster again and asks every cluster's server whether it answers.
    void refresh();
    void showAbout();

private:
    void createActions();
    void updateStatus();

    app::ClusterListModel *m_clusters;
    QString m_demoConnectionFile;
    QString m_demoError;
    ClusterSidebar *m_sidebar;
    AreaTabs *m_areas;
    QSplitter *m_splitter;
    QLabel *m_clusterStatus;
    QLabel *m_connectionStatus;
};

} // namespace ui
