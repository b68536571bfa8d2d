// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QUuid>
#include <QWidget>

class QListView;
class QMenu;
class QStackedWidget;
class QToolButton;

namespace app {
class ClusterListModel;
}

namespace ui {

// The side bar: the user's clusters with their connection state, or what to do when there are none.
class ClusterSidebar : public QWidget
{
    Q_OBJECT

public:
    explicit ClusterSidebar(app::ClusterListModel *model, QWidget *parent = nullptr);

    QListView *view() const { return m_view; }
    QUuid currentId() const;
    void setCurrentId(const QUuid &id);
    // The menu behind the "+" button (add, import).
    void setAddMenu(QMenu *menu);
    // The actions offered on a cluster's context menu.
    void setContextMenu(QMenu *menu) { m_contextMenu = menu; }

Q_SIGNALS:
    void currentChanged(const QUuid &id);
    void activated(const QUuid &id); // double-click or Enter

private:
    void updateEmptyState();

    app::ClusterListModel *m_model;
    QListView *m_view;
    QStackedWidget *m_stack;
    QToolButton *m_add;
    QMenu *m_contextMenu = nullptr;
    QUuid m_keptId; // across model resets
};

} // namespace ui
