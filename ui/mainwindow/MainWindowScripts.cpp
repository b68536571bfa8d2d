// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// MainWindow and job scripts on this computer: opened from a file manager or the command line into
// the Jobs area's editor, where they can be edited, saved back, and submitted to whichever cluster
// is selected and connected (the editor keeps them when another cluster is picked).

#include "ui/jobs/JobScriptEditor.h"
#include "ui/jobs/JobsArea.h"
#include "ui/mainwindow/AreaTabs.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/mainwindow/TrayIcon.h"

#include <QMessageBox>
#include <QPushButton>

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

bool MainWindow::mayCloseWithScripts()
{
    const QStringList changed = m_jobs->editor()->changedDocuments();
    if (m_scriptsGivenUp || changed.isEmpty())
        return true;
    if (m_scriptsQuestion) {
        m_scriptsQuestion->raise();
        return false;
    }
    if (!isVisible())
        m_tray->showWindow(); // quitting from the tray: the question needs the window
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Job scripts not saved"),
                                tr("%n job script(s) have changes that are not saved anywhere:\n\n%1\n\n"
                                   "Close clusterdesk and lose them?",
                                   nullptr, int(changed.size()))
                                    .arg(u"• " + changed.join(u"\n• ")),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("unsavedScripts"));
    QPushButton *show = box->addButton(tr("&Show Them"), QMessageBox::RejectRole);
    show->setObjectName(QStringLiteral("showUnsavedScripts"));
    QPushButton *giveUp = box->addButton(tr("&Close Without Saving"), QMessageBox::DestructiveRole);
    giveUp->setObjectName(QStringLiteral("closeWithoutSaving"));
    box->setDefaultButton(show);
    box->setAttribute(Qt::WA_DeleteOnClose);
    m_scriptsQuestion = box;
    connect(box, &QMessageBox::finished, this, [this, box, giveUp] {
        if (box->clickedButton() == giveUp) {
            m_scriptsGivenUp = true;
            if (m_tray->isQuitting())
                m_tray->quitNow();
            else
                close();
            return;
        }
        m_tray->cancelQuit();
        m_areas->setCurrentIndex(AreaTabs::Jobs);
        m_jobs->showPage(JobsArea::ScriptPage);
        m_jobs->editor()->showFirstChanged();
    });
    box->open();
    return false;
}

} // namespace ui
