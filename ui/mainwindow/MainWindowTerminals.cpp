// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The main window's part in the terminals: the Cluster menu's Terminal (Ctrl+T) and Interactive
// Allocation…, and the other areas' ways into the Terminals area (Open Terminal Here in Files, a
// running job's Terminal in Jobs and Monitor). Kept apart from MainWindow.cpp, which is long enough.

#include "ui/files/FilesArea.h"
#include "ui/jobs/JobsArea.h"
#include "ui/mainwindow/AreaTabs.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/monitor/MonitorArea.h"
#include "ui/terminal/TerminalArea.h"

#include <QAction>
#include <QIcon>
#include <QKeySequence>
#include <QMenu>

namespace ui {

void MainWindow::createTerminalActions(QMenu *clusterMenu)
{
    const auto show = [this](TerminalArea *area) {
        m_areas->setCurrentIndex(AreaTabs::Terminals);
        return area;
    };
    clusterMenu->addSeparator();
    QAction *terminal = clusterMenu->addAction(QIcon(QStringLiteral(":/clusterdesk/icons/area-terminal.svg")),
                                               tr("&Terminal"));
    terminal->setObjectName(QStringLiteral("openTerminal"));
    terminal->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    terminal->setStatusTip(tr("A shell on the login node, over the connection you have"));
    connect(terminal, &QAction::triggered, this, [this, show] {
        if (!show(m_terminals)->openLoginShell())
            showMessage(tr("Connect to a cluster first: the terminal runs over its connection."));
    });
    QAction *allocate = clusterMenu->addAction(QIcon::fromTheme(QStringLiteral("system-run")),
                                               tr("Interactive &Allocation…"));
    allocate->setObjectName(QStringLiteral("interactiveAllocation"));
    allocate->setStatusTip(tr("A compute node for a while, with a shell on it"));
    connect(allocate, &QAction::triggered, this, [this, show] { show(m_terminals)->showAllocationForm(); });
    m_clusterActions << terminal << allocate;

    connect(m_files, &FilesArea::terminalRequested, this,
            [this, show](const QString &folder) { show(m_terminals)->openInFolder(folder); });
    connect(m_jobs, &JobsArea::terminalRequested, this, [this, show](const QString &jobId, const QString &nodes) {
        show(m_terminals)->openOnJobNode(jobId, nodes);
    });
    connect(m_monitor, &MonitorArea::terminalRequested, this, [this, show](const QString &jobId, const QString &nodes) {
        show(m_terminals)->openOnJobNode(jobId, nodes);
    });
}

} // namespace ui
