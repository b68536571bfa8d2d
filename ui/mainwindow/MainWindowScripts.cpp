// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// MainWindow and job scripts on this computer: opened from a file manager or the command line into
// the Jobs area's editor, where they can be edited, saved back, and submitted to whichever cluster
// is selected and connected (the editor keeps them when another cluster is picked).

#include "ui/jobs/JobScriptEditor.h"
#include "ui/jobs/JobsArea.h"
#include "ui/mainwindow/AreaTabs.h"
#include "ui/mainwindow/MainWindow.h"

namespace ui {

void MainWindow::followJobScripts()
{
    connect(m_jobs->editor(), &JobScriptEditor::openFailed, this, [this](const QString &, const QString &message) {
        reportError(tr("Could not open the job script"), message);
    });
}

void MainWindow::openJobScripts(const QStringList &paths)
{
    if (!paths.isEmpty()) {
        m_scriptsOpened = true;
        m_areas->setShownWithoutCluster(AreaTabs::Jobs, true);
        m_areas->setCurrentIndex(AreaTabs::Jobs);
        m_jobs->showPage(JobsArea::ScriptPage);
        for (const QString &path : paths)
            m_jobs->editor()->openFile(path);
        updateForCurrent();
    }
    if (isMinimized())
        showNormal();
    else
        show();
    raise();
    activateWindow();
}

} // namespace ui
