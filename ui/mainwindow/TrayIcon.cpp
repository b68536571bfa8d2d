// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/mainwindow/TrayIcon.h"

#include <QAction>
#include <QApplication>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSystemTrayIcon>

namespace ui {

namespace {
const QString ExplainedKey = QStringLiteral("tray/explained");
}

TrayIcon::TrayIcon(QMainWindow *window, std::function<bool()> watching, std::function<QStringList()> running)
    : QObject(window)
    , m_window(window)
    , m_watching(std::move(watching))
    , m_running(std::move(running))
    , m_show(new QAction(tr("&Show clusterdesk"), this))
    , m_quit(new QAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"), this))
{
    m_show->setObjectName(QStringLiteral("trayShowAction"));
    m_quit->setObjectName(QStringLiteral("trayQuitAction"));
    connect(m_show, &QAction::triggered, this, &TrayIcon::showWindow);
    connect(m_quit, &QAction::triggered, this, &TrayIcon::quit);
}

bool TrayIcon::available()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

bool TrayIcon::closeToTray()
{
    if (m_quitting || !available() || !m_watching())
        return false;
    if (!m_icon) {
        m_icon = new QSystemTrayIcon(m_window->windowIcon(), this);
        m_icon->setToolTip(tr("clusterdesk is watching your clusters"));
        auto *menu = new QMenu(m_window);
        menu->addAction(m_show);
        menu->addSeparator();
        menu->addAction(m_quit);
        m_icon->setContextMenu(menu);
        connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
            if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                showWindow();
        });
    }
    // With the window hidden, a dialog closing (quit's question) must not end the application.
    QApplication::setQuitOnLastWindowClosed(false);
    m_icon->show();
    m_window->hide();
    QSettings settings;
    if (!settings.value(ExplainedKey).toBool()) {
        settings.setValue(ExplainedKey, true);
        m_icon->showMessage(tr("clusterdesk keeps watching"),
                            tr("Your jobs and Jupyter sessions are still followed, and you are told when they "
                               "start, end or need you. Quit from this icon's menu."),
                            m_window->windowIcon(), 10000);
    }
    return true;
}

void TrayIcon::showWindow()
{
    if (m_icon)
        m_icon->hide();
    QApplication::setQuitOnLastWindowClosed(true);
    m_window->showNormal();
    m_window->raise();
    m_window->activateWindow();
}

QString TrayIcon::quitQuestion() const
{
    const QStringList running = m_running();
    if (running.isEmpty())
        return {};
    const QString list = u"• " + running.join(u"\n• ");
    return running.size() == 1
               ? tr("This keeps running on the cluster when clusterdesk quits, and you will not be told when it "
                    "ends:\n\n%1")
                     .arg(list)
               : tr("These keep running on the cluster when clusterdesk quits, and you will not be told when they "
                    "end:\n\n%1")
                     .arg(list);
}

void TrayIcon::quitNow()
{
    m_quitting = true;
    if (!m_window->close()) // saves the window's settings; refused while it asks about unsaved scripts
        return;
    if (m_icon)
        m_icon->hide();
    QApplication::quit();
}

void TrayIcon::quit()
{
    const auto leave = [this] { quitNow(); };
    const QString question = quitQuestion();
    if (question.isEmpty())
        return leave();
    auto *box = new QMessageBox(QMessageBox::Question, tr("Quit clusterdesk?"), question, QMessageBox::Cancel,
                                m_window->isVisible() ? m_window : nullptr);
    box->setObjectName(QStringLiteral("confirmQuit"));
    QPushButton *quitButton = box->addButton(tr("&Quit"), QMessageBox::AcceptRole);
    quitButton->setObjectName(QStringLiteral("confirmQuitButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [box, quitButton, leave] {
        if (box->clickedButton() == quitButton)
            leave();
    });
    box->open();
}

} // namespace ui
