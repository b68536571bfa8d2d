// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QList>
#include <QTabWidget>

class QStackedWidget;

namespace ui {

class EmptyStateWidget;

// The main window's work areas: Files, Jobs, Monitor, Jupyter and Terminals, one tab each.
class AreaTabs : public QTabWidget
{
    Q_OBJECT

public:
    enum Area { Files, Jobs, Monitor, Jupyter, Terminals };
    Q_ENUM(Area)

    explicit AreaTabs(QWidget *parent = nullptr);

    // The hint under each area's empty state, e.g. what to do to fill it.
    void setHint(const QString &hint);
    // The areas work on one cluster: name it, and whether it is connected (the areas are active then).
    void setCluster(const QString &name, bool connected);
    // The working widget of an area, shown instead of its empty state while a cluster is connected.
    void setAreaWidget(Area area, QWidget *widget);
    // Shows an area's working widget even while no cluster is connected (the Jobs area once a job
    // script on this computer is open: it can be edited and saved without a cluster).
    void setShownWithoutCluster(Area area, bool shown);

private:
    void addArea(Area area, const QString &iconPath, const QString &label, const QString &title,
                 const QString &description);
    void showCurrent(Area area);

    QList<EmptyStateWidget *> m_emptyStates;
    QList<QStackedWidget *> m_stacks;
    bool m_connected = false;
    QList<Area> m_shownWithoutCluster;
};

} // namespace ui
