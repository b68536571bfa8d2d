// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QObject>
#include <QStringList>

#include <functional>

class QAction;
class QMainWindow;
class QSystemTrayIcon;

namespace ui {

// Keeps clusterdesk watching its clusters (and telling the desktop about them) when its window is
// closed: the window goes to the system tray instead, saying so the first time, while something is
// watched. The tray's menu shows the window again or quits; quitting asks first only when something
// keeps running on a cluster, and says what.
class TrayIcon : public QObject
{
    Q_OBJECT

public:
    // watching: whether anything is watched now (a connected cluster); running: what keeps running on
    // the clusters when clusterdesk quits, one line each ("3 jobs on hawk"); empty: nothing.
    TrayIcon(QMainWindow *window, std::function<bool()> watching, std::function<QStringList()> running);

    // From the window's closeEvent: true when the window went to the tray (the event is to be
    // ignored), false when it closes as usual.
    bool closeToTray();
    // Shows the window again (the tray's Show, or a click on the icon).
    void showWindow();
    // Asks if something keeps running, then quitNow().
    void quit();
    // Closes the window for good and quits, unless the window refuses to close yet (it asks about
    // unsaved job scripts first: it calls quitNow() again once answered, or cancelQuit()).
    void quitNow();
    void cancelQuit() { m_quitting = false; }
    // Whether the tray can be used here (a desktop with a system tray).
    static bool available();
    bool isQuitting() const { return m_quitting; }

    QAction *showAction() const { return m_show; }
    QAction *quitAction() const { return m_quit; }
    // The question quit() asks; empty when there is nothing to ask about.
    QString quitQuestion() const;

private:
    QMainWindow *m_window;
    std::function<bool()> m_watching;
    std::function<QStringList()> m_running;
    QSystemTrayIcon *m_icon = nullptr; // made when first needed
    QAction *m_show;
    QAction *m_quit;
    bool m_quitting = false;
};

} // namespace ui
