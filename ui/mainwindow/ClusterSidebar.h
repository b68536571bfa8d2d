#pragma once

#include <QWidget>

class QListView;
class QStackedWidget;

namespace app {
class ClusterListModel;
}

namespace ui {

// The side bar: the user's clusters, or what to do when there are none yet.
class ClusterSidebar : public QWidget
{
    Q_OBJECT

public:
    explicit ClusterSidebar(app::ClusterListModel *model, QWidget *parent = nullptr);

    QListView *view() const { return m_view; }
    int currentRow() const;

Q_SIGNALS:
    void currentRowChanged(int row);

private:
    void updateEmptyState();

    app::ClusterListModel *m_model;
    QListView *m_view;
    QStackedWidget *m_stack;
};

} // namespace ui
