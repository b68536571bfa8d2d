// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/mainwindow/AreaTabs.h"

#include "ui/widgets/EmptyStateWidget.h"

#include <QIcon>
#include <QMetaEnum>
#include <QStackedWidget>

namespace ui {

AreaTabs::AreaTabs(QWidget *parent)
    : QTabWidget(parent)
{
    setDocumentMode(true);
    setIconSize(QSize(20, 20));
    addArea(Files, QStringLiteral(":/clusterdesk/icons/area-files.svg"), tr("&Files"), tr("Files on your cluster"),
            tr("Your home and project directories next to the files on this computer. Drag files "
               "or whole folders across: transfers queue up, resume after a dropped connection, "
               "and never leave a half-written file behind."));
    addArea(Jobs, QStringLiteral(":/clusterdesk/icons/area-jobs.svg"), tr("&Jobs"), tr("Your jobs"),
            tr("Write job scripts with a form or in a highlighted editor, submit them to Slurm, "
               "PBS, LSF or Grid Engine, and follow the queue, each job's output, and how much of "
               "what it asked for it really used."));
    addArea(Monitor, QStringLiteral(":/clusterdesk/icons/area-monitor.svg"), tr("&Monitor"),
            tr("Queue and utilisation"),
            tr("Charts of the queue and of CPU and GPU use over time, so you can see whether a job "
               "used the GPUs it waited for, and ask for less next time."));
    addArea(Jupyter, QStringLiteral(":/clusterdesk/icons/area-jupyter.svg"), tr("J&upyter"),
            tr("Jupyter on a compute node"),
            tr("Start a Jupyter server inside a batch job and open it through an SSH tunnel with "
               "one button. You are warned before the job's time runs out."));
    addArea(Terminals, QStringLiteral(":/clusterdesk/icons/area-terminal.svg"), tr("&Terminals"),
            tr("Terminals on the cluster"),
            tr("A shell on the login node, in a folder, inside a running job, or on a node allocated "
               "for you for a while, all over the connection you already have: no second login and "
               "no second code."));
}

void AreaTabs::addArea(Area area, const QString &iconPath, const QString &label, const QString &title,
                       const QString &description)
{
    auto *emptyState = new EmptyStateWidget(iconPath, title, description, this);
    emptyState->setObjectName(QString::fromLatin1(QMetaEnum::fromType<Area>().valueToKey(area)));
    m_emptyStates.append(emptyState);
    auto *stack = new QStackedWidget(this);
    stack->addWidget(emptyState);
    m_stacks.append(stack);
    const int index = addTab(stack, QIcon(iconPath), label);
    Q_ASSERT(index == area);
}

void AreaTabs::setHint(const QString &hint)
{
    for (EmptyStateWidget *emptyState : std::as_const(m_emptyStates))
        emptyState->setHint(hint);
}

void AreaTabs::setCluster(const QString &name, bool connected)
{
    if (name.isEmpty())
        setHint(tr("Select a cluster on the left."));
    else if (connected)
        setHint(tr("Connected to %1.").arg(name));
    else
        setHint(tr("Connect to %1 to use this area.").arg(name));
    for (EmptyStateWidget *emptyState : std::as_const(m_emptyStates))
        emptyState->setEnabled(connected);
    m_connected = connected;
    for (qsizetype area = 0; area < m_stacks.size(); ++area)
        showCurrent(Area(area));
}

void AreaTabs::showCurrent(Area area)
{
    QStackedWidget *stack = m_stacks.at(area);
    const bool working = m_connected || m_shownWithoutCluster.contains(area);
    stack->setCurrentIndex(working && stack->count() > 1 ? 1 : 0);
}

void AreaTabs::setShownWithoutCluster(Area area, bool shown)
{
    m_shownWithoutCluster.removeAll(area);
    if (shown)
        m_shownWithoutCluster.append(area);
    showCurrent(area);
}

void AreaTabs::setAreaWidget(Area area, QWidget *widget)
{
    QStackedWidget *stack = m_stacks.at(area);
    while (stack->count() > 1)
        stack->removeWidget(stack->widget(1));
    stack->addWidget(widget);
    showCurrent(area);
}

} // namespace ui
